// Soak test (issue 8; not run by CTest or CI): the main window trains for a long time while its
// config changes every second (activation, initialisation, BatchNorm, dropout, depth, width,
// batch, learning rate, data set), with a pause/run or a reset now and then, and memory is
// printed every minute. The history and every buffer are bounded, so memory must stay flat once
// the largest configuration has been seen.
//
// A sample taken in the middle of a random config measures that config (a depth-20, width-256
// network holds far more than a width-4 one), so each minute the soak first switches to one
// fixed reference config, resets, lets it train for a few seconds and then samples:
//   rss_MiB         resident memory (/proc/self/statm)
//   heap_MiB        bytes malloc has handed out and not got back, over all arenas (mallinfo2)
//   trimmed_MiB     resident memory after malloc_trim(0) returned free pages to the system
//   anon_MiB, file_MiB  the trimmed resident memory split into private memory (RssAnon) and
//                   pages of mapped files (RssFile: library code and fonts, touched as more of
//                   the code runs; shared with other processes, not a leak)
//   peak_rss_MiB    the largest rss seen at any sample so far, random configs included
// A leak shows as heap_MiB growing; glibc keeping freed pages shows as rss growing while
// heap_MiB and trimmed_MiB stay flat.
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAYERLENS_BUILD_BENCH=ON -DLAYERLENS_BUILD_TESTS=OFF
//   cmake --build build-bench --target soak
//   bench/soak.sh [minutes]          (default 60; writes soak-<date>.log)

#include "core/rng.h"
#include "ui/mainwindow.h"
#include "ui/trainingcontroller.h"

#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <cstdlib>
#include <malloc.h>
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

/// One "Rss…:  N kB" field of /proc/self/status in MiB (RssAnon: private memory; RssFile: pages of
/// mapped files, the libraries' code and fonts, which grow as more code runs and are shared).
double statusMiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1.0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1.0;
}

/// Bytes malloc has handed out and not got back (all arenas, mmapped blocks included), MiB.
double heapMiB()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<double>(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

/// The config every minute's sample is taken in: depth 10, width 256, tanh, BatchNorm, batch 64.
core::RunConfig referenceConfig()
{
    core::RunConfig c;
    c.data.spec = "spiral";
    c.network.activation = core::ActivationKind::Tanh;
    c.network.init.kind = core::InitKind::XavierNormal;
    c.network.batchNorm = true;
    c.network.depth = 10;
    c.network.widths = {256};
    c.batchSize = 64;
    c.optimizer.lr = 0.01;
    c.seed = 1;
    return c;
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
    double peakRss = 0.0;
    std::printf("minute  rss_MiB  heap_MiB  trimmed_MiB  anon_MiB  file_MiB  peak_rss_MiB  step  config_changes  resets  "
                "run_toggles\n");
    auto report = [&](int minute) {
        const auto frame = controller->latestFrame();
        const double rss = residentMiB(), heap = heapMiB();
        peakRss = std::max(peakRss, rss);
        malloc_trim(0);
        std::printf("%6d  %7.1f  %8.1f  %11.1f  %8.1f  %8.1f  %12.1f  %lld  %lld  %lld  %lld\n", minute, rss, heap,
                    residentMiB(), statusMiB("RssAnon"), statusMiB("RssFile"), peakRss,
                    frame ? frame->snapshot->step : -1LL, changes, resets, toggles);
        std::fflush(stdout);
    };
    QTimer change;
    QObject::connect(&change, &QTimer::timeout, [&] {
        window.applyConfig(randomConfig(rng));
        ++changes;
        controller->start();
        peakRss = std::max(peakRss, residentMiB());
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
    // Each minute: the reference config, reset, 5 s of training, the sample, then random again.
    constexpr int kSettleMs = 5000;
    auto sampleSoon = [&](int minute) {
        change.stop();
        window.applyConfig(referenceConfig());
        controller->reset();
        controller->start();
        QTimer::singleShot(kSettleMs, &app, [&, minute] {
            report(minute);
            if (minute >= minutes) {
                app.quit();
                return;
            }
            change.start(1000);
        });
    };
    QTimer sample;
    int minute = 0;
    QObject::connect(&sample, &QTimer::timeout, [&] { sampleSoon(++minute); });
    sampleSoon(0);
    sample.start(60'000);
    return app.exec();
}
