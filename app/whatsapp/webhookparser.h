#pragma once

#include "whatsapp/webhookpayload.h"

#include <QByteArrayView>
#include <QObject>
#include <QString>

#include <optional>
#include <utility>

namespace Wardline::WhatsApp {

/// The outcome of WebhookParser::parse(): the batch, or why the body as a whole was refused.
/// A batch may still list problems with single items (WebhookBatch::problems).
class [[nodiscard]] WebhookParseResult
{
    Q_GADGET

public:
    /// Why a whole body was refused.
    enum class Failure {
        None,
        TooLarge,    ///< longer than the caller's limit (answer 413)
        TooDeep,     ///< arrays/objects nested deeper than WebhookParser::MaxNestingDepth
        NotJson,     ///< not valid JSON (or empty)
        NotAnObject, ///< valid JSON, but not an object at the top
        WrongObject, ///< "object" is missing or is not "whatsapp_business_account"
        NoEntries,   ///< "entry" is missing or is not an array
    };
    Q_ENUM(Failure)

    WebhookParseResult(WebhookBatch batch)
        : m_batch(std::move(batch))
    {
    }
    static WebhookParseResult failure(Failure failure, QString error);

    [[nodiscard]] bool ok() const { return m_batch.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] Failure failure() const { return m_failure; }
    /// What was wrong with the body, for the log and the operator; never contains body content.
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] const WebhookBatch &value() const & { return *m_batch; }
    [[nodiscard]] WebhookBatch &&value() && { return std::move(*m_batch); }
    const WebhookBatch *operator->() const { return &*m_batch; }

private:
    WebhookParseResult() = default;
    std::optional<WebhookBatch> m_batch;
    Failure m_failure = Failure::None;
    QString m_error;
};

/// Reads the raw body of a webhook POST (after its signature was verified) into typed values.
/// Never throws, never crashes on hostile input: a body that is not a WhatsApp webhook is
/// refused as a whole; a single bad entry, change, message or status is reported as a problem
/// while everything else in the batch is kept.
class WebhookParser
{
public:
    /// Meta sends at most about 3 MB per POST (up to 1,000 updates).
    static constexpr qsizetype DefaultMaxBodyBytes = 3 * 1024 * 1024;
    /// Meta's payloads nest about a dozen levels; anything far deeper is refused before parsing.
    static constexpr int MaxNestingDepth = 64;
    /// The only "object" a WhatsApp Business Account webhook carries.
    static constexpr QStringView ExpectedObject{u"whatsapp_business_account"};

    /// Parses \a body; bodies longer than \a maxBodyBytes are refused without being read.
    [[nodiscard]] static WebhookParseResult parse(QByteArrayView body,
                                                  qsizetype maxBodyBytes = DefaultMaxBodyBytes);

    /// The Wardline type for a message "type" from Meta; Unknown for anything not listed in
    /// Meta's reference (the message keeps its raw JSON).
    [[nodiscard]] static Core::MessageType messageType(QStringView typeName);

    /// True when \a body nests arrays/objects no deeper than \a maxDepth. A byte scan that
    /// understands strings, so it is safe to run before any JSON parser.
    [[nodiscard]] static bool nestingWithin(QByteArrayView body, int maxDepth);
};

} // namespace Wardline::WhatsApp
