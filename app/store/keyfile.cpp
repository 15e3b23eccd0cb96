#include "store/keyfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Wardline::Store::KeyFile {

using Core::Result;
using Core::SecretKey;

namespace {
QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

Result<SecretKey> create(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST)
            return Result<SecretKey>::failure(
                QStringLiteral("A key file already exists at %1; it was left untouched").arg(path));
        return Result<SecretKey>::failure(
            QStringLiteral("Unable to create the key file %1: %2").arg(path, systemError(error)));
    }
    // The umask could have narrowed the mode further, never widened it; make it exact.
    (void)::fchmod(fd, S_IRUSR | S_IWUSR);
    SecretKey key = SecretKey::generate();
    QByteArray text = key.toHex() + '\n';
    qsizetype written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.constData() + written, size_t(text.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    SecretKey::wipe(text);
    const bool synced = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (written != SecretKey::Size * 2 + 1 || !synced) {
        ::unlink(native.constData());
        return Result<SecretKey>::failure(
            QStringLiteral("Unable to write the key file %1: %2").arg(path, systemError(error)));
    }
    return key;
}

Result<QByteArray> readSecret(const QString &path)
{
    using R = Result<QByteArray>;
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        const int error = errno;
        return R::failure(QStringLiteral("Unable to open %1: %2").arg(path, systemError(error)));
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return R::failure(QStringLiteral("%1 is not a regular file").arg(path));
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        ::close(fd);
        return R::failure(QStringLiteral("Refusing %1: its permissions (%2) let others read it. "
                                         "Run: chmod 600 %1")
                              .arg(path)
                              .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    if (st.st_uid != ::geteuid()) {
        ::close(fd);
        return R::failure(QStringLiteral("Refusing %1: it belongs to another user").arg(path));
    }
    constexpr qsizetype MaxSecret = 64 * 1024;
    QByteArray text(MaxSecret + 1, '\0');
    qsizetype total = 0;
    while (total < text.size()) {
        const ssize_t n = ::read(fd, text.data() + total, size_t(text.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        total += n;
    }
    ::close(fd);
    if (total > MaxSecret) {
        SecretKey::wipe(text);
        return R::failure(QStringLiteral("%1 is too large to be a secret").arg(path));
    }
    text.truncate(total);
    QByteArray secret = text.trimmed();
    SecretKey::wipe(text);
    if (secret.isEmpty())
        return R::failure(QStringLiteral("%1 is empty").arg(path));
    return secret;
}

Result<SecretKey> read(const QString &path)
{
    auto text = readSecret(path);
    if (!text)
        return Result<SecretKey>::failure(QStringLiteral("The key file: %1").arg(text.error()));
    SecretKey key = SecretKey::fromHex(text.value());
    SecretKey::wipe(text.value());
    if (!key.isValid())
        return Result<SecretKey>::failure(
            QStringLiteral("The key file %1 does not hold a 256-bit key (64 hexadecimal digits)")
                .arg(path));
    return key;
}

} // namespace Wardline::Store::KeyFile
