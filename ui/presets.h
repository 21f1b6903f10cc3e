#pragma once

#include "core/config.h"
#include "core/diagnostics.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace layerlens::ui {

/// A text of a lesson: English in the preset file, shown through the installed Qt translator.
/// Its message is context "Lesson", disambiguation "NAME: FIELD" (e.g. "sigmoid-deep: title",
/// "maxout: compare.title") in resources/translations/layerlens_ko.ts; ui/CMakeLists.txt hands
/// every preset text to lupdate, so the Korean lives in the .ts with the rest of the interface.
struct LessonString {
    QString source; ///< English, as written in the preset
    QString id;     ///< "NAME: FIELD", the message's disambiguation
    /// The text in the language of the installed translator (the source when none translates it).
    QString translated() const;
};

/// The second run of a side-by-side lesson: the lesson's config with some keys changed.
struct LessonComparison {
    LessonString title;
    core::RunConfig config;             ///< the lesson's config with the override applied
    /// What the second run must raise (the same rule as Lesson::expects); absent when the
    /// lesson promises nothing about it.
    std::optional<std::vector<core::DiagnosticKind>> expects;
};

/// A built-in preset read as a lesson (resources/presets/NAME.json; the format is in docs/config.md).
struct Lesson {
    QString name;                       ///< the file's base name, as `--preset` takes it
    int order = 0;                      ///< lesson number: next/previous follow it
    LessonString title, question, explanation;
    /// Diagnostics the run raises at some snapshot of its `config.steps` (or `testSteps`) steps;
    /// empty for a healthy lesson, which then raises none.
    std::vector<core::DiagnosticKind> expects;
    core::RunConfig config;
    /// Steps the automatic check runs when the lesson itself runs longer; 0 = config.steps.
    long long testSteps = 0;
    std::optional<LessonComparison> compare;
};

/// Names of the built-in presets (resources/presets/NAME.json, compiled in), in lesson order.
QStringList presetNames();
/// The config of preset `name`; throws std::invalid_argument for an unknown name (listing the
/// known ones) and json::ParseError or std::invalid_argument for a malformed preset.
core::RunConfig presetConfig(const QString &name);
/// The preset's title in the interface language (empty when it has none).
QString presetTitle(const QString &name);

/// Preset `name` as a lesson; throws like presetConfig, and std::invalid_argument naming the
/// preset and field for a missing or malformed lesson field.
Lesson lesson(const QString &name);
/// A preset file's text (UTF-8 JSON) as lesson `name`; throws like lesson() for a malformed one.
Lesson parseLesson(const QString &name, const QByteArray &document);
/// Every built-in preset as a lesson, sorted by order (then name).
std::vector<Lesson> lessons();

} // namespace layerlens::ui
