#pragma once

#include "core/result.h"
#include "whatsapp/sendcontent.h"
#include "whatsapp/sendtemplate.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Wardline::WhatsApp {

/// Meta's hard limits on what can be sent, checked before anything goes over the network, with
/// refusals a nurse understands ("The message is 4,150 characters long; WhatsApp allows at most
/// 4,096."). Pure functions; GraphMessage and GraphClient call them.
///
/// How characters are counted: Meta's reference says "characters" and does not define them.
/// Wardline counts UTF-16 code units (QString::size()), so an emoji outside the Basic
/// Multilingual Plane counts as two. That is never less than what Meta can mean (code points,
/// or grapheme clusters as a person sees them), so text Wardline accepts is never refused by
/// Meta for length; the price is that a message full of emoji may be refused a little early.
/// A refusal Wardline can explain beats one that comes back from Meta after the nurse moved on.
///
/// Sources: Meta, "Messages reference",
/// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages ; "Sending
/// interactive messages",
/// https://developers.facebook.com/docs/whatsapp/guides/interactive-messages/ ; "Supported media
/// types", https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media
class SendLimits
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::WhatsApp::SendLimits)

public:
    static constexpr qsizetype TextBodyMax = 4096;
    static constexpr qsizetype CaptionMax = 1024;
    static constexpr qsizetype ButtonsBodyMax = 1024;
    static constexpr qsizetype ListBodyMax = 4096;
    static constexpr qsizetype HeaderTextMax = 60;
    static constexpr qsizetype FooterMax = 60;
    static constexpr qsizetype ButtonsMin = 1;
    static constexpr qsizetype ButtonsMax = 3;
    static constexpr qsizetype ButtonTitleMax = 20;
    static constexpr qsizetype ButtonIdMax = 256;
    static constexpr qsizetype ListButtonLabelMax = 20;
    static constexpr qsizetype SectionsMax = 10;
    static constexpr qsizetype RowsMax = 10; ///< in all sections together
    static constexpr qsizetype SectionTitleMax = 24;
    static constexpr qsizetype RowTitleMax = 24;
    static constexpr qsizetype RowDescriptionMax = 72;
    static constexpr qsizetype RowIdMax = 200;
    static constexpr qsizetype CallbackDataMax = 512; ///< biz_opaque_callback_data
    static constexpr qsizetype PhoneDigitsMax = 15;   ///< ITU-T E.164 §6.1
    static constexpr qsizetype TemplateNameMax = 512;
    static constexpr qsizetype TemplateButtonsMax = 10;
    /// A template definition's buttons: label, URL buttons and their address.
    static constexpr qsizetype TemplateButtonTextMax = 25;
    static constexpr qsizetype TemplateUrlButtonsMax = 2;
    static constexpr qsizetype TemplateUrlMax = 2000;
    static constexpr qsizetype TemplateHeaderParameterMax = 60;
    /// A body parameter's limit when the message has other components, and when it has not.
    static constexpr qsizetype TemplateBodyParameterMax = 1024;
    static constexpr qsizetype TemplateBodyOnlyParameterMax = 32768;
    /// A template definition's own limits (creating one): body, header and footer text.
    static constexpr qsizetype TemplateBodyTextMax = 1024;

    /// The length Wardline holds against Meta's limits: UTF-16 code units (see the class note).
    [[nodiscard]] static qsizetype length(QStringView text) { return text.size(); }

    /// A phone number as digits with the country code, an optional leading '+'.
    [[nodiscard]] static Core::Status checkRecipient(QStringView to);
    /// A WhatsApp message id (wamid) to reply to, react to or mark as read.
    [[nodiscard]] static Core::Status checkMessageId(QStringView messageId);
    [[nodiscard]] static Core::Status checkText(QStringView body);
    [[nodiscard]] static Core::Status checkCaption(QStringView caption);
    [[nodiscard]] static Core::Status checkCallbackData(QStringView data);
    [[nodiscard]] static Core::Status checkReplyButtons(const ReplyButtonsMessage &message);
    [[nodiscard]] static Core::Status checkList(const ListMessage &message);
    [[nodiscard]] static Core::Status checkMedia(const MediaMessage &message);
    [[nodiscard]] static Core::Status checkLocation(const LocationMessage &message);
    /// One emoji, or empty to take a reaction back.
    [[nodiscard]] static Core::Status checkReaction(QStringView messageId, QStringView emoji);
    [[nodiscard]] static Core::Status checkTemplate(const TemplateMessage &message);

    /// The {{…}} placeholders in a template text.
    struct Placeholders
    {
        QList<int> positional; ///< distinct numbers, ascending ({{1}}, {{2}} …)
        QStringList named;     ///< distinct names, in order of first use ({{first_name}})
        QStringList malformed; ///< anything else between {{ and }}
    };
    [[nodiscard]] static Placeholders placeholders(QStringView text);

    /// Do \a parameters fill exactly the placeholders of \a text? Positional: as many values as
    /// distinct {{n}}, none named. Named: one value for each {{name}}, no other names. Only
    /// text, currency and date parameters count (media and payloads fill no placeholder).
    [[nodiscard]] static Core::Status checkPlaceholders(QStringView text,
                                                        const QList<TemplateParameter> &parameters);

    /// A file for POST /{phone-number-id}/media: a type WhatsApp takes, within its size limit.
    [[nodiscard]] static Core::Status checkUpload(QStringView mimeType, qint64 size);
    /// The media kind a MIME type is sent as; nothing for types WhatsApp does not take.
    [[nodiscard]] static std::optional<MediaKind> mediaKindOf(QStringView mimeType);
    /// WhatsApp's size limit for \a kind, in bytes.
    [[nodiscard]] static qint64 maxUploadSize(MediaKind kind);

    /// Template names: lower-case letters, digits and '_', at most 512 characters.
    [[nodiscard]] static bool isTemplateName(QStringView name);
    /// A template language code: "en", "en_US", "pt_BR", "zh_HK" …
    [[nodiscard]] static bool isLanguageCode(QStringView code);
    /// A named parameter: lower-case letters, digits and '_', not starting with a digit.
    [[nodiscard]] static bool isParameterName(QStringView name);
};

} // namespace Wardline::WhatsApp
