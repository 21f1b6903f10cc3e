// The diagnostics view lists one row per active diagnostic with a translated name, the place,
// the step since when and a plain-words line; a divergence raises the red banner; nothing active
// shows a calm line.

#include "ui/diagnosticsview.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QtTest>

#include <limits>
#include <memory>

using layerlens::core::Diagnostic;
using layerlens::core::DiagnosticKind;
using layerlens::core::LayerStats;
using layerlens::core::Snapshot;
using layerlens::ui::DiagnosticsView;
using layerlens::ui::Frame;
namespace thresholds = layerlens::core::thresholds;

Q_DECLARE_METATYPE(DiagnosticKind)

namespace {

std::shared_ptr<Snapshot> snapshotWith(std::vector<Diagnostic> diagnostics, long long step = 500)
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->step = step;
    for (int i = 1; i <= 4; ++i) {
        LayerStats layer;
        layer.index = i;
        layer.width = 64;
        snapshot->layers.push_back(layer);
    }
    snapshot->layers[2].deadUnits = 40;
    snapshot->diagnostics = std::move(diagnostics);
    return snapshot;
}

Frame frameWith(std::shared_ptr<const Snapshot> snapshot)
{
    Frame frame;
    frame.snapshot = std::move(snapshot);
    return frame;
}

Diagnostic diagnostic(DiagnosticKind kind, int layer, long long since, double value, double threshold)
{
    return {kind, layer, since, value, threshold, "english message from the core"};
}

// The heading line of a row: "Saturation — layer 3, since step 120".
QString heading(const DiagnosticsView &view, int row)
{
    return view.rowText(row).section(QLatin1Char('\n'), 0, 0);
}

QString explanationOf(const DiagnosticsView &view, int row)
{
    return view.rowText(row).section(QLatin1Char('\n'), 1);
}

} // namespace

class TestDiagnosticsView : public QObject {
    Q_OBJECT
private slots:
    void identity();
    void calmWhenNothingIsActive();
    void oneRowPerDiagnostic_data();
    void oneRowPerDiagnostic();
    void rowsFollowTheSnapshot();
    void divergenceBanner();
    void nonFiniteValues();
    void underflowedGradientIsSaidSo();
    void renders();
};

void TestDiagnosticsView::identity()
{
    DiagnosticsView view;
    QCOMPARE(view.viewId(), QStringLiteral("diagnostics"));
    QCOMPARE(view.title(), QStringLiteral("Diagnostics"));
    QVERIFY(view.charts().isEmpty());
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("divergenceBanner")));
}

void TestDiagnosticsView::calmWhenNothingIsActive()
{
    DiagnosticsView view;
    view.showFrame(frameWith(snapshotWith({})));
    QCOMPARE(view.rowCount(), 0);
    QVERIFY(!view.divergenceShown());
    auto *calm = view.findChild<QLabel *>(QStringLiteral("noProblems"));
    QVERIFY(calm);
    QVERIFY(calm->isVisibleTo(&view));
    QCOMPARE(calm->text(), QStringLiteral("No problems detected."));
}

void TestDiagnosticsView::oneRowPerDiagnostic_data()
{
    QTest::addColumn<DiagnosticKind>("kind");
    QTest::addColumn<int>("layer");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("explains");

    QTest::newRow("vanishing") << DiagnosticKind::VanishingGradient << 0 << 1e-5 << thresholds::kVanishingRatio
                               << "Vanishing gradients" << "network" << "100000 times smaller";
    QTest::newRow("exploding/ratio") << DiagnosticKind::ExplodingGradient << 0 << 5000.0 << thresholds::kExplodingRatio
                                     << "Exploding gradients" << "network" << "5000 times larger";
    QTest::newRow("exploding/growth") << DiagnosticKind::ExplodingGradient << 0 << 250.0
                                      << thresholds::kExplodingGrowth << "Exploding gradients" << "network"
                                      << "grew 250-fold over the last 5 snapshots";
    QTest::newRow("saturation") << DiagnosticKind::Saturation << 2 << 0.83 << thresholds::kSaturatedFraction
                                << "Saturation" << "layer 2" << "83% of the activations";
    QTest::newRow("dead") << DiagnosticKind::DeadUnits << 3 << 40.0 / 64 << thresholds::kDeadFraction << "Dead units"
                          << "layer 3" << "40 of 64 units output 0";
    QTest::newRow("symmetry") << DiagnosticKind::Symmetry << 1 << 1.0 << 1.0 << "Symmetric neurons" << "layer 1"
                              << "All 64 neurons have the same weights";
    QTest::newRow("overfitting") << DiagnosticKind::Overfitting << 0 << 1.3 << thresholds::kOverfitRise
                                 << "Overfitting" << "network" << "rose to 1.3 times its best";
    QTest::newRow("collapse") << DiagnosticKind::ActivationCollapse << 0 << 0.002 << thresholds::kCollapseRatio
                              << "Activation collapse" << "network" << "Layer 4's activations spread only 0.002 times";
    QTest::newRow("bias_shift") << DiagnosticKind::BiasShift << 2 << 4.5 << thresholds::kBiasShiftRatio << "Bias shift"
                                << "layer 2" << "4.5 standard deviations away from 0";
    QTest::newRow("bn_gap") << DiagnosticKind::BatchNormGap << 0 << 0.29 << thresholds::kBnGapDisagreement
                            << "BatchNorm train/inference gap" << "network" << "29% of the probe samples";
}

void TestDiagnosticsView::oneRowPerDiagnostic()
{
    QFETCH(DiagnosticKind, kind);
    QFETCH(int, layer);
    QFETCH(double, value);
    QFETCH(double, threshold);
    QFETCH(QString, name);
    QFETCH(QString, where);
    QFETCH(QString, explains);

    DiagnosticsView view;
    view.showFrame(frameWith(snapshotWith({diagnostic(kind, layer, 120, value, threshold)})));
    QCOMPARE(view.rowCount(), 1);
    QVERIFY(!view.divergenceShown());
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("noProblems"))->isVisibleTo(&view));
    QCOMPARE(heading(view, 0), name + QStringLiteral(" — ") + where + QStringLiteral(", since step 120"));
    const QString explanation = explanationOf(view, 0);
    QVERIFY2(explanation.contains(explains), qPrintable(explanation));
    QVERIFY(!explanation.contains(QStringLiteral("english message")));
    QCOMPARE(view.rowToolTip(0), QStringLiteral("english message from the core"));
    QCOMPARE(view.findChild<QListWidget *>()->count(), 1);
    QCOMPARE(DiagnosticsView::kindName(kind), name);
}

void TestDiagnosticsView::rowsFollowTheSnapshot()
{
    DiagnosticsView view;
    view.showFrame(frameWith(snapshotWith({diagnostic(DiagnosticKind::Saturation, 1, 10, 0.7, 0.5),
                                           diagnostic(DiagnosticKind::Saturation, 2, 20, 0.9, 0.5),
                                           diagnostic(DiagnosticKind::DeadUnits, 3, 30, 0.6, 0.5)})));
    QCOMPARE(view.rowCount(), 3);
    QCOMPARE(heading(view, 1), QStringLiteral("Saturation — layer 2, since step 20"));
    view.showFrame(frameWith(snapshotWith({diagnostic(DiagnosticKind::Overfitting, 0, 900, 1.2, 1.05)})));
    QCOMPARE(view.rowCount(), 1);
    QVERIFY(heading(view, 0).startsWith(QStringLiteral("Overfitting — network")));
    view.showFrame(frameWith(snapshotWith({})));
    QCOMPARE(view.rowCount(), 0);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("noProblems"))->isVisibleTo(&view));
}

void TestDiagnosticsView::divergenceBanner()
{
    DiagnosticsView view;
    view.showFrame(frameWith(snapshotWith({diagnostic(DiagnosticKind::Saturation, 1, 10, 0.7, 0.5)})));
    QVERIFY(!view.divergenceShown());

    auto diverged = snapshotWith({diagnostic(DiagnosticKind::Saturation, 1, 10, 0.7, 0.5),
                                  diagnostic(DiagnosticKind::Divergence, 0, 57, 57.0, 0.0)},
                                 57);
    diverged->diverged = true;
    diverged->divergedAt = 57;
    diverged->divergence = "loss is NaN or Inf";
    view.showFrame(frameWith(diverged));
    QVERIFY(view.divergenceShown());
    auto *banner = view.findChild<QLabel *>(QStringLiteral("divergenceBanner"));
    QVERIFY(banner->text().startsWith(QStringLiteral("Training diverged at step 57: loss is NaN or Inf")));
    QVERIFY(banner->font().bold());
    QCOMPARE(view.rowCount(), 2);
    QCOMPARE(heading(view, 0), QStringLiteral("Divergence — network, since step 57")); // first
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("noProblems"))->isVisibleTo(&view));

    // A new run: the banner goes.
    view.showFrame(frameWith(snapshotWith({})));
    QVERIFY(!view.divergenceShown());
}

void TestDiagnosticsView::nonFiniteValues()
{
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    DiagnosticsView view;
    auto snapshot = snapshotWith({diagnostic(DiagnosticKind::VanishingGradient, 0, 5, 0.0, 1e-3),
                                  diagnostic(DiagnosticKind::ExplodingGradient, 0, 5, inf, 1e3),
                                  diagnostic(DiagnosticKind::Saturation, 9, 5, nan, 0.5),
                                  diagnostic(DiagnosticKind::DeadUnits, 9, 5, nan, nan),
                                  diagnostic(DiagnosticKind::Overfitting, 0, 5, nan, 1.05)});
    snapshot->layers.clear();
    view.resize(800, 500);
    view.show();
    view.showFrame(frameWith(snapshot));
    QCOMPARE(view.rowCount(), 5);
    QVERIFY(explanationOf(view, 0).contains(QStringLiteral("practically 0")));
    QVERIFY(explanationOf(view, 2).contains(QStringLiteral("NaN% of the activations")));
    QVERIFY(!view.grab().isNull());
}

void TestDiagnosticsView::underflowedGradientIsSaidSo()
{
    // Layer 1's norm is 0 (flushed) or subnormal: "underflowed", not a ratio of made-up numbers.
    for (const double norm : {0.0, 1e-40}) {
        auto snapshot = snapshotWith({diagnostic(DiagnosticKind::VanishingGradient, 0, 5, norm / 0.05, 1e-3)});
        snapshot->layers.front().grad.weightNorm = norm;
        snapshot->layers.back().grad.weightNorm = 0.05;
        DiagnosticsView view;
        view.showFrame(frameWith(snapshot));
        QCOMPARE(view.rowCount(), 1);
        QVERIFY2(explanationOf(view, 0).contains(QStringLiteral("underflowed")), qPrintable(explanationOf(view, 0)));
        QVERIFY(!explanationOf(view, 0).contains(QStringLiteral("times smaller")));
    }
    // A small but representable norm is still a ratio.
    auto snapshot = snapshotWith({diagnostic(DiagnosticKind::VanishingGradient, 0, 5, 1e-30 / 0.05, 1e-3)});
    snapshot->layers.front().grad.weightNorm = 1e-30;
    snapshot->layers.back().grad.weightNorm = 0.05;
    DiagnosticsView view;
    view.showFrame(frameWith(snapshot));
    QVERIFY(explanationOf(view, 0).contains(QStringLiteral("times smaller")));
}

void TestDiagnosticsView::renders()
{
    DiagnosticsView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto saveIfAsked = [](const QPixmap &image, const QString &name) {
        QVERIFY(!image.isNull());
        if (const QString dir = qEnvironmentVariable("LAYERLENS_VIEW_PNG_DIR"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(image.save(dir + QLatin1Char('/') + name));
        }
    };
    view.showFrame(frameWith(snapshotWith({})));
    QCoreApplication::processEvents(); // the layout settles as it would in the event loop
    saveIfAsked(view.grab(), QStringLiteral("diagnostics-calm.png"));

    view.showFrame(frameWith(snapshotWith({diagnostic(DiagnosticKind::VanishingGradient, 0, 40, 3.2e-5, 1e-3),
                                           diagnostic(DiagnosticKind::Saturation, 3, 120, 0.87, 0.5),
                                           diagnostic(DiagnosticKind::Saturation, 4, 150, 0.93, 0.5),
                                           diagnostic(DiagnosticKind::DeadUnits, 3, 300, 40.0 / 64, 0.5),
                                           diagnostic(DiagnosticKind::Overfitting, 0, 1800, 1.21, 1.05)},
                                          2000)));
    QCOMPARE(view.rowCount(), 5);
    QCoreApplication::processEvents(); // the layout settles as it would in the event loop
    saveIfAsked(view.grab(), QStringLiteral("diagnostics.png"));

    auto diverged = snapshotWith({diagnostic(DiagnosticKind::ExplodingGradient, 0, 50, 420.0, 100.0),
                                  diagnostic(DiagnosticKind::Divergence, 0, 57, 57.0, 0.0)},
                                 57);
    diverged->diverged = true;
    diverged->divergedAt = 57;
    diverged->divergence = "loss is NaN or Inf";
    view.showFrame(frameWith(diverged));
    QVERIFY(view.divergenceShown());
    QCoreApplication::processEvents(); // the layout settles as it would in the event loop
    saveIfAsked(view.grab(), QStringLiteral("diagnostics-diverged.png"));
}

QTEST_MAIN(TestDiagnosticsView)
#include "tst_diagnosticsview.moc"
