#pragma once

#include "console/templatesclient.h"

#include <QAbstractTableModel>

namespace Wardline::Ui {

/// Every template language version with Meta's review status, for the templates desk's list:
/// name, language, category, status and, for a rejection or pause, Meta's reason.
class TemplateListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, LanguageColumn, CategoryColumn, StatusColumn, ReasonColumn, Columns };
    enum Role {
        StatusRole = Qt::UserRole + 1, ///< Meta's status code ("APPROVED" …)
        ReasonRole,                    ///< Meta's reason code, untranslated
    };

    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces the list, keeping rows that did not change (and the view's selection on them).
    void setTemplates(const QList<Console::TemplateRecord> &templates);
    [[nodiscard]] const QList<Console::TemplateRecord> &templates() const { return m_templates; }
    /// The row of \a name in \a language, or -1.
    [[nodiscard]] int rowOf(const QString &name, const QString &language) const;

    /// The status as staff read it ("Approved", "Rejected" …).
    [[nodiscard]] static QString statusText(const QString &status);
    /// Meta's rejection or pause reason as staff read it; unknown codes as Meta wrote them.
    [[nodiscard]] static QString reasonText(const QString &reason);
    /// The category as staff read it ("Utility" …).
    [[nodiscard]] static QString categoryText(const QString &category);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<Console::TemplateRecord> m_templates;
};

} // namespace Wardline::Ui
