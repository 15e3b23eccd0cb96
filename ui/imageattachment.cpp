#include "ui/imageattachment.h"

#include "console/conversationclient.h"

#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Wardline::Ui {

namespace Limits = Console::ComposeLimits;

ImageAttachment::ImageAttachment(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("imageAttachment"));
    m_thumbnail = new QLabel(this);
    m_thumbnail->setObjectName(QStringLiteral("attachmentThumbnail"));
    m_thumbnail->setFixedSize(72, 72);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->setStyleSheet(
        QStringLiteral("background: #eef1f4; border: 1px solid #c5ced8; border-radius: 4px;"));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("attachmentInfo"));
    m_info->setTextFormat(Qt::PlainText);
    m_caption = new QLineEdit(this);
    m_caption->setObjectName(QStringLiteral("captionEdit"));
    m_caption->setClearButtonEnabled(true);
    m_captionCount = new QLabel(this);
    m_captionCount->setObjectName(QStringLiteral("captionCount"));
    // Room for the longest count ("1024 / 1024") so the label does not jump or get cut.
    m_captionCount->setMinimumWidth(
        m_captionCount->fontMetrics().horizontalAdvance(QStringLiteral("0000 / 0000")) + 4);
    m_remove = new QToolButton(this);
    m_remove->setObjectName(QStringLiteral("removeAttachmentButton"));
    m_remove->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_remove->setAutoRaise(true);
    connect(m_remove, &QToolButton::clicked, this, &ImageAttachment::clear);
    connect(m_caption, &QLineEdit::textChanged, this, [this] {
        updateInfo();
        Q_EMIT changed();
    });

    auto *captionRow = new QHBoxLayout;
    captionRow->addWidget(m_caption, 1);
    captionRow->addWidget(m_captionCount);
    auto *column = new QVBoxLayout;
    column->addWidget(m_info);
    column->addLayout(captionRow);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->addWidget(m_thumbnail);
    layout->addLayout(column, 1);
    layout->addWidget(m_remove, 0, Qt::AlignTop);
    retranslateUi();
    hide();
}

bool ImageAttachment::setFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("The file could not be opened: %1").arg(file.errorString());
        return false;
    }
    // One byte more than allowed is enough to know it is too big.
    const QByteArray bytes = file.read(Limits::ImageMaxBytes + 1);
    if (bytes.size() > Limits::ImageMaxBytes) {
        *error = tr("This picture is larger than the 5 MB WhatsApp accepts. Make it smaller and "
                    "attach it again.");
        return false;
    }
    QPixmap pixmap;
    if (Limits::imageType(bytes).isEmpty() || !pixmap.loadFromData(bytes)) {
        *error = tr("WhatsApp only takes JPEG and PNG pictures. Save the picture as one of those "
                    "and attach it again.");
        return false;
    }
    m_bytes = bytes;
    m_fileName = QFileInfo(path).fileName();
    m_thumbnail->setPixmap(pixmap.scaled(m_thumbnail->size() - QSize(4, 4), Qt::KeepAspectRatio,
                                         Qt::SmoothTransformation));
    m_caption->clear();
    updateInfo();
    show();
    Q_EMIT changed();
    return true;
}

void ImageAttachment::clear()
{
    m_bytes.clear();
    m_fileName.clear();
    m_thumbnail->clear();
    m_caption->clear();
    hide();
    Q_EMIT changed();
}

QString ImageAttachment::caption() const
{
    return m_caption->text().trimmed();
}

bool ImageAttachment::isValid() const
{
    return !m_bytes.isEmpty() && m_caption->text().size() <= Limits::CaptionMax;
}

void ImageAttachment::updateInfo()
{
    //: The attached picture: its file name and size, e.g. "wound.png · 1.2 MB".
    m_info->setText(tr("%1 · %2").arg(
        m_fileName,
        QLocale().formattedDataSize(m_bytes.size(), 2, QLocale::DataSizeTraditionalFormat)));
    const qsizetype size = m_caption->text().size();
    m_captionCount->setText(tr("%1 / %2").arg(size).arg(Limits::CaptionMax));
    m_captionCount->setStyleSheet(size > Limits::CaptionMax ? QStringLiteral("color: #b3261e;")
                                                            : QString());
}

void ImageAttachment::retranslateUi()
{
    m_caption->setPlaceholderText(tr("Add a caption (optional)"));
    m_remove->setToolTip(tr("Remove the picture"));
    m_thumbnail->setToolTip(tr("The picture the patient will receive"));
    if (!m_bytes.isEmpty())
        updateInfo();
}

void ImageAttachment::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Wardline::Ui
