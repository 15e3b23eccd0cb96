#include "ui/language.h"

#include "ui/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

#include <memory>

namespace Wardline::Ui {

namespace {
constexpr auto SourceLanguage = QLatin1StringView("en");

struct State
{
    // Parented to the application, so they never outlive it; QPointer notices if they go.
    QPointer<QTranslator> app;
    QPointer<QTranslator> qt;
    QString code = SourceLanguage;
};

State &state()
{
    static State s;
    return s;
}

QString resourcePath(const QString &code)
{
    return QStringLiteral(":/i18n/wardline_%1.qm").arg(code);
}
} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString Language::nativeName(const QString &code)
{
    // Endonyms on purpose, never translated: a reader must find their own language by its name.
    if (code == QLatin1StringView("en"))
        return QStringLiteral("English");
    if (code == QLatin1StringView("es"))
        return QStringLiteral("Español");
    return {};
}

QString Language::forLocale(const QLocale &locale)
{
    return locale.language() == QLocale::Spanish ? QStringLiteral("es") : QString(SourceLanguage);
}

bool Language::apply(const QString &code)
{
    if (!available().contains(code)) {
        qCWarning(lcUi) << "Unknown UI language" << code;
        return false;
    }
    QCoreApplication *app = QCoreApplication::instance();
    if (!app) {
        qCWarning(lcUi) << "Cannot change the UI language before the application exists";
        return false;
    }
    State &s = state();
    if (s.app && s.code == code)
        return true;

    auto appTranslator = std::make_unique<QTranslator>(app);
    if (!appTranslator->load(resourcePath(code))) {
        // English is the source language: without its file only the plural forms suffer.
        if (code != SourceLanguage) {
            qCWarning(lcUi) << "Missing translation" << resourcePath(code);
            return false;
        }
        qCDebug(lcUi) << "No English plural forms in" << resourcePath(code);
        appTranslator.reset();
    }
    // Qt's own strings (standard buttons, context menus); optional, the distribution may lack it.
    auto qtTranslator = std::make_unique<QTranslator>(app);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!qtTranslator->load(QStringLiteral("qtbase_") + code, qtDir))
        qtTranslator.reset();

    delete s.app; // a translator removes itself from the application when deleted
    delete s.qt;
    if (appTranslator) {
        QCoreApplication::installTranslator(appTranslator.get());
        s.app = appTranslator.release();
    }
    if (qtTranslator) {
        QCoreApplication::installTranslator(qtTranslator.get());
        s.qt = qtTranslator.release();
    }
    s.code = code;
    qCDebug(lcUi) << "UI language" << code;
    return true;
}

QString Language::current()
{
    return state().code;
}

} // namespace Wardline::Ui
