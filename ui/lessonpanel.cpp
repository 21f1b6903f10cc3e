#include "ui/lessonpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVariant>

namespace layerlens::ui {

namespace {
QLabel *wrapped(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}
} // namespace

LessonPanel::LessonPanel(QWidget *parent) : QWidget(parent)
{
    m_heading = wrapped(this, QStringLiteral("lessonHeading"));
    m_title = wrapped(this, QStringLiteral("lessonTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_question = wrapped(this, QStringLiteral("lessonQuestion"));
    m_question->setStyleSheet(QStringLiteral("QLabel#lessonQuestion { background: #FFF4D6; border-left: 4px solid "
                                             "#E69F00; padding: 6px; }"));
    m_explanation = wrapped(this, QStringLiteral("lessonExplanation"));
    m_expected = wrapped(this, QStringLiteral("lessonExpected"));
    m_reveal = new QPushButton(this);
    m_reveal->setObjectName(QStringLiteral("lessonReveal"));
    m_reveal->setCheckable(true);
    m_reveal->setFocusPolicy(Qt::NoFocus);
    connect(m_reveal, &QPushButton::toggled, this, &LessonPanel::revealExplanation);

    m_previous = new QPushButton(tr("◀ Previous (P)"), this);
    m_previous->setObjectName(QStringLiteral("lessonPrevious"));
    m_next = new QPushButton(tr("Next (N) ▶"), this);
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_compare = new QPushButton(tr("Compare side by side (C)"), this);
    m_compare->setObjectName(QStringLiteral("lessonCompare"));
    for (QPushButton *button : {m_previous, m_next, m_compare})
        button->setFocusPolicy(Qt::NoFocus); // Space stays Run/Pause
    connect(m_previous, &QPushButton::clicked, this, &LessonPanel::previousRequested);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::nextRequested);
    connect(m_compare, &QPushButton::clicked, this, &LessonPanel::compareRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_title);
    layout->addWidget(m_question);
    layout->addWidget(m_reveal, 0, Qt::AlignLeft);
    layout->addWidget(m_explanation);
    layout->addWidget(m_expected);
    layout->addStretch(1);
    layout->addWidget(m_compare);
    layout->addLayout(buttons);
    setLesson(LessonText{});
}

void LessonPanel::setLesson(const LessonText &lesson)
{
    m_lesson = lesson;
    const bool any = lesson.count > 0 && lesson.number > 0;
    m_heading->setText(any ? tr("Lesson %1 of %2").arg(lesson.number).arg(lesson.count)
                           : tr("No lesson chosen"));
    m_title->setText(any ? lesson.title : tr("Press N for the first lesson, or choose one under Preset."));
    m_question->setText(any && !lesson.question.isEmpty() ? tr("Predict first: %1").arg(lesson.question) : QString());
    m_question->setVisible(any && !lesson.question.isEmpty());
    m_explanation->setText(lesson.explanation);
    m_expected->setText(any ? tr("Expected warning: %1").arg(lesson.expected) : QString());
    m_reveal->setVisible(any && !lesson.explanation.isEmpty());
    m_reveal->setChecked(false);
    revealExplanation(false);
    m_previous->setEnabled(any && lesson.number > 1);
    m_next->setEnabled(!any || lesson.number < lesson.count);
    m_compare->setVisible(any && lesson.hasComparison);
}

void LessonPanel::setTextScale(qreal scale)
{
    for (QWidget *widget : findChildren<QWidget *>()) {
        QVariant base = widget->property("ll_lessonFont");
        if (!base.isValid()) {
            base = QVariant::fromValue(widget->font());
            widget->setProperty("ll_lessonFont", base);
        }
        QFont font = base.value<QFont>();
        font.setPointSizeF(font.pointSizeF() * scale);
        widget->setFont(font);
    }
}

void LessonPanel::revealExplanation(bool shown)
{
    const bool any = m_lesson.count > 0 && m_lesson.number > 0;
    m_explanation->setVisible(any && shown && !m_lesson.explanation.isEmpty());
    m_expected->setVisible(any && shown && !m_lesson.expected.isEmpty());
    m_reveal->setText(shown ? tr("Hide the explanation") : tr("Show the explanation"));
    if (m_reveal->isChecked() != shown)
        m_reveal->setChecked(shown);
}

} // namespace layerlens::ui
