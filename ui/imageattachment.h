#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Wardline::Ui {

/// The picture staff are about to send, above the reply box: its thumbnail, name and size, an
/// optional caption and a button that takes it away again. Only JPEG and PNG files within
/// WhatsApp's 5 MB are accepted (Console::ComposeLimits).
class ImageAttachment : public QWidget
{
    Q_OBJECT
public:
    explicit ImageAttachment(QWidget *parent = nullptr);

    /// Reads \a path; false with \a error (for staff) when WhatsApp would not take it, and the
    /// strip is left as it was.
    [[nodiscard]] bool setFile(const QString &path, QString *error);
    void clear();
    [[nodiscard]] bool isEmpty() const { return m_bytes.isEmpty(); }
    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }
    [[nodiscard]] QString caption() const;
    /// The caption is within WhatsApp's limit.
    [[nodiscard]] bool isValid() const;

Q_SIGNALS:
    /// A picture was attached, its caption edited, or it was removed.
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateInfo();

    QByteArray m_bytes;
    QString m_fileName;
    QLabel *m_thumbnail = nullptr;
    QLabel *m_info = nullptr;
    QLineEdit *m_caption = nullptr;
    QLabel *m_captionCount = nullptr;
    QToolButton *m_remove = nullptr;
};

} // namespace Wardline::Ui
