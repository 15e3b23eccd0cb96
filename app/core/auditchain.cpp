#include "core/auditchain.h"

#include <QCryptographicHash>

namespace Wardline::Core::AuditChain {

QByteArray genesis()
{
    return QByteArray(64, '0');
}

QByteArray hash(const QByteArray &previousHash, const AuditRecord &record)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    auto field = [&h](const QByteArray &bytes) {
        // Length-prefixed, so ("ab","c") and ("a","bc") never hash alike.
        const QByteArray prefix = QByteArray::number(bytes.size()) + ':';
        h.addData(prefix);
        h.addData(bytes);
    };
    field(previousHash);
    field(QByteArray::number(record.id));
    field(record.at.toUtf8());
    field(record.actor.toUtf8());
    field(record.action.toUtf8());
    field(record.subject.toUtf8());
    field(record.detail.toUtf8());
    return h.result().toHex();
}

} // namespace Wardline::Core::AuditChain
