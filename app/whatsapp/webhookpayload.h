#pragma once

#include "core/message.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

// Typed values of one webhook POST from the WhatsApp Cloud API, as WebhookParser produces them.
// Field names follow Meta's JSON (snake_case → camelCase); every message, status and change also
// keeps the JSON it came from, so nothing Meta sends is lost when this code does not know it.
//
// Source: Meta, "messages webhook reference" and its per-type pages,
// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
// and "Status messages webhook reference",
// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status

namespace Wardline::WhatsApp {

/// An error object as Meta puts it in webhooks (value-, message- and status-level errors[]).
struct WebhookError
{
    qint64 code = 0; ///< e.g. 131051 "message type unknown", 131026 "undeliverable"
    QString title;
    QString message;
    QString details; ///< error_data.details
    QString href;
};

/// The business phone number a change is about (value.metadata).
struct WebhookMetadata
{
    QString displayPhoneNumber;
    QString phoneNumberId;
};

/// The sender's profile (value.contacts[]). A user with a username may come with a business-scoped
/// user id and no wa_id (phone number); Meta can also rewrite wa_id (Brazil's ninth digit).
struct WebhookContact
{
    QString profileName;
    QString username;        ///< profile.username, when the user adopted one
    QString waId;            ///< the phone number as WhatsApp knows it; may be empty
    QString userId;          ///< business-scoped user id (BSUID), "CC.xxxxx"
    QString parentUserId;    ///< parent BSUID, "CC.ENT.xxxxx"
    QString identityKeyHash; ///< only when identity change checks are enabled
};

/// A product a message refers to ("Message business about this product").
struct WebhookReferredProduct
{
    QString catalogId;
    QString productRetailerId;
};

/// What a message answers or how it arrived (message.context).
struct WebhookContext
{
    QString from; ///< the business number that sent the quoted message
    QString id;   ///< wamid of the quoted message
    bool forwarded = false;
    bool frequentlyForwarded = false;
    std::optional<WebhookReferredProduct> referredProduct;
};

/// The Click-to-WhatsApp ad or post the user came from (message.referral).
struct WebhookReferral
{
    QString sourceUrl;
    QString sourceType; ///< "ad" or "post"
    QString sourceId;
    QString headline;
    QString body;
    QString mediaType; ///< "image" or "video"
    QString imageUrl;
    QString videoUrl;
    QString thumbnailUrl;
    QString ctwaClid;
};

/// Image, audio, video, document or sticker. The id must be downloaded promptly: webhook media
/// ids expire.
struct WebhookMedia
{
    QString id;
    QString mimeType;
    QString sha256; ///< base64 of the file's SHA-256, as Meta sends it
    QString caption;
    QString filename;      ///< documents
    bool voice = false;    ///< audio recorded as a voice message
    bool animated = false; ///< stickers
};

struct WebhookLocation
{
    double latitude = 0;
    double longitude = 0;
    QString name;
    QString address;
    QString url;
};

/// One contact card a user shared (message.contacts[]).
struct WebhookSharedContact
{
    struct Phone
    {
        QString phone;
        QString waId;
        QString type; ///< "CELL", "HOME", "WORK", ...
    };
    struct Email
    {
        QString email;
        QString type;
    };
    struct Url
    {
        QString url;
        QString type;
    };
    struct Address
    {
        QString street;
        QString city;
        QString state;
        QString zip;
        QString country;
        QString countryCode;
        QString type;
    };

    QString formattedName;
    QString firstName;
    QString lastName;
    QString middleName;
    QString namePrefix;
    QString nameSuffix;
    QString company;
    QString department;
    QString title;
    QString birthday; ///< "YYYY-MM-DD"
    QList<Phone> phones;
    QList<Email> emails;
    QList<Url> urls;
    QList<Address> addresses;
};

/// The user's answer to an interactive message (message.interactive).
struct WebhookInteractiveReply
{
    enum class Kind {
        ButtonReply, ///< tapped a reply button: id, title
        ListReply,   ///< picked a list row: id, title, description
        FlowReply,   ///< finished a WhatsApp Flow (nfm_reply): flowName, flowBody, responseJson
        Unknown,     ///< another interactive.type; kindName says which, the raw JSON has the rest
    };
    Kind kind = Kind::Unknown;
    QString kindName; ///< interactive.type as sent
    QString id;
    QString title;
    QString description;
    QString flowName;
    QString flowBody;
    QString responseJson; ///< a JSON document encoded as a string, exactly as Meta sends it
};

/// A tap on a template's quick-reply button (type "button").
struct WebhookButtonReply
{
    QString payload;
    QString text;
};

/// An emoji reaction to one of our messages; an empty emoji removes the previous reaction.
struct WebhookReaction
{
    QString messageId;
    QString emoji;
    [[nodiscard]] bool removed() const { return emoji.isEmpty(); }
};

/// A cart the user sent from the business's catalogue.
struct WebhookOrder
{
    struct Item
    {
        QString productRetailerId;
        qint64 quantity = 0;
        double itemPrice = 0;
        QString currency;
    };
    QString catalogId;
    QString text;
    QList<Item> items;
};

/// The acknowledgement state of a changed security code (system customer_identity_changed).
struct WebhookIdentity
{
    bool acknowledged = false;
    QDateTime createdAt;
    QString hash;
};

/// A change of identifier announced by WhatsApp (type "system"). The same patient continues
/// under the new wa_id or user id: one patient must not become two.
struct WebhookSystemEvent
{
    QString kind; ///< system.type: "user_changed_number", "user_changed_user_id", ...
    QString body;
    QString newWaId;                         ///< user_changed_number
    QString userId;                          ///< user_changed_user_id: the new BSUID
    QString previousUserId;                  ///< user_changed_user_id
    std::optional<WebhookIdentity> identity; ///< customer_identity_changed
};

/// One message a WhatsApp user sent to the business (value.messages[]).
struct WebhookMessage
{
    Core::MessageType type = Core::MessageType::Unknown;
    QString typeName; ///< "type" exactly as sent; the key to raw for types this code does not know
    QString id;       ///< wamid, unique: the de-duplication key
    QString from;     ///< the user's wa_id; empty for username-only users and some system events
    QString fromUserId;  ///< the user's BSUID, when Meta sends one
    QString groupId;     ///< set when the message was sent in a group
    QDateTime timestamp; ///< UTC
    std::optional<WebhookContext> context;
    std::optional<WebhookReferral> referral;
    QList<WebhookError> errors; ///< why the content is missing (unsupported, failed download, ...)

    QString text; ///< text.body
    std::optional<WebhookMedia> media;
    std::optional<WebhookLocation> location;
    QList<WebhookSharedContact> sharedContacts;
    std::optional<WebhookInteractiveReply> interactive;
    std::optional<WebhookButtonReply> button;
    std::optional<WebhookReaction> reaction;
    std::optional<WebhookOrder> order;
    std::optional<WebhookSystemEvent> system;
    QString unsupportedType; ///< unsupported.type: what the user sent that the API cannot carry

    QJsonObject raw; ///< the message exactly as parsed
};

/// Delivery news about a message the business sent (value.statuses[]).
struct WebhookStatus
{
    struct Conversation
    {
        QString id;
        QDateTime expiresAt; ///< expiration_timestamp, usually only on "sent"
        QString originType;  ///< "service", "marketing", "utility", "authentication", ...
    };
    struct Pricing
    {
        std::optional<bool> billable; ///< deprecated by Meta, absent on newer payloads
        QString pricingModel;         ///< "CBP" (per conversation) or "PMP" (per message)
        QString category;
        QString type; ///< "regular", "free_customer_service", "free_entry_point", ...
    };

    QString id;         ///< wamid of our message
    QString statusName; ///< "status" exactly as sent
    /// The status Wardline tracks; empty for a status this code does not know ("deleted", ...),
    /// which is kept in statusName and raw.
    std::optional<Core::DeliveryStatus> status;
    QDateTime timestamp;     ///< UTC
    QString recipientId;     ///< the user's wa_id (or a group id)
    QString recipientUserId; ///< the user's BSUID
    QString bizOpaqueCallbackData;
    std::optional<Conversation> conversation;
    std::optional<Pricing> pricing;
    QList<WebhookError> errors; ///< why a message failed
    QJsonObject raw;
};

/// A template's review or lifecycle news (field "message_template_status_update").
///
/// Source: Meta, "message_template_status_update webhook reference",
/// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
struct WebhookTemplateStatus
{
    QString event;      ///< "APPROVED", "REJECTED", "PENDING", "PAUSED", "DISABLED", ... as sent
    QString templateId; ///< message_template_id (a JSON number at Meta; kept as text)
    QString name;
    QString language;
    QString reason; ///< as sent ("NONE" on approval at times); empty when null or absent
    QString category;
};

/// One entry[].changes[] item. Every change keeps its value as raw JSON; the typed parts are
/// filled for the fields Wardline handles ("messages", "message_template_status_update").
struct WebhookChange
{
    QString field;
    QJsonObject value;

    QString messagingProduct;
    WebhookMetadata metadata;
    QList<WebhookContact> contacts;
    QList<WebhookMessage> messages;
    QList<WebhookStatus> statuses;
    QList<WebhookError> errors; ///< value-level errors[]
    std::optional<WebhookTemplateStatus> templateStatus;

    /// The contact entry that describes the sender of \a message (by wa_id, else by BSUID),
    /// or nullptr when the change carries none (system messages have no contacts).
    [[nodiscard]] const WebhookContact *contactFor(const WebhookMessage &message) const;
};

/// One entry[] item: the WhatsApp Business Account and what changed on it.
struct WebhookEntry
{
    QString id;     ///< the WhatsApp Business Account id
    QDateTime time; ///< entry.time, sent with template and account fields; invalid otherwise
    QList<WebhookChange> changes;
};

/// Something in a delivery that did not have Meta's documented shape. The item it names was
/// left out of the batch; its JSON is kept here so it can still be recorded and looked at.
/// Problem texts name fields, never their contents: they are safe to log.
struct WebhookProblem
{
    enum class Item { Entry, Change, Contact, Message, Status, Error };
    Item item = Item::Entry;
    qsizetype entryIndex = -1;
    qsizetype changeIndex = -1; ///< -1 for entry-level problems
    qsizetype itemIndex = -1;   ///< index in contacts/messages/statuses/errors; -1 for the list
    QString what;               ///< e.g. "\"timestamp\" must be a string of Unix seconds"
    QJsonValue raw;

    /// "entry 0, change 1, message 2: …" in one line.
    [[nodiscard]] QString toString() const;
};

/// Everything one webhook POST carried, plus what could not be read.
struct WebhookBatch
{
    QList<WebhookEntry> entries;
    QList<WebhookProblem> problems;

    [[nodiscard]] qsizetype messageCount() const;
    [[nodiscard]] qsizetype statusCount() const;
};

} // namespace Wardline::WhatsApp
