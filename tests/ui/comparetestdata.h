#pragma once
// Shared by the compare-mode tests: a small, fast config and the "both runs settled" checks.

#include "core/config.h"
#include "ui/comparesession.h"

namespace comparetestdata {

using layerlens::ui::CompareSession;
using Side = CompareSession::Side;

/// Moons, 3 × 8 tanh, statistics every `every` steps, test every `evalEvery`; trains until paused
/// (as the GUI does).
inline layerlens::core::RunConfig smallConfig(int every, int evalEvery)
{
    layerlens::core::RunConfig c;
    c.data.spec = "moons";
    c.data.samples = 200;
    c.network.depth = 3;
    c.network.widths = {8};
    c.network.activation = layerlens::core::ActivationKind::Tanh;
    c.network.init.kind = layerlens::core::InitKind::XavierNormal;
    c.every = every;
    c.evalEvery = evalEvery;
    c.steps = layerlens::core::kMaxSteps;
    return c;
}

/// Both sides have shown a frame at `step` and neither is training.
inline bool bothSettledAt(const CompareSession &session, long long step)
{
    if (session.isBusy())
        return false;
    for (const Side side : {Side::A, Side::B}) {
        const auto frame = session.latestFrame(side);
        if (!frame || frame->running || frame->snapshot->step != step)
            return false;
    }
    return true;
}

} // namespace comparetestdata
