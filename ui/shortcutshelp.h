#pragma once

#include <QWidget>

class QFrame;
class QGridLayout;
class QLabel;
class QPushButton;

namespace Wardline::Ui {

/// The keyboard shortcuts (F1) as an overlay over the window, generated from Shortcuts::all()
/// in the current UI language. Esc, F1 or Close hides it.
class ShortcutsHelp : public QWidget
{
    Q_OBJECT
public:
    /// Covers \a window and follows its size; hidden until shown.
    explicit ShortcutsHelp(QWidget *window);

    /// Shows the overlay above everything else in the window.
    void open();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void retranslateUi();

    QFrame *m_card;
    QLabel *m_titleLabel;
    QGridLayout *m_rows;
    QPushButton *m_closeButton;
};

} // namespace Wardline::Ui
