// Model and statistics files: bit-exact model round trip, stats.jsonl/csv round trip, atomic
// writes that leave nothing behind on failure, and malformed model files named precisely.

#include "core/atomicfile.h"
#include "core/fileerror.h"
#include "core/modelfile.h"
#include "core/statsfile.h"
#include "core/trainer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace layerlens::core;

namespace {

std::unique_ptr<Trainer> trained(RunConfig &c, int steps)
{
    c.syncSeed();
    auto t = std::make_unique<Trainer>(c, std::make_shared<Dataset>(makeDataset(c.data)));
    t->run(steps);
    return t;
}

bool bitEqual(const Matrix<float> &a, const Matrix<float> &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
           && std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

} // namespace

class TestFiles : public QObject {
    Q_OBJECT
private slots:
    void modelRoundTripBitExact_data();
    void modelRoundTripBitExact();
    void modelErrors();
    void statsRoundTrip();
    void atomicWriteFailureLeavesNothing();
};

void TestFiles::modelRoundTripBitExact_data()
{
    QTest::addColumn<QString>("activation");
    QTest::addColumn<bool>("batchNorm");
    QTest::newRow("tanh/no_bn") << "tanh" << false;
    QTest::newRow("relu/bn") << "relu" << true;
    QTest::newRow("maxout/bn") << "maxout" << true;
}

void TestFiles::modelRoundTripBitExact()
{
    QFETCH(QString, activation);
    QFETCH(bool, batchNorm);
    RunConfig c;
    c.data.spec = "moons";
    c.data.samples = 200;
    c.network.depth = 2;
    c.network.widths = {8, 5};
    c.network.activation = activationFromName(activation.toStdString());
    c.network.batchNorm = batchNorm;
    c.network.dropout = 0.1;
    c.steps = 30;
    auto tp = trained(c, 30);
    Trainer &t = *tp;
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("model.json")).toStdString();
    saveModel(t.network(), c, path);
    const ModelFile model = loadModel(path);
    RunConfig c2 = model.config;
    auto freshp = trained(c2, 0);
    Trainer &fresh = *freshp;
    applyModel(model, fresh.network());
    auto a = t.network().parameters(), b = fresh.network().parameters();
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        QVERIFY2(bitEqual(*a[i].value, *b[i].value), a[i].name.c_str());
    if (batchNorm) {
        const auto &x = *t.network().hiddenLayers()[1].batchNorm, &y = *fresh.network().hiddenLayers()[1].batchNorm;
        QVERIFY(bitEqual(x.runningMean(), y.runningMean()));
        QVERIFY(bitEqual(x.runningVariance(), y.runningVariance()));
    }
    // The same predictions in inference mode.
    const Dataset &d = t.data();
    QCOMPARE(t.network().evaluate(d.testX, d.testY).loss, fresh.network().evaluate(d.testX, d.testY).loss);
    // Saving the loaded model again gives the same file.
    const std::string again = dir.filePath(QStringLiteral("again.json")).toStdString();
    saveModel(fresh.network(), c2, again);
    QFile f1(QString::fromStdString(path)), f2(QString::fromStdString(again));
    QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
    QCOMPARE(f1.readAll(), f2.readAll());
}

void TestFiles::modelErrors()
{
    RunConfig c;
    c.data.samples = 100;
    c.network.depth = 1;
    c.network.widths = {4};
    auto tp = trained(c, 0);
    Trainer &t = *tp;
    json::Value doc = modelToJson(t.network(), c);
    // A wrong shape is named by its path.
    doc["layers"].asArray()[0]["bias"].asArray().pop_back();
    ModelFile m = modelFromJson(doc);
    try {
        applyModel(m, t.network());
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QByteArray(e.what()).startsWith("layers[0].bias: has 3 values, expected 4"), e.what());
    }
    json::Value wrongFormat = modelToJson(t.network(), c);
    wrongFormat["format"] = "something-else";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, modelFromJson(wrongFormat));
    json::Value wrongVersion = modelToJson(t.network(), c);
    wrongVersion["version"] = 2;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, modelFromJson(wrongVersion));
    json::Value nanWeight = modelToJson(t.network(), c);
    nanWeight["layers"].asArray()[0]["weight"].asArray()[0].asArray()[0] = "x";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, applyModel(modelFromJson(nanWeight), t.network()));
}

void TestFiles::statsRoundTrip()
{
    RunConfig c;
    c.data.samples = 300;
    c.network.depth = 3;
    c.network.widths = {16};
    c.network.batchNorm = true;
    c.network.activation = ActivationKind::Relu;
    c.steps = 40;
    c.every = 10;
    c.syncSeed();
    Trainer t(c, std::make_shared<Dataset>(makeDataset(c.data)));
    std::vector<Snapshot> snapshots{*t.snapshot()};
    t.setSnapshotCallback([&](const std::shared_ptr<const Snapshot> &s) { snapshots.push_back(*s); });
    t.run(40);
    QCOMPARE(snapshots.size(), std::size_t{5});
    QTemporaryDir dir;
    const std::string jsonl = dir.filePath(QStringLiteral("stats.jsonl")).toStdString();
    const std::string csv = dir.filePath(QStringLiteral("stats.csv")).toStdString();
    writeStatsJsonl(snapshots, jsonl);
    writeStatsCsv(snapshots, csv);
    const auto back = readStatsJsonl(jsonl);
    QCOMPARE(back.size(), snapshots.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
        // Serialising the read snapshot gives the same line: every field survived, bit for bit.
        QCOMPARE(json::serialize(snapshotToJson(back[i])), json::serialize(snapshotToJson(snapshots[i])));
    }
    const auto rows = readStatsCsv(csv);
    QCOMPARE(rows.size(), snapshots.size() * 3); // one row per step and layer
    QCOMPARE(rows[4][0].first, std::string("step"));
    QCOMPARE(rows[4][0].second, 10.0);
    for (const auto &[name, value] : rows[5]) {
        if (name == "grad_weight_norm")
            QCOMPARE(value, snapshots[1].layers[2].grad.weightNorm);
        if (name == "bn_disagreement")
            QCOMPARE(value, snapshots[1].bnModes.disagreement);
    }
    // The BatchNorm mode check and the flat-below-zero flag survive the round trip.
    QVERIFY(back[1].hasBnModes);
    QCOMPARE(back[1].bnModes.runningLoss, snapshots[1].bnModes.runningLoss);
    QVERIFY(back[1].layers[0].flatBelowZero);
}

void TestFiles::atomicWriteFailureLeavesNothing()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("out.txt")).toStdString();
    writeFileAtomically(path, "first");
    {
        AtomicFile file(path);
        file.write("second, never committed");
    } // destroyed without commit
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("first"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary left
    try {
        writeFileAtomically("/nonexistent-folder/x.txt", "data");
        QFAIL("no exception");
    } catch (const FileError &e) {
        QVERIFY2(QByteArray(e.what()).contains("/nonexistent-folder"), e.what());
    }
}

QTEST_APPLESS_MAIN(TestFiles)
#include "tst_files.moc"
