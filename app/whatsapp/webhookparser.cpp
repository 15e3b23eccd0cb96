#include "whatsapp/webhookparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <utility>

namespace Wardline::WhatsApp {

using Core::MessageType;

namespace {

// Unix seconds beyond year 9999 are not a time Meta sends; refusing them keeps QDateTime sane.
constexpr qint64 MaxUnixSeconds = 253402300799;
// Integers a JSON number (a double) carries exactly.
constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

// Meta's message types and the Wardline type each one maps to.
// Source:
// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
struct InboundType
{
    QStringView name;
    MessageType type;
};
constexpr InboundType InboundTypes[] = {
    {u"text", MessageType::Text},
    {u"image", MessageType::Image},
    {u"audio", MessageType::Audio},
    {u"video", MessageType::Video},
    {u"document", MessageType::Document},
    {u"sticker", MessageType::Sticker},
    {u"location", MessageType::Location},
    {u"contacts", MessageType::Contacts},
    {u"interactive", MessageType::Interactive},
    {u"button", MessageType::Button},
    {u"reaction", MessageType::Reaction},
    {u"order", MessageType::Order},
    {u"system", MessageType::System},
    {u"unsupported", MessageType::Unsupported},
    // Before "unsupported", Meta called the same thing "unknown" (error 131051).
    {u"unknown", MessageType::Unsupported},
};

[[nodiscard]] QString describeJsonType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

[[nodiscard]] std::optional<qint64> exactInteger(double value)
{
    if (!std::isfinite(value) || std::fabs(value) > MaxExactInteger || std::trunc(value) != value)
        return std::nullopt;
    return qint64(value);
}

[[nodiscard]] std::optional<qint64> unixSecondsFromDigits(QStringView text)
{
    // Digits only: QString::toLongLong() would also take signs and surrounding spaces.
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    qint64 seconds = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        seconds = seconds * 10 + (c.unicode() - u'0');
    }
    if (seconds > MaxUnixSeconds)
        return std::nullopt;
    return seconds;
}

enum class Need {
    Optional, ///< may be absent or null
    Present,  ///< must be there with the right JSON type (a string may be empty)
    NonEmpty, ///< must be there and, for strings, not empty
};

/// Reads the fields of one JSON object. The first mismatch is written to the shared error
/// string with the field's path; after that every read returns a default, so a parse function
/// can read everything and check ok() once at the end.
class Reader
{
public:
    Reader(QJsonObject object, QString path, QString *error, bool present = true)
        : m_object(std::move(object))
        , m_path(std::move(path))
        , m_error(error)
        , m_present(present)
    {
    }

    [[nodiscard]] bool ok() const { return m_error->isEmpty(); }
    /// False for the stand-in child() returns for an optional object that is absent.
    [[nodiscard]] bool present() const { return m_present; }
    [[nodiscard]] bool has(QStringView key) const
    {
        const QJsonValue value = m_object.value(key);
        return !value.isUndefined() && !value.isNull();
    }
    [[nodiscard]] QString path(QStringView key) const
    {
        if (m_path.isEmpty())
            return key.toString();
        return m_path + u'.' + key;
    }

    void fail(const QString &what)
    {
        if (ok())
            *m_error = what;
    }

    [[nodiscard]] QString string(QStringView key, Need need = Need::Optional)
    {
        const QJsonValue value = field(key, need);
        if (value.isUndefined())
            return {};
        if (!value.isString()) {
            wrongType(key, value, QStringLiteral("a string"));
            return {};
        }
        QString text = value.toString();
        if (need == Need::NonEmpty && text.isEmpty())
            fail(quoted(key) + QStringLiteral(" is empty"));
        return text;
    }

    [[nodiscard]] bool boolean(QStringView key) { return optionalBoolean(key).value_or(false); }

    [[nodiscard]] std::optional<bool> optionalBoolean(QStringView key)
    {
        const QJsonValue value = field(key, Need::Optional);
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isBool()) {
            wrongType(key, value, QStringLiteral("a boolean"));
            return std::nullopt;
        }
        return value.toBool();
    }

    [[nodiscard]] double number(QStringView key, Need need = Need::Optional)
    {
        const QJsonValue value = field(key, need);
        if (value.isUndefined())
            return 0;
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            wrongType(key, value, QStringLiteral("a number"));
            return 0;
        }
        return value.toDouble();
    }

    /// A number that Meta's documentation and real payloads give either as a JSON number or
    /// as a string of digits (quantities, prices, template ids).
    [[nodiscard]] std::optional<double> numberOrNumericString(QStringView key, Need need)
    {
        const QJsonValue value = field(key, need);
        if (value.isUndefined())
            return std::nullopt;
        if (value.isDouble() && std::isfinite(value.toDouble()))
            return value.toDouble();
        if (value.isString()) {
            bool converted = false;
            const double number = value.toString().toDouble(&converted);
            if (converted && std::isfinite(number))
                return number;
        }
        wrongType(key, value, QStringLiteral("a number"));
        return std::nullopt;
    }

    [[nodiscard]] qint64 integer(QStringView key, Need need = Need::Optional)
    {
        const std::optional<double> number = numberOrNumericString(key, need);
        if (!number)
            return 0;
        const std::optional<qint64> whole = exactInteger(*number);
        if (!whole)
            fail(quoted(key) + QStringLiteral(" must be a whole number"));
        return whole.value_or(0);
    }

    /// Meta's timestamps: a string of Unix seconds ("1749416383"), read as UTC.
    [[nodiscard]] QDateTime unixTime(QStringView key, Need need = Need::Optional)
    {
        const QJsonValue value = field(key, need);
        if (value.isUndefined())
            return {};
        const std::optional<qint64> seconds =
            value.isString() ? unixSecondsFromDigits(value.toString()) : std::nullopt;
        if (!seconds) {
            fail(quoted(key) + QStringLiteral(" must be a string of Unix seconds") +
                 (value.isString() ? QString()
                                   : QStringLiteral(", not ") + describeJsonType(value)));
            return {};
        }
        return QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC);
    }

    /// A child object; for an absent optional one, an empty reader whose present() is false.
    [[nodiscard]] Reader child(QStringView key, Need need = Need::Optional)
    {
        const QJsonValue value = field(key, need);
        if (value.isUndefined())
            return Reader({}, path(key), m_error, false);
        if (!value.isObject()) {
            wrongType(key, value, QStringLiteral("an object"));
            return Reader({}, path(key), m_error, false);
        }
        return Reader(value.toObject(), path(key), m_error);
    }

    [[nodiscard]] QJsonArray array(QStringView key, Need need = Need::Optional)
    {
        const QJsonValue value = field(key, need);
        if (value.isUndefined())
            return {};
        if (!value.isArray()) {
            wrongType(key, value, QStringLiteral("an array"));
            return {};
        }
        return value.toArray();
    }

    /// Calls \a read with a reader for each object in the array \a key.
    template<typename Function> void forEachObject(QStringView key, Function read)
    {
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size() && ok(); ++i) {
            const QJsonValue item = items.at(i);
            const QString itemPath = path(key) + u'[' + QString::number(i) + u']';
            if (!item.isObject()) {
                fail(u'"' + itemPath + QStringLiteral("\" must be an object, not ") +
                     describeJsonType(item));
                return;
            }
            Reader itemReader(item.toObject(), itemPath, m_error);
            read(itemReader);
        }
    }

private:
    [[nodiscard]] QString quoted(QStringView key) const { return u'"' + path(key) + u'"'; }

    /// The value, or Undefined when absent/null (recording the failure if it was needed).
    [[nodiscard]] QJsonValue field(QStringView key, Need need)
    {
        if (!ok())
            return QJsonValue(QJsonValue::Undefined);
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (need != Need::Optional)
                fail(quoted(key) + QStringLiteral(" is missing"));
            return QJsonValue(QJsonValue::Undefined);
        }
        return value;
    }

    void wrongType(QStringView key, const QJsonValue &value, const QString &expected)
    {
        fail(quoted(key) + QStringLiteral(" must be ") + expected + QStringLiteral(", not ") +
             describeJsonType(value));
    }

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    bool m_present;
};

// --- Item readers. Each fills its value from a Reader; the caller checks Reader::ok(). ---

[[nodiscard]] WebhookError readError(Reader &r)
{
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
    // (errors[] at value, message and status level share one shape).
    WebhookError error;
    error.code = r.integer(u"code", Need::Present);
    error.title = r.string(u"title");
    error.message = r.string(u"message");
    error.details = r.child(u"error_data").string(u"details");
    error.href = r.string(u"href");
    return error;
}

[[nodiscard]] QList<WebhookError> readErrors(Reader &r)
{
    QList<WebhookError> errors;
    r.forEachObject(u"errors", [&](Reader &item) { errors.append(readError(item)); });
    return errors;
}

[[nodiscard]] WebhookContext readContext(Reader r)
{
    WebhookContext context;
    context.from = r.string(u"from");
    context.id = r.string(u"id");
    context.forwarded = r.boolean(u"forwarded");
    context.frequentlyForwarded = r.boolean(u"frequently_forwarded");
    Reader product = r.child(u"referred_product");
    if (product.present()) {
        context.referredProduct = WebhookReferredProduct{product.string(u"catalog_id"),
                                                         product.string(u"product_retailer_id")};
    }
    return context;
}

[[nodiscard]] WebhookReferral readReferral(Reader r)
{
    // Click-to-WhatsApp ads:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
    WebhookReferral referral;
    referral.sourceUrl = r.string(u"source_url");
    referral.sourceType = r.string(u"source_type");
    referral.sourceId = r.string(u"source_id");
    referral.headline = r.string(u"headline");
    referral.body = r.string(u"body");
    referral.mediaType = r.string(u"media_type");
    referral.imageUrl = r.string(u"image_url");
    referral.videoUrl = r.string(u"video_url");
    referral.thumbnailUrl = r.string(u"thumbnail_url");
    referral.ctwaClid = r.string(u"ctwa_clid");
    return referral;
}

[[nodiscard]] WebhookMedia readMedia(Reader r, bool contentExplained)
{
    WebhookMedia media;
    // Without an id there is nothing to download, unless errors[] says why (failed download).
    media.id = r.string(u"id", contentExplained ? Need::Optional : Need::NonEmpty);
    media.mimeType = r.string(u"mime_type");
    media.sha256 = r.string(u"sha256");
    media.caption = r.string(u"caption");
    media.filename = r.string(u"filename");
    media.voice = r.boolean(u"voice");
    media.animated = r.boolean(u"animated");
    return media;
}

[[nodiscard]] WebhookLocation readLocation(Reader r)
{
    WebhookLocation location;
    location.latitude = r.number(u"latitude", Need::Present);
    location.longitude = r.number(u"longitude", Need::Present);
    location.name = r.string(u"name");
    location.address = r.string(u"address");
    location.url = r.string(u"url");
    return location;
}

[[nodiscard]] WebhookSharedContact readSharedContact(Reader &r)
{
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/contacts
    WebhookSharedContact card;
    Reader name = r.child(u"name");
    card.formattedName = name.string(u"formatted_name");
    card.firstName = name.string(u"first_name");
    card.lastName = name.string(u"last_name");
    card.middleName = name.string(u"middle_name");
    card.namePrefix = name.string(u"prefix");
    card.nameSuffix = name.string(u"suffix");
    Reader org = r.child(u"org");
    card.company = org.string(u"company");
    card.department = org.string(u"department");
    card.title = org.string(u"title");
    card.birthday = r.string(u"birthday");
    r.forEachObject(u"phones", [&](Reader &item) {
        card.phones.append({item.string(u"phone"), item.string(u"wa_id"), item.string(u"type")});
    });
    r.forEachObject(u"emails", [&](Reader &item) {
        card.emails.append({item.string(u"email"), item.string(u"type")});
    });
    r.forEachObject(u"urls", [&](Reader &item) {
        card.urls.append({item.string(u"url"), item.string(u"type")});
    });
    r.forEachObject(u"addresses", [&](Reader &item) {
        card.addresses.append({item.string(u"street"), item.string(u"city"), item.string(u"state"),
                               item.string(u"zip"), item.string(u"country"),
                               item.string(u"country_code"), item.string(u"type")});
    });
    return card;
}

[[nodiscard]] WebhookInteractiveReply readInteractive(Reader r)
{
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/interactive
    WebhookInteractiveReply reply;
    reply.kindName = r.string(u"type", Need::NonEmpty);
    if (reply.kindName == u"button_reply") {
        reply.kind = WebhookInteractiveReply::Kind::ButtonReply;
        Reader button = r.child(u"button_reply", Need::Present);
        reply.id = button.string(u"id", Need::NonEmpty);
        reply.title = button.string(u"title");
    } else if (reply.kindName == u"list_reply") {
        reply.kind = WebhookInteractiveReply::Kind::ListReply;
        Reader row = r.child(u"list_reply", Need::Present);
        reply.id = row.string(u"id", Need::NonEmpty);
        reply.title = row.string(u"title");
        reply.description = row.string(u"description");
    } else if (reply.kindName == u"nfm_reply") {
        reply.kind = WebhookInteractiveReply::Kind::FlowReply;
        Reader flow = r.child(u"nfm_reply", Need::Present);
        reply.responseJson = flow.string(u"response_json", Need::Present);
        reply.flowBody = flow.string(u"body");
        reply.flowName = flow.string(u"name");
    }
    return reply;
}

[[nodiscard]] WebhookOrder readOrder(Reader r)
{
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/order
    WebhookOrder order;
    order.catalogId = r.string(u"catalog_id");
    order.text = r.string(u"text");
    r.forEachObject(u"product_items", [&](Reader &item) {
        WebhookOrder::Item line;
        line.productRetailerId = item.string(u"product_retailer_id");
        line.quantity = item.integer(u"quantity");
        line.itemPrice = item.numberOrNumericString(u"item_price", Need::Optional).value_or(0);
        line.currency = item.string(u"currency");
        order.items.append(line);
    });
    return order;
}

[[nodiscard]] WebhookSystemEvent readSystem(Reader r, Reader &message)
{
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/system
    WebhookSystemEvent event;
    event.kind = r.string(u"type");
    event.body = r.string(u"body");
    // Current payloads name the new number "wa_id"; older ones "new_wa_id".
    event.newWaId = r.has(u"wa_id") ? r.string(u"wa_id") : r.string(u"new_wa_id");
    event.userId = r.string(u"user_id");
    event.previousUserId = r.string(u"previous_user_id");
    // customer_identity_changed puts "identity" beside "system", not inside it.
    Reader identity = message.child(u"identity");
    if (identity.present()) {
        WebhookIdentity value;
        value.acknowledged = identity.boolean(u"acknowledged");
        value.createdAt = identity.unixTime(u"created_timestamp");
        value.hash = identity.string(u"hash");
        event.identity = value;
    }
    return event;
}

/// Reads one value.messages[] item. \a valueHasErrors: the change carries errors[] that may
/// explain a message without content (Meta sends a bare "interactive" with error 131000).
[[nodiscard]] bool readMessage(const QJsonObject &object, bool valueHasErrors,
                               WebhookMessage &message, QString *error)
{
    Reader r(object, {}, error);
    message.raw = object;
    message.id = r.string(u"id", Need::NonEmpty);
    message.timestamp = r.unixTime(u"timestamp", Need::Present);
    message.typeName = r.string(u"type", Need::NonEmpty);
    message.from = r.string(u"from");
    message.fromUserId = r.string(u"from_user_id");
    message.groupId = r.string(u"group_id");
    if (!r.ok())
        return false;
    message.type = WebhookParser::messageType(message.typeName);
    // A username-only user comes with from_user_id only; user_changed_user_id has neither.
    if (message.from.isEmpty() && message.fromUserId.isEmpty() &&
        message.type != MessageType::System) {
        r.fail(QStringLiteral("\"from\" and \"from_user_id\" are both missing: no sender"));
        return false;
    }
    if (Reader context = r.child(u"context"); context.present())
        message.context = readContext(context);
    if (Reader referral = r.child(u"referral"); referral.present())
        message.referral = readReferral(referral);
    message.errors = readErrors(r);

    const bool explained = valueHasErrors || !message.errors.isEmpty();
    const Need content = explained ? Need::Optional : Need::Present;
    const QStringView typeName = message.typeName;
    switch (message.type) {
    case MessageType::Text:
        message.text =
            r.child(u"text", content).string(u"body", explained ? Need::Optional : Need::Present);
        break;
    case MessageType::Image:
    case MessageType::Audio:
    case MessageType::Video:
    case MessageType::Document:
    case MessageType::Sticker:
        if (Reader media = r.child(typeName, content); media.present())
            message.media = readMedia(media, explained);
        break;
    case MessageType::Location:
        if (Reader location = r.child(u"location", content); location.present())
            message.location = readLocation(location);
        break;
    case MessageType::Contacts:
        (void)r.array(u"contacts", content);
        r.forEachObject(u"contacts", [&](Reader &card) {
            message.sharedContacts.append(readSharedContact(card));
        });
        break;
    case MessageType::Interactive:
        if (Reader interactive = r.child(u"interactive", content); interactive.present())
            message.interactive = readInteractive(interactive);
        break;
    case MessageType::Button:
        if (Reader button = r.child(u"button", content); button.present())
            message.button = WebhookButtonReply{button.string(u"payload"), button.string(u"text")};
        break;
    case MessageType::Reaction:
        if (Reader reaction = r.child(u"reaction", content); reaction.present()) {
            // An absent or empty emoji means the user removed their reaction.
            message.reaction = WebhookReaction{reaction.string(u"message_id", Need::NonEmpty),
                                               reaction.string(u"emoji")};
        }
        break;
    case MessageType::Order:
        if (Reader order = r.child(u"order", content); order.present())
            message.order = readOrder(order);
        break;
    case MessageType::System:
        if (Reader system = r.child(u"system", content); system.present())
            message.system = readSystem(system, r);
        break;
    case MessageType::Unsupported:
        // Source:
        // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/unsupported
        message.unsupportedType = r.child(u"unsupported").string(u"type");
        break;
    case MessageType::Template:
    case MessageType::Note:
    case MessageType::Unknown:
        break; // kept as raw JSON
    }
    return r.ok();
}

[[nodiscard]] bool readStatus(const QJsonObject &object, WebhookStatus &status, QString *error)
{
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
    Reader r(object, {}, error);
    status.raw = object;
    status.id = r.string(u"id", Need::NonEmpty);
    status.statusName = r.string(u"status", Need::NonEmpty);
    status.timestamp = r.unixTime(u"timestamp", Need::Present);
    status.recipientId = r.string(u"recipient_id");
    status.recipientUserId = r.string(u"recipient_user_id");
    status.bizOpaqueCallbackData = r.string(u"biz_opaque_callback_data");
    if (Reader conversation = r.child(u"conversation"); conversation.present()) {
        WebhookStatus::Conversation value;
        value.id = conversation.string(u"id");
        value.expiresAt = conversation.unixTime(u"expiration_timestamp");
        value.originType = conversation.child(u"origin").string(u"type");
        status.conversation = value;
    }
    if (Reader pricing = r.child(u"pricing"); pricing.present()) {
        WebhookStatus::Pricing value;
        value.billable = pricing.optionalBoolean(u"billable");
        value.pricingModel = pricing.string(u"pricing_model");
        value.category = pricing.string(u"category");
        value.type = pricing.string(u"type");
        status.pricing = value;
    }
    status.errors = readErrors(r);
    if (!r.ok())
        return false;
    status.status = Core::deliveryStatusFromName(status.statusName);
    return true;
}

[[nodiscard]] bool readContact(const QJsonObject &object, WebhookContact &contact, QString *error)
{
    Reader r(object, {}, error);
    Reader profile = r.child(u"profile");
    contact.profileName = profile.string(u"name");
    contact.username = profile.string(u"username");
    contact.waId = r.string(u"wa_id");
    contact.userId = r.string(u"user_id");
    contact.parentUserId = r.string(u"parent_user_id");
    contact.identityKeyHash = r.string(u"identity_key_hash");
    if (r.ok() && contact.waId.isEmpty() && contact.userId.isEmpty())
        r.fail(QStringLiteral("neither \"wa_id\" nor \"user_id\" is given: the sender is unknown"));
    return r.ok();
}

[[nodiscard]] bool readTemplateStatus(const QJsonObject &object, WebhookTemplateStatus &update,
                                      QString *error)
{
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
    Reader r(object, QStringLiteral("value"), error);
    update.event = r.string(u"event", Need::NonEmpty);
    const qint64 id = r.integer(u"message_template_id", Need::Present);
    if (r.ok() && id <= 0)
        r.fail(QStringLiteral("\"value.message_template_id\" must be a positive number"));
    update.templateId = QString::number(id);
    update.name = r.string(u"message_template_name");
    update.language = r.string(u"message_template_language");
    update.reason = r.string(u"reason");
    update.category = r.string(u"message_template_category");
    return r.ok();
}

/// Walks the envelope; every item that fails is recorded as a problem and left out.
class BatchReader
{
public:
    void readEntries(const QJsonArray &entries)
    {
        for (qsizetype e = 0; e < entries.size(); ++e)
            readEntry(entries.at(e), e);
    }

    WebhookBatch batch;

private:
    void problem(WebhookProblem::Item item, qsizetype entry, qsizetype change, qsizetype index,
                 QString what, QJsonValue raw)
    {
        batch.problems.append({item, entry, change, index, std::move(what), std::move(raw)});
    }

    void readEntry(const QJsonValue &value, qsizetype e)
    {
        using Item = WebhookProblem::Item;
        if (!value.isObject()) {
            problem(Item::Entry, e, -1, -1,
                    QStringLiteral("must be an object, not ") + describeJsonType(value), value);
            return;
        }
        QString error;
        Reader r(value.toObject(), {}, &error);
        WebhookEntry entry;
        entry.id = r.string(u"id", Need::NonEmpty);
        // entry.time (template and account fields) is a JSON number of Unix seconds.
        if (r.has(u"time")) {
            const qint64 seconds = r.integer(u"time");
            if (r.ok() && (seconds < 0 || seconds > MaxUnixSeconds))
                r.fail(QStringLiteral("\"time\" is not a Unix time"));
            entry.time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
        }
        const QJsonArray changes = r.array(u"changes", Need::Present);
        if (!r.ok()) {
            problem(Item::Entry, e, -1, -1, error, value);
            return;
        }
        for (qsizetype c = 0; c < changes.size(); ++c) {
            if (std::optional<WebhookChange> change = readChange(changes.at(c), e, c))
                entry.changes.append(std::move(*change));
        }
        batch.entries.append(std::move(entry));
    }

    [[nodiscard]] std::optional<WebhookChange> readChange(const QJsonValue &value, qsizetype e,
                                                          qsizetype c)
    {
        using Item = WebhookProblem::Item;
        if (!value.isObject()) {
            problem(Item::Change, e, c, -1,
                    QStringLiteral("must be an object, not ") + describeJsonType(value), value);
            return std::nullopt;
        }
        QString error;
        Reader r(value.toObject(), {}, &error);
        WebhookChange change;
        change.field = r.string(u"field", Need::NonEmpty);
        Reader v = r.child(u"value", Need::Present);
        if (!r.ok()) {
            problem(Item::Change, e, c, -1, error, value);
            return std::nullopt;
        }
        change.value = value.toObject().value(u"value").toObject();

        if (change.field == u"messages") {
            // Source:
            // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
            change.messagingProduct = v.string(u"messaging_product");
            Reader metadata = v.child(u"metadata", Need::Present);
            change.metadata.displayPhoneNumber = metadata.string(u"display_phone_number");
            change.metadata.phoneNumberId = metadata.string(u"phone_number_id", Need::NonEmpty);
            if (!r.ok()) {
                problem(Item::Change, e, c, -1, error, value);
                return std::nullopt;
            }
            readItems(change, e, c);
        } else if (change.field == u"message_template_status_update") {
            WebhookTemplateStatus update;
            if (!readTemplateStatus(change.value, update, &error)) {
                problem(Item::Change, e, c, -1, error, value);
                return std::nullopt;
            }
            change.templateStatus = update;
        }
        return change;
    }

    /// contacts[], messages[], statuses[], errors[] of a "messages" change, each on its own.
    void readItems(WebhookChange &change, qsizetype e, qsizetype c)
    {
        using Item = WebhookProblem::Item;
        const QJsonObject &value = change.value;

        const QJsonArray errors = list(value, u"errors", Item::Error, e, c);
        for (qsizetype i = 0; i < errors.size(); ++i) {
            QString error;
            const QJsonValue item = errors.at(i);
            if (!isObjectItem(item, Item::Error, e, c, i))
                continue;
            Reader r(item.toObject(), {}, &error);
            WebhookError parsed = readError(r);
            if (r.ok())
                change.errors.append(parsed);
            else
                problem(Item::Error, e, c, i, error, item);
        }

        const QJsonArray contacts = list(value, u"contacts", Item::Contact, e, c);
        for (qsizetype i = 0; i < contacts.size(); ++i) {
            QString error;
            WebhookContact contact;
            const QJsonValue item = contacts.at(i);
            if (!isObjectItem(item, Item::Contact, e, c, i))
                continue;
            if (readContact(item.toObject(), contact, &error))
                change.contacts.append(contact);
            else
                problem(Item::Contact, e, c, i, error, item);
        }

        // A value-level errors[] entry (even one we could not read) explains missing content.
        const bool valueHasErrors = !errors.isEmpty();
        const QJsonArray messages = list(value, u"messages", Item::Message, e, c);
        for (qsizetype i = 0; i < messages.size(); ++i) {
            QString error;
            WebhookMessage message;
            const QJsonValue item = messages.at(i);
            if (!isObjectItem(item, Item::Message, e, c, i))
                continue;
            if (readMessage(item.toObject(), valueHasErrors, message, &error))
                change.messages.append(std::move(message));
            else
                problem(Item::Message, e, c, i, error, item);
        }

        const QJsonArray statuses = list(value, u"statuses", Item::Status, e, c);
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            QString error;
            WebhookStatus status;
            const QJsonValue item = statuses.at(i);
            if (!isObjectItem(item, Item::Status, e, c, i))
                continue;
            if (readStatus(item.toObject(), status, &error))
                change.statuses.append(std::move(status));
            else
                problem(Item::Status, e, c, i, error, item);
        }
    }

    /// The array \a key of a change value; a non-array is one problem for the whole list.
    [[nodiscard]] QJsonArray list(const QJsonObject &value, QStringView key,
                                  WebhookProblem::Item item, qsizetype e, qsizetype c)
    {
        const QJsonValue list = value.value(key);
        if (list.isUndefined() || list.isNull())
            return {};
        if (!list.isArray()) {
            problem(item, e, c, -1,
                    u'"' + key + QStringLiteral("\" must be an array, not ") +
                        describeJsonType(list),
                    list);
            return {};
        }
        return list.toArray();
    }

    [[nodiscard]] bool isObjectItem(const QJsonValue &value, WebhookProblem::Item item, qsizetype e,
                                    qsizetype c, qsizetype i)
    {
        if (value.isObject())
            return true;
        problem(item, e, c, i, QStringLiteral("must be an object, not ") + describeJsonType(value),
                value);
        return false;
    }
};

} // namespace

WebhookParseResult WebhookParseResult::failure(Failure failure, QString error)
{
    WebhookParseResult result;
    result.m_failure = failure;
    result.m_error = std::move(error);
    return result;
}

WebhookParseResult WebhookParser::parse(QByteArrayView body, qsizetype maxBodyBytes)
{
    using Failure = WebhookParseResult::Failure;
    if (body.size() > maxBodyBytes) {
        return WebhookParseResult::failure(
            Failure::TooLarge, QStringLiteral("The webhook body is %1 bytes, over the limit of %2 "
                                              "bytes; it was not read.")
                                   .arg(body.size())
                                   .arg(maxBodyBytes));
    }
    if (body.trimmed().isEmpty()) {
        return WebhookParseResult::failure(
            Failure::NotJson,
            QStringLiteral("The webhook body is empty; WhatsApp always sends a JSON object."));
    }
    // QJsonDocument has a depth limit of its own, but recursion depth is not something to
    // leave to a library on a port open to the internet: refuse before parsing.
    if (!nestingWithin(body, MaxNestingDepth)) {
        return WebhookParseResult::failure(
            Failure::TooDeep, QStringLiteral("The webhook body nests arrays or objects more than "
                                             "%1 levels deep; WhatsApp never does. Not parsed.")
                                  .arg(MaxNestingDepth));
    }

    QJsonParseError jsonError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), body.size()), &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        return WebhookParseResult::failure(
            Failure::NotJson, QStringLiteral("The webhook body is not valid JSON (%1 at byte %2).")
                                  .arg(jsonError.errorString())
                                  .arg(jsonError.offset));
    }
    if (!document.isObject()) {
        return WebhookParseResult::failure(
            Failure::NotAnObject,
            QStringLiteral("The webhook body is JSON but not an object; WhatsApp always sends "
                           "an object with \"object\" and \"entry\"."));
    }
    const QJsonObject root = document.object();
    // Source:
    // https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/overview
    // ("object" is always "whatsapp_business_account").
    const QJsonValue object = root.value(u"object");
    if (!object.isString() || object.toString() != ExpectedObject) {
        return WebhookParseResult::failure(
            Failure::WrongObject,
            (object.isUndefined() ? QStringLiteral("The webhook body has no \"object\" field")
                                  : QStringLiteral("The webhook body's \"object\" is not \"%1\"")
                                        .arg(ExpectedObject)) +
                QStringLiteral("; it is not a WhatsApp Business Account notification."));
    }
    const QJsonValue entries = root.value(u"entry");
    if (!entries.isArray()) {
        return WebhookParseResult::failure(
            Failure::NoEntries,
            entries.isUndefined()
                ? QStringLiteral("The webhook body has no \"entry\" array; nothing to read.")
                : QStringLiteral("The webhook body's \"entry\" must be an array, not %1.")
                      .arg(describeJsonType(entries)));
    }

    BatchReader reader;
    reader.readEntries(entries.toArray());
    return WebhookParseResult(std::move(reader.batch));
}

MessageType WebhookParser::messageType(QStringView typeName)
{
    for (const InboundType &known : InboundTypes) {
        if (known.name == typeName)
            return known.type;
    }
    return MessageType::Unknown;
}

bool WebhookParser::nestingWithin(QByteArrayView body, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : body) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > maxDepth)
                return false;
            break;
        case ']':
        case '}':
            // Unbalanced closers are the JSON parser's to report; never go below zero.
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return true;
}

} // namespace Wardline::WhatsApp
