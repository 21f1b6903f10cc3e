#pragma once

#include "core/config.h"
#include "core/diagnostics.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <vector>

namespace layerlens::ui {

/// A text of a lesson in the languages it is written in.
struct LocalizedText {
    QString en;
    QString ko;
    /// The text in `language` ("en" or "ko"); English for any other code or when that one is empty.
    QString in(QStringView language) const;
};

/// The second run of a side-by-side lesson: the lesson's config with some keys changed.
struct LessonComparison {
    LocalizedText title;
    core::RunConfig config;             ///< the lesson's config with the override applied
    /// What the second run must raise (the same rule as Lesson::expects); absent when the
    /// lesson promises nothing about it.
    std::optional<std::vector<core::DiagnosticKind>> expects;
};

/// A built-in preset read as a lesson (resources/presets/NAME.json; the format is in docs/config.md).
struct Lesson {
    QString name;                       ///< the file's base name, as `--preset` takes it
    int order = 0;                      ///< lesson number: next/previous follow it
    LocalizedText title, question, explanation;
    /// Diagnostics the run raises at some snapshot of its `config.steps` (or `testSteps`) steps;
    /// empty for a healthy lesson, which then raises none.
    std::vector<core::DiagnosticKind> expects;
    core::RunConfig config;
    /// Steps the automatic check runs when the lesson itself runs longer; 0 = config.steps.
    long long testSteps = 0;
    std::optional<LessonComparison> compare;

    QString titleIn(QStringView language) const { return title.in(language); }
    QString questionIn(QStringView language) const { return question.in(language); }
    QString explanationIn(QStringView language) const { return explanation.in(language); }
};

/// Names of the built-in presets (resources/presets/NAME.json, compiled in), in lesson order.
QStringList presetNames();
/// The config of preset `name`; throws std::invalid_argument for an unknown name (listing the
/// known ones) and json::ParseError or std::invalid_argument for a malformed preset.
core::RunConfig presetConfig(const QString &name);
/// The preset's title in English (empty when it has none).
QString presetTitle(const QString &name);

/// Preset `name` as a lesson; throws like presetConfig, and std::invalid_argument naming the
/// preset and field for a missing or malformed lesson field.
Lesson lesson(const QString &name);
/// Every built-in preset as a lesson, sorted by order (then name).
std::vector<Lesson> lessons();

} // namespace layerlens::ui
