// UI responsiveness while training at full speed, depth 10, width 256, tanh (issue 4 figures):
//  - frame time: how long the UI thread stays busy each time it wakes (the event loop's awake to
//    aboutToBlock), p50/p99/max over 5 s (`seconds`) of training, and the frames shown per
//    second; a frame (new snapshot applied to every chart and painted) happens inside one such
//    stretch, so a p99 under 16 ms means the dashboard can keep 60 frames per second; and the UI
//    thread's CPU time in the same stretches (less than the wall clock when it waited for a core),
//  - lateness of a 1 ms timer on the UI thread (p50/p99/max) over the same seconds,
//  - toggle-to-first-redraw: activation changed in the panel → first frame of the new run shown,
//  - training steps/s with the window open versus a headless Trainer in the same process.
// Run under Xvfb or offscreen:
//   QT_QPA_PLATFORM=offscreen ./build-bench/bench/ui_latency [every] [warmup] [page] [seconds] [presentation]
// (`warmup`: seconds of training before the measurement, so that the charts' histories are long,
// as in a lesson that has been running for minutes; 0 by default. `page`: the dashboard page
// shown, 0 "Layers" (the default) or 1 "Training". `seconds`: how long the frames are measured,
// 5 by default; a p99 over 5 s of ~30 frames a second is the third-worst frame, so compare
// builds over 20 s or more. `presentation`: 1 measures presentation mode (full screen, large
// type, thicker lines), 0 by default.)
// (QT_NO_GLIB=1 makes Qt use its own event loop, whose awake/aboutToBlock signals the frame
// time needs; with the GLib loop it reads 0.)
// FRAMELOG=FILE also writes each frame's end (CLOCK_MONOTONIC, seconds), wall-clock and CPU
// time (ms), one line per frame, for bench/frame_profile.py, which sorts the samples of a
// `perf record -k CLOCK_MONOTONIC` run into frames and shows what the slowest ones do.

#include "core/trainer.h"
#include "ui/controlpanel.h"
#include "ui/mainwindow.h"
#include "ui/trainingcontroller.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

using namespace layerlens;

namespace {

int g_every = 10;
int g_warmupSeconds = 0;
int g_page = 0;
int g_seconds = 5;
bool g_presentation = false;

core::RunConfig benchConfig(core::ActivationKind activation)
{
    core::RunConfig c;
    c.data.spec = "gaussian:2048:256:10";
    c.network.depth = 10;
    c.network.widths = {256};
    c.network.activation = activation;
    c.network.init.kind = core::InitKind::XavierNormal;
    c.batchSize = 64;
    c.every = g_every;
    c.steps = core::kMaxSteps;
    return c;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// CPU time of the calling thread, ms: a wake-up that took longer on the wall clock than on this
// one waited for a core (the trainer, the X server and the UI thread share two here).
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
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
    // Optional argument: the snapshot interval in steps (default 10, the app's default; 5 gives
    // ~80 snapshots a second at ~400 steps/s, more than the 60 frames the UI shows).
    if (argc > 1)
        g_every = std::max(1, std::atoi(argv[1]));
    if (argc > 2)
        g_warmupSeconds = std::max(0, std::atoi(argv[2]));
    if (argc > 3)
        g_page = std::clamp(std::atoi(argv[3]), 0, 1);
    if (argc > 4)
        g_seconds = std::max(1, std::atoi(argv[4]));
    if (argc > 5)
        g_presentation = std::atoi(argv[5]) != 0;
    std::printf("snapshot every %d steps, %d s of training before measuring, page %d, %d s measured%s\n", g_every,
                g_warmupSeconds, g_page, g_seconds, g_presentation ? ", presentation mode" : "");
    // Headless in the same process, same config, first: the window's training thread lowers its
    // priority (core/threadpriority.h), and the products' helper keeps the lowest it was asked
    // for, so a headless run after the window would share its work with a thread at nice 19.
    double headless = 0.0;
    {
        core::RunConfig c = benchConfig(core::ActivationKind::Tanh);
        c.syncSeed();
        core::Trainer trainer(c, std::make_shared<core::Dataset>(core::makeDataset(c.data)));
        const auto start = std::chrono::steady_clock::now();
        trainer.run(2000);
        headless = 2000.0 / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }

    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window;
    window.show();
    if (g_presentation)
        window.setPresentation(true);
    if (auto *pages = window.findChild<QTabWidget *>(QStringLiteral("viewPages")))
        pages->setCurrentIndex(g_page);
    window.applyConfig(benchConfig(core::ActivationKind::Tanh));
    auto *controller = window.controller();
    waitUntil([&] { return controller->latestFrame() != nullptr; }, 20000);
    controller->start();
    waitUntil([&] { return controller->isRunning(); }, 5000);
    if (g_warmupSeconds > 0) {
        QEventLoop loop;
        QTimer::singleShot(g_warmupSeconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        std::printf("after the warm-up: step %lld\n", controller->latestFrame()->snapshot->step);
    }

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
    // Busy stretches of the UI thread, and frames shown.
    std::vector<double> busy;      // every wake-up
    std::vector<double> frameBusy; // the wake-ups that showed a frame
    std::vector<double> frameCpu;  // the UI thread's CPU time in those wake-ups
    std::vector<double> frameEnd;  // CLOCK_MONOTONIC, seconds (FRAMELOG)
    qint64 wokeAt = -1;
    double cpuAtWake = 0.0;
    bool showedFrame = false;
    auto *dispatcher = QAbstractEventDispatcher::instance();
    const auto awake = QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, [&] {
        if (wokeAt < 0) {
            wokeAt = clock.nsecsElapsed();
            cpuAtWake = threadCpuMs();
        }
    });
    const auto blocking = QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, [&] {
        if (wokeAt >= 0) {
            busy.push_back(static_cast<double>(clock.nsecsElapsed() - wokeAt) / 1e6);
            if (showedFrame) {
                frameBusy.push_back(busy.back());
                timespec now{};
                clock_gettime(CLOCK_MONOTONIC, &now);
                frameEnd.push_back(static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9);
                frameCpu.push_back(threadCpuMs() - cpuAtWake);
            }
        }
        wokeAt = -1;
        showedFrame = false;
    });
    int frames = 0;
    const auto counting = QObject::connect(controller, &ui::TrainingController::frameReady, [&] {
        ++frames;
        showedFrame = true;
    });
    const long long stepBefore = controller->latestFrame()->snapshot->step;
    QElapsedTimer measured;
    measured.start();
    {
        // A real event loop, which sleeps when idle (processEvents() would poll instead).
        QEventLoop loop;
        QTimer::singleShot(g_seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    timer.stop();
    QObject::disconnect(awake);
    QObject::disconnect(blocking);
    QObject::disconnect(counting);
    const long long stepAfter = controller->latestFrame()->snapshot->step;
    const double seconds = static_cast<double>(measured.elapsed()) / 1000.0;
    if (const char *log = std::getenv("FRAMELOG")) {
        FILE *f = std::fopen(log, "w");
        if (!f) {
            std::fprintf(stderr, "cannot write FRAMELOG %s\n", log);
        } else {
            for (std::size_t i = 0; i < frameBusy.size(); ++i)
                std::fprintf(f, "%.6f %.3f %.3f\n", frameEnd[i], frameBusy[i], frameCpu[i]);
            std::fclose(f);
        }
    }
    const double guiStepsPerSecond = static_cast<double>(stepAfter - stepBefore) / seconds;
    std::printf("frames shown: %.1f per second; frame time (UI thread busy, wake-ups that showed a frame, %zu): "
                "p50 %.2f ms, p99 %.2f ms, max %.2f ms; all %zu wake-ups: p99 %.2f ms\n",
                frames / seconds, frameBusy.size(), percentile(frameBusy, 0.5), percentile(frameBusy, 0.99),
                percentile(frameBusy, 1.0), busy.size(), percentile(busy, 0.99));
    std::printf("UI thread CPU time in the wake-ups that showed a frame: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                percentile(frameCpu, 0.5), percentile(frameCpu, 0.99), percentile(frameCpu, 1.0));
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
    std::printf("steps/s: GUI open %.0f, headless %.0f (%.0f%%)\n", guiStepsPerSecond, headless,
                100.0 * guiStepsPerSecond / headless);
    return 0;
}
