#pragma once
// Shared by the tests that drive a TrainingController: a small run that trains fast, and the
// newest frame a QSignalSpy on frameReady() has caught.

#include "core/config.h"
#include "ui/frame.h"

#include <QSignalSpy>

#include <memory>

namespace controllertestdata {

/// Moons, two hidden layers of 8, statistics at every step, no end.
inline layerlens::core::RunConfig smallConfig()
{
    layerlens::core::RunConfig c;
    c.data.spec = "moons";
    c.data.samples = 200;
    c.network.depth = 2;
    c.network.widths = {8};
    c.every = 1;
    c.steps = layerlens::core::kMaxSteps;
    return c;
}

/// The newest frame `spy` (on TrainingController::frameReady) has caught, or null.
inline std::shared_ptr<const layerlens::ui::Frame> lastFrame(const QSignalSpy &spy)
{
    return spy.isEmpty() ? nullptr : spy.last().first().value<std::shared_ptr<const layerlens::ui::Frame>>();
}

} // namespace controllertestdata
