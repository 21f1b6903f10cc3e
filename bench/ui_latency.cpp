// UI responsiveness while training at full speed, depth 10, width 256, tanh (issue 4 figures):
//  - lateness of a 1 ms timer on the UI thread (p50/p99/max) over 5 s of training,
//  - toggle-to-first-redraw: activation changed in the panel → first frame of the new run shown,
//  - training steps/s with the window open versus a headless Trainer in the same process.
// Run under Xvfb or offscreen:  QT_QPA_PLATFORM=offscreen ./build-bench/bench/ui_latency

#include "core/trainer.h"
#include "ui/controlpanel.h"
#include "ui/mainwindow.h"
#include "ui/trainingcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace layerlens;

namespace {

core::RunConfig benchConfig(core::ActivationKind activation)
{
    core::RunConfig c;
    c.data.spec = "gaussian:2048:256:10";
    c.network.depth = 10;
    c.network.widths = {256};
    c.network.activation = activation;
    c.network.init.kind = core::InitKind::XavierNormal;
    c.batchSize = 64;
    c.every = 10;
    c.steps = core::kMaxSteps;
    return c;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window;
    window.show();
    window.applyConfig(benchConfig(core::ActivationKind::Tanh));
    auto *controller = window.controller();
    waitUntil([&] { return controller->latestFrame() != nullptr; }, 20000);
    controller->start();
    waitUntil([&] { return controller->isRunning(); }, 5000);

    // 1 ms timer lateness.
    std::vector<double> lateness;
    QElapsedTimer clock;
    clock.start();
    qint64 expected = clock.nsecsElapsed() + 1'000'000;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateness.push_back(static_cast<double>(now - expected) / 1e6);
        expected = now + 1'000'000;
    });
    timer.start(1);
    const long long stepBefore = controller->latestFrame()->snapshot->step;
    QElapsedTimer window5s;
    window5s.start();
    waitUntil([] { return false; }, 5000);
    timer.stop();
    const long long stepAfter = controller->latestFrame()->snapshot->step;
    const double guiStepsPerSecond = static_cast<double>(stepAfter - stepBefore) / (window5s.elapsed() / 1000.0);
    std::printf("timer lateness over %zu ticks: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", lateness.size(),
                percentile(lateness, 0.5), percentile(lateness, 0.99), percentile(lateness, 1.0));

    // Toggle to first redraw.
    std::vector<double> toggles;
    for (int i = 0; i < 10; ++i) {
        const auto activation = i % 2 == 0 ? core::ActivationKind::Relu : core::ActivationKind::Tanh;
        const auto oldId = controller->latestFrame()->snapshot->configId;
        QElapsedTimer t;
        t.start();
        window.applyConfig(benchConfig(activation));
        waitUntil([&] { return controller->latestFrame()->snapshot->configId != oldId; }, 10000);
        QCoreApplication::processEvents(); // the views draw the frame
        toggles.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        controller->start();
        waitUntil([] { return false; }, 300);
    }
    std::printf("toggle to first redraw: median %.1f ms, max %.1f ms\n", percentile(toggles, 0.5), percentile(toggles, 1.0));
    controller->pause();
    window.close();

    // Headless in the same process, same config.
    core::RunConfig c = benchConfig(core::ActivationKind::Tanh);
    c.syncSeed();
    core::Trainer trainer(c, std::make_shared<core::Dataset>(core::makeDataset(c.data)));
    const auto start = std::chrono::steady_clock::now();
    trainer.run(2000);
    const double headless = 2000.0 / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("steps/s: GUI open %.0f, headless %.0f (%.0f%%)\n", guiStepsPerSecond, headless,
                100.0 * guiStepsPerSecond / headless);
    return 0;
}
