#pragma once

#include "core/config.h"

#include <QString>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace layerlens::ui {

/// How run B differs from run A: config keys with their values as `--set key=value` takes them
/// ({"batchnorm", "true"}, {"init", "he_normal"}), applied to A in order.
using ConfigOverrides = std::vector<std::pair<std::string, std::string>>;

/// One comparison: what B changes relative to A. A built-in pair derives the values from A
/// ("BatchNorm on/off" gives B the other BatchNorm setting than A's), so B differs from A
/// whatever A is set to; a fixed pair (a lesson's "compare" object) always sets the same values.
/// Everything not overridden, data, seed, batch size and schedule included, is A's.
struct ComparePair {
    QString id;    ///< "batchnorm", "init", ... for built-in pairs; "custom" for a fixed one
    QString label; ///< for the user: "BatchNorm on/off"
    std::function<ConfigOverrides(const core::RunConfig &a)> overrides;

    /// A pair that always overrides `overrides`; `label` names it (empty: the keys).
    static ComparePair fixed(ConfigOverrides overrides, const QString &label = {});
};

/// The built-in pairs, in menu order; the first is the default.
const std::vector<ComparePair> &builtInPairs();

/// `config` with `overrides` applied in order by core::setConfigValue. Throws
/// std::invalid_argument "key: cause" for an unknown key, a bad value or an invalid result.
core::RunConfig withOverrides(core::RunConfig config, const ConfigOverrides &overrides);

/// The keys (core::configKeys() order) whose values differ between `a` and `b`.
std::vector<std::string> differingKeys(const core::RunConfig &a, const core::RunConfig &b);

/// `b` as overrides of `a`: each differing key with b's value (withOverrides(a, result) == b).
ConfigOverrides differences(const core::RunConfig &a, const core::RunConfig &b);

/// The values of `keys` in `config`, short and joined by " · ": "BN on · dropout 0.5".
QString describeKeys(const core::RunConfig &config, const std::vector<std::string> &keys);

/// Activation, initialiser and BatchNorm of `config`, then the values of those of `extraKeys`
/// not already named: "tanh · xavier_normal · BN off · dropout 0.5".
QString describeConfig(const core::RunConfig &config, const std::vector<std::string> &extraKeys = {});

} // namespace layerlens::ui
