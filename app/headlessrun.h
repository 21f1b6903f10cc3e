#pragma once

#include <QStringList>

namespace layerlens::app {

/// Exit codes of the command line.
enum ExitCode { ExitOk = 0, ExitError = 1, ExitBadInput = 2, ExitDiverged = 3 };

/// Runs `layerlens --headless ...`: builds the config from presets, files and --set, trains for
/// the requested steps and writes the statistics, model and config files. Bad flags, keys,
/// values or files print one message naming the problem and return ExitBadInput before anything
/// is written. `arguments` is the whole command line, program name first.
int runHeadless(const QStringList &arguments);

} // namespace layerlens::app
