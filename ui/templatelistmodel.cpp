#include "ui/templatelistmodel.h"

#include <QBrush>
#include <QColor>

namespace Wardline::Ui {

void TemplateListModel::setTemplates(const QList<Console::TemplateRecord> &templates)
{
    // A reset: the desk selects the template it showed again by name and language.
    beginResetModel();
    m_templates = templates;
    endResetModel();
}

int TemplateListModel::rowOf(const QString &name, const QString &language) const
{
    for (int i = 0; i < m_templates.size(); ++i) {
        if (m_templates.at(i).name == name && m_templates.at(i).language == language)
            return i;
    }
    return -1;
}

QString TemplateListModel::statusText(const QString &status)
{
    // Meta's template statuses ("Message templates": status) plus the hub's SUBMITTING.
    if (status == QLatin1StringView("APPROVED"))
        return tr("Approved");
    if (status == QLatin1StringView("PENDING") || status == QLatin1StringView("IN_APPEAL"))
        return tr("In review");
    if (status == QLatin1StringView("SUBMITTING"))
        return tr("Being sent for review");
    if (status == QLatin1StringView("REJECTED"))
        return tr("Rejected");
    if (status == QLatin1StringView("PAUSED"))
        return tr("Paused");
    if (status == QLatin1StringView("DISABLED"))
        return tr("Disabled");
    return status;
}

QString TemplateListModel::reasonText(const QString &reason)
{
    // Meta's rejected_reason values ("Message templates": rejected_reason).
    if (reason.isEmpty() || reason == QLatin1StringView("NONE"))
        return {};
    if (reason == QLatin1StringView("INVALID_FORMAT"))
        return tr("The format is not valid (variables, examples or layout).");
    if (reason == QLatin1StringView("ABUSIVE_CONTENT"))
        return tr("WhatsApp considered the content abusive.");
    if (reason == QLatin1StringView("PROMOTIONAL"))
        return tr("The text reads as promotional for its category.");
    if (reason == QLatin1StringView("TAG_CONTENT_MISMATCH"))
        return tr("The category does not match the content.");
    if (reason == QLatin1StringView("SCAM"))
        return tr("WhatsApp considered the content misleading.");
    if (reason == QLatin1StringView("INCORRECT_CATEGORY"))
        return tr("The category does not match the content.");
    if (reason == QLatin1StringView("LOW_QUALITY"))
        return tr("Patients reported or blocked it too often.");
    return reason;
}

QString TemplateListModel::categoryText(const QString &category)
{
    if (category == QLatin1StringView("UTILITY"))
        return tr("Utility");
    if (category == QLatin1StringView("MARKETING"))
        return tr("Marketing");
    if (category == QLatin1StringView("AUTHENTICATION"))
        return tr("Authentication");
    return category;
}

int TemplateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_templates.size());
}

int TemplateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Console::TemplateRecord &t = m_templates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return t.name;
        case LanguageColumn:
            return t.language;
        case CategoryColumn:
            return categoryText(t.category);
        case StatusColumn:
            return statusText(t.status);
        case ReasonColumn:
            return reasonText(t.reason);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == ReasonColumn || index.column() == StatusColumn
                   ? QVariant(reasonText(t.reason))
                   : QVariant(t.text(u"BODY"));
    case Qt::ForegroundRole:
        if (index.column() != StatusColumn)
            return {};
        if (t.isApproved())
            return QBrush(QColor(0x1f, 0x7a, 0x55));
        if (t.status == QLatin1StringView("REJECTED") || t.status == QLatin1StringView("DISABLED"))
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        return QBrush(QColor(0x8a, 0x5a, 0x00));
    case StatusRole:
        return t.status;
    case ReasonRole:
        return t.reason;
    default:
        return {};
    }
}

QVariant TemplateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LanguageColumn:
        return tr("Language");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("WhatsApp status");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace Wardline::Ui
