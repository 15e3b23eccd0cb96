#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Wardline::Console {

struct TemplateRecord;

/// A button of a template being written: a quick reply, a web link or a call button.
struct TemplateDraftButton
{
    enum class Kind { QuickReply, Url, Phone };
    Kind kind = Kind::QuickReply;
    QString text;
    QString target; ///< the address (Url) or the number (Phone)

    friend bool operator==(const TemplateDraftButton &, const TemplateDraftButton &) = default;
};

/// A WhatsApp template an administrator is writing in the builder, and what is wrong with it
/// for each part of the form. The rules are Meta's as the hub applies them before submitting
/// (WhatsApp::GraphTemplate::checkDefinition), run here on each part so the form can say which
/// field is wrong while it is typed, never a second copy of them.
class TemplateDraft
{
    Q_DECLARE_TR_FUNCTIONS(Wardline::Console::TemplateDraft)

public:
    /// The parts of the form a problem belongs to.
    enum class Part { Name, Language, Category, Header, Body, Footer, Buttons, Whole };
    enum class HeaderKind { None, Text, Image };

    QString name;
    QString language;
    QString category = QStringLiteral("UTILITY");
    bool namedVariables = false; ///< {{first_name}} rather than {{1}}
    HeaderKind headerKind = HeaderKind::None;
    QString headerText;
    QString headerExample;   ///< the value of the heading's one variable, for Meta's review
    QString headerImageLink; ///< an example image's handle as Meta knows it (templates read back)
    /// The example image the administrator chose (JPEG or PNG): the hub keeps it and uploads
    /// it through Meta's Resumable Upload API, whose handle is what Meta's review looks at.
    QByteArray headerImage;
    QString body;
    /// Example values for Meta's review, by variable ("1", "2" … or the names).
    QHash<QString, QString> examples;
    QString footer;
    QList<TemplateDraftButton> buttons;

    /// The body's variables in order: "1", "2" … or the names, each once.
    [[nodiscard]] QStringList variables() const;
    /// The heading's variable ("1" or a name), or empty.
    [[nodiscard]] QString headerVariable() const;
    /// Meta's components: HEADER, BODY (with its examples), FOOTER, BUTTONS.
    [[nodiscard]] QJsonArray components() const;
    /// The body of POST /api/v1/templates.
    [[nodiscard]] QJsonObject toJson() const;
    /// What is wrong, by part of the form; empty when the template can be submitted.
    [[nodiscard]] QHash<Part, QString> problems() const;
    /// The words the patient would read, examples in place of the variables, heading, footer
    /// and buttons included (for the preview).
    [[nodiscard]] QString previewText() const;

    /// A draft with \a record's contents, for another language version of it (the name, the
    /// category and the variables stay; the words are to be translated).
    [[nodiscard]] static TemplateDraft fromRecord(const TemplateRecord &record);
};

} // namespace Wardline::Console
