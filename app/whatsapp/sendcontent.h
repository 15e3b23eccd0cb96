#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace Wardline::WhatsApp {

// What the hub asks to send, before SendLimits checks it and GraphMessage turns it into Meta's
// JSON. Shapes: Meta, "Messages" reference,
// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages

/// One reply button ("type":"reply"): the id comes back in the button_reply webhook.
struct ReplyButton
{
    QString id;    ///< 1–256 characters, unique within the message
    QString title; ///< 1–20 characters, unique within the message
};

/// An interactive message with one to three reply buttons.
struct ReplyButtonsMessage
{
    QString body;   ///< 1–1024 characters
    QString header; ///< optional text header, ≤ 60 characters
    QString footer; ///< optional, ≤ 60 characters
    QList<ReplyButton> buttons;
};

/// One row of a list message; the id comes back in the list_reply webhook.
struct ListRow
{
    QString id;          ///< 1–200 characters, unique within the message
    QString title;       ///< 1–24 characters
    QString description; ///< optional, ≤ 72 characters
};

/// A titled group of rows (the title is required once there is more than one section).
struct ListSection
{
    QString title; ///< ≤ 24 characters
    QList<ListRow> rows;
};

/// An interactive list: a button that opens up to ten rows in up to ten sections.
struct ListMessage
{
    QString body;        ///< 1–4096 characters
    QString header;      ///< optional text header, ≤ 60 characters
    QString footer;      ///< optional, ≤ 60 characters
    QString buttonLabel; ///< 1–20 characters: what the patient taps to open the list
    QList<ListSection> sections;
};

/// The media message types Wardline sends.
enum class MediaKind { Image, Document, Audio, Video, Sticker };

/// An image, document, audio, video or sticker: by an uploaded media id OR by an https link.
struct MediaMessage
{
    MediaKind kind = MediaKind::Image;
    QString mediaId;  ///< from GraphClient::uploadMedia(); or
    QUrl link;        ///< a public https URL Meta fetches itself
    QString caption;  ///< image, video, document only; ≤ 1024 characters
    QString fileName; ///< document only: the name the patient sees
};

/// A pin on the map.
struct LocationMessage
{
    double latitude = 0;
    double longitude = 0;
    QString name;    ///< optional, e.g. "Outpatient entrance"
    QString address; ///< optional
};

} // namespace Wardline::WhatsApp
