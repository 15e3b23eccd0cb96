#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace Wardline::Ui {

/// The console's UI language: installs the translators of the running application.
class Language
{
public:
    Language() = delete;

    /// The codes of the languages the console ships, in the order a chooser lists them.
    [[nodiscard]] static QStringList available();
    /// The language's name for itself ("English", "Español"); empty for an unknown code.
    [[nodiscard]] static QString nativeName(const QString &code);
    /// The shipped language closest to @p locale: "es" for any Spanish locale, else "en".
    [[nodiscard]] static QString forLocale(const QLocale &locale);
    /// Switches the application to @p code ("en", "es"). Returns false, and changes nothing,
    /// when the code is unknown, there is no application object, or the translation is missing.
    [[nodiscard]] static bool apply(const QString &code);
    /// The code last applied successfully; "en" (the source language) before any apply().
    [[nodiscard]] static QString current();
};

} // namespace Wardline::Ui
