#include "console/csvwriter.h"

namespace Wardline::Console {

QByteArray CsvWriter::field(const QString &value)
{
    QString text = value;
    // https://owasp.org/www-community/attacks/CSV_Injection
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    // RFC 4180 §2.6-2.7: enclose in quotes; a quote inside is doubled.
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') ||
        text.contains(u'\r')) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        text = u'"' + text + u'"';
    }
    return text.toUtf8();
}

QByteArray CsvWriter::record(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += field(fields.at(i));
    }
    return line + "\r\n";
}

QByteArray CsvWriter::document(const QStringList &header, const QList<QStringList> &rows)
{
    QByteArray all = record(header);
    for (const QStringList &row : rows)
        all += record(row);
    return all;
}

} // namespace Wardline::Console
