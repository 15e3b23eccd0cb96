#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Wardline::Console {

/// Tables as CSV (RFC 4180) for spreadsheets: UTF-8, CRLF line ends, fields quoted when they
/// hold a comma, a quote or a line break. A field a spreadsheet would run as a formula (it
/// starts with = + - @, a tab or a carriage return) is prefixed with an apostrophe (OWASP,
/// "CSV Injection").
class CsvWriter
{
public:
    /// One field, quoted and defused as needed.
    [[nodiscard]] static QByteArray field(const QString &value);
    /// One record with its CRLF.
    [[nodiscard]] static QByteArray record(const QStringList &fields);
    /// A header record and then every row.
    [[nodiscard]] static QByteArray document(const QStringList &header,
                                             const QList<QStringList> &rows);
};

} // namespace Wardline::Console
