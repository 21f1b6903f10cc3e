// Soak test (issue 8; not run by CTest or CI): the main window trains for a long time while its
// config changes every second (activation, initialisation, BatchNorm, dropout, depth, width,
// batch, learning rate, data set), with a pause/run or a reset now and then, and the resident
// memory is printed every minute. The history and every buffer are bounded, so RSS must stay
// flat once the largest configuration has been seen.
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAYERLENS_BUILD_BENCH=ON -DLAYERLENS_BUILD_TESTS=OFF
//   cmake --build build-bench --target soak
//   bench/soak.sh [minutes]          (default 60; writes soak-<date>.log)

#include "core/rng.h"
#include "ui/mainwindow.h"
#include "ui/trainingcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <cstdlib>
#include <unistd.h>

using namespace layerlens;

namespace {

/// Resident set size in MiB, from /proc/self/statm (Linux).
double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1.0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return -1.0;
    return fields[1].toDouble() * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

core::RunConfig randomConfig(core::Rng &rng)
{
    static const core::ActivationKind activations[] = {core::ActivationKind::Sigmoid, core::ActivationKind::Tanh,
                                                       core::ActivationKind::Relu, core::ActivationKind::LeakyRelu,
                                                       core::ActivationKind::Elu, core::ActivationKind::Maxout};
    static const core::InitKind inits[] = {core::InitKind::Constant, core::InitKind::Normal,
                                           core::InitKind::XavierNormal, core::InitKind::XavierUniform,
                                           core::InitKind::HeNormal, core::InitKind::HeUniform};
    static const char *data[] = {"spiral", "moons", "circles", "xor", "gaussian:2048:64:10"};
    static const int depths[] = {1, 3, 5, 10, 20};
    static const int widths[] = {4, 16, 64, 128, 256};
    static const int batches[] = {1, 16, 64, 256};
    static const double lrs[] = {1e-3, 1e-2, 0.1, 1.0, 10.0}; // 10 diverges now and then, on purpose
    auto pick = [&](const auto &array) { return array[rng.below(std::size(array))]; };
    core::RunConfig c;
    c.data.spec = pick(data);
    c.network.activation = pick(activations);
    c.network.init.kind = pick(inits);
    c.network.init.std = rng.below(2) == 0 ? 0.01 : 1.0;
    c.network.init.constant = 0.05;
    c.network.batchNorm = rng.below(2) == 0;
    c.network.dropout = rng.below(3) == 0 ? 0.3 : 0.0;
    c.network.depth = pick(depths);
    c.network.widths = {pick(widths)};
    c.batchSize = pick(batches);
    c.optimizer.lr = pick(lrs);
    c.seed = rng.below(1000);
    return c;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leaves the user's settings alone
    const int minutes = argc > 1 ? std::max(1, std::atoi(argv[1])) : 60;
    ui::MainWindow window;
    window.show();
    auto *controller = window.controller();
    core::Rng rng(2026, core::RngStream::Data);
    long long changes = 0, resets = 0, toggles = 0;
    QElapsedTimer clock;
    clock.start();
    std::printf("minute  rss_MiB  step  config_changes  resets  run_toggles\n");
    auto report = [&](int minute) {
        const auto frame = controller->latestFrame();
        std::printf("%6d  %7.1f  %lld  %lld  %lld  %lld\n", minute, residentMiB(),
                    frame ? frame->snapshot->step : -1LL, changes, resets, toggles);
        std::fflush(stdout);
    };
    report(0);
    QTimer change;
    QObject::connect(&change, &QTimer::timeout, [&] {
        window.applyConfig(randomConfig(rng));
        ++changes;
        controller->start();
        switch (rng.below(10)) {
        case 0:
            controller->reset();
            controller->start();
            ++resets;
            break;
        case 1:
            controller->toggleRunning();
            ++toggles;
            break;
        default:
            break;
        }
    });
    change.start(1000);
    QTimer sample;
    int minute = 0;
    QObject::connect(&sample, &QTimer::timeout, [&] {
        report(++minute);
        if (minute >= minutes)
            app.quit();
    });
    sample.start(60'000);
    controller->start();
    return app.exec();
}
