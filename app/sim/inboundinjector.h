#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace Wardline::Sim {

class SimServices;

/// The outcome of one injected patient message.
struct InboundResult
{
    bool ok = false;
    QString error; ///< why it was refused (for the trainer), when not ok
    QString wamid;
    QString waId;
    QString mediaId;
};

/// Turns a patient's message — from POST /_sim/inbound, `wardline-sim say` or a persona — into
/// Meta's inbound webhook: contacts[] with the profile, messages[] with the typed content,
/// stored media for images and documents, and the reply context of button taps.
///
/// Request (all optional but "from"): from, name, type (text, image, document, audio, video,
/// sticker, button, button_reply, list_reply, location, reaction, contacts; inferred from the
/// fields when absent), text, image / document / audio / video / sticker {data (base64),
/// mime_type, caption, filename}, button {payload, text}, button_reply / list_reply {id, title},
/// location {latitude, longitude, name, address}, reaction {message_id, emoji}, contacts [...],
/// context (a wamid to quote), forwarded, referral {...}, bsuid_only. The flat forms work too:
/// "payload"/"title" beside type button, "id"/"title" beside button_reply or list_reply,
/// "latitude"/"longitude" beside type location, and "image": "<base64>" with "mime_type".
/// Message shapes:
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
class InboundInjector : public QObject
{
    Q_OBJECT

public:
    explicit InboundInjector(SimServices &services, QObject *parent = nullptr);

    /// Builds and queues the webhook; also opens the patient's customer service window.
    [[nodiscard]] InboundResult inject(const QJsonObject &request);

private:
    /// The flat request forms rewritten into the nested ones.
    [[nodiscard]] static QJsonObject normalise(QJsonObject request);

    SimServices &m_services;
};

} // namespace Wardline::Sim
