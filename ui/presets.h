#pragma once

#include "core/config.h"

#include <QString>
#include <QStringList>

namespace layerlens::ui {

/// Names of the built-in presets (resources/presets/NAME.json, compiled in).
QStringList presetNames();
/// The config of preset `name`; throws std::invalid_argument for an unknown name (listing the
/// known ones) and json::ParseError or std::invalid_argument for a malformed preset.
core::RunConfig presetConfig(const QString &name);
/// The preset's title, in the preset's own words (empty when it has none).
QString presetTitle(const QString &name);

} // namespace layerlens::ui
