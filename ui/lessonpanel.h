#pragma once

#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace layerlens::ui {

/// What the lesson panel shows of one lesson, already in the user's language.
struct LessonText {
    int number = 0;        ///< 1-based position in the lesson order
    int count = 0;         ///< lessons in all
    QString title;
    QString question;      ///< "predict first"
    QString explanation;   ///< what to watch, and why
    QString expected;      ///< the warning(s) it should raise, or "none"
    bool hasComparison = false;
};

/// The current lesson for the class: its title, the question to answer before pressing Run,
/// the explanation, and buttons for the previous and next lesson and the side-by-side
/// comparison. Holds no lesson data: the window sets the text and acts on the signals.
class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(QWidget *parent = nullptr);

    /// Shows `lesson`; a default LessonText shows how to choose one.
    void setLesson(const LessonText &lesson);
    const LessonText &lesson() const { return m_lesson; }
    /// Type `scale` times its normal size (presentation mode: the lesson text read from the back row).
    void setTextScale(qreal scale);
    /// Shows or hides the explanation (hidden when a lesson is chosen: predict first).
    void revealExplanation(bool shown);

signals:
    void previousRequested();
    void nextRequested();
    void compareRequested();

private:
    LessonText m_lesson;
    QLabel *m_heading = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_question = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_expected = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_reveal = nullptr; // the explanation waits until the class has made its guess
};

} // namespace layerlens::ui
