#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Wardline::Sim {

/// A multipart/form-data body (RFC 7578) taken apart into its fields.
class MultipartForm
{
public:
    struct Part
    {
        QString name;
        QString filename;
        QByteArray contentType;
        QByteArray data;
    };

    /// The parts of \a body whose Content-Type header is \a contentType; nothing when it is not
    /// multipart/form-data with a boundary, or the body does not follow it.
    [[nodiscard]] static std::optional<MultipartForm> parse(const QByteArray &contentType,
                                                            const QByteArray &body);

    [[nodiscard]] const QList<Part> &parts() const { return m_parts; }
    /// The first part named \a name, or null.
    [[nodiscard]] const Part *part(const QString &name) const;

private:
    QList<Part> m_parts;
};

} // namespace Wardline::Sim
