#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>

namespace QKeychain {
class Job;
}

namespace Wardline::Console {

/// One service's entries in the OS keychain (Secret Service, KWallet, macOS Keychain, Windows
/// Credential Manager) through QtKeychain, never with a plain-file fallback. Every call answers
/// through its callback on this object's thread.
class Keychain : public QObject
{
    Q_OBJECT
public:
    enum class Failure { None, NotFound, NoKeychain, Denied, Other };

    struct Answer
    {
        Failure failure = Failure::None;
        QString error;   ///< the keychain's own words, when it failed
        QByteArray data; ///< what a read found
    };
    using Callback = std::function<void(Answer)>;

    explicit Keychain(QString service, QObject *parent = nullptr);

    void read(const QString &entry, Callback done);
    void write(const QString &entry, const QByteArray &data, Callback done);
    /// Removing an entry that is not there is not a failure.
    void remove(const QString &entry, Callback done);

    /// What to tell staff when the keychain failed (\a detail: the keychain's own words).
    [[nodiscard]] static QString describe(Failure failure, const QString &detail);

private:
    void run(QKeychain::Job *job, const QString &entry, Callback done);

    QString m_service;
};

} // namespace Wardline::Console
