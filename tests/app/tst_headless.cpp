// `layerlens --headless` end to end: runs, outputs, model round trip, presets, and every kind of
// bad input answered with one message, exit code 2 and no file written.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Result {
    int exitCode = -1;
    QString err;
};

Result runLayerLens(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(LAYERLENS_EXECUTABLE), QStringList{QStringLiteral("--headless")} + arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError())};
}

QList<QJsonObject> readJsonl(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> lines;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            lines << QJsonDocument::fromJson(line).object();
    return lines;
}

} // namespace

class TestHeadless : public QObject {
    Q_OBJECT
private slots:
    void runWritesStatistics();
    void stepZeroOnly();
    void modelRoundTrip();
    void presetRaisesItsDiagnostic();
    void divergenceExitCode();
    void badInput_data();
    void badInput();
    void existingFilesNeedForce();
    void exportsEveryViewInEveryFormat();
    void imageFormatsAlone();

private:
    QTemporaryDir m_dir;
};

void TestHeadless::runWritesStatistics()
{
    const QString out = m_dir.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkpath(out));
    const Result r = runLayerLens({"--set", "activation=tanh", "--set", "init=xavier_normal", "--set", "depth=3",
                                   "--set", "width=16", "--set", "batch_size=32", "--set", "seed=7",
                                   "--dataset", "moons", "--steps", "50", "--every", "10", "--out", out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("step 50/50")), qPrintable(r.err)); // the progress line
    const auto lines = readJsonl(out + QStringLiteral("/stats.jsonl"));
    QCOMPARE(lines.size(), 6); // steps 0, 10, ..., 50
    QCOMPARE(lines.last()[QStringLiteral("step")].toInt(), 50);
    const QJsonArray layers = lines.last()[QStringLiteral("layers")].toArray();
    QCOMPARE(layers.size(), 3);
    QVERIFY(layers[0].toObject()[QStringLiteral("grad")].toObject()[QStringLiteral("weight_norm")].toDouble() > 0);
    QCOMPARE(layers[0].toObject()[QStringLiteral("act")].toObject()[QStringLiteral("hist")].toObject()[QStringLiteral("counts")]
                 .toArray()
                 .size(),
             50);
    QFile csv(out + QStringLiteral("/stats.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 1 + 6 * 3); // header + one row per step and layer
    // --quiet silences the progress.
    QVERIFY(runLayerLens({"--dataset", "moons", "--steps", "5", "--quiet"}).err.isEmpty());
}

void TestHeadless::stepZeroOnly()
{
    const QString out = m_dir.filePath(QStringLiteral("zero"));
    QVERIFY(QDir().mkpath(out));
    const Result r = runLayerLens({"--steps", "0", "--out", out, "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto lines = readJsonl(out + QStringLiteral("/stats.jsonl"));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0][QStringLiteral("step")].toInt(), 0);
}

void TestHeadless::modelRoundTrip()
{
    const QString model = m_dir.filePath(QStringLiteral("model.json"));
    const QString config = m_dir.filePath(QStringLiteral("config.json"));
    const QString outA = m_dir.filePath(QStringLiteral("a")), outB = m_dir.filePath(QStringLiteral("b"));
    QVERIFY(QDir().mkpath(outA) && QDir().mkpath(outB));
    Result r = runLayerLens({"--dataset", "circles", "--steps", "30", "--every", "30", "--save-model", model,
                             "--save-config", config, "--out", outA, "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(model) && QFile::exists(config));
    r = runLayerLens({"--load-model", model, "--steps", "0", "--out", outB, "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The loaded network has the saved weights: the same weight statistics as the last snapshot.
    const auto a = readJsonl(outA + QStringLiteral("/stats.jsonl")).last()[QStringLiteral("layers")].toArray();
    const auto b = readJsonl(outB + QStringLiteral("/stats.jsonl")).first()[QStringLiteral("layers")].toArray();
    QCOMPARE(a.size(), b.size());
    for (int i = 0; i < a.size(); ++i)
        QCOMPARE(a[i].toObject()[QStringLiteral("weight")].toObject()[QStringLiteral("std")].toDouble(),
                 b[i].toObject()[QStringLiteral("weight")].toObject()[QStringLiteral("std")].toDouble());
    // The saved config reads back as a config.
    r = runLayerLens({"--config", config, "--steps", "1", "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestHeadless::presetRaisesItsDiagnostic()
{
    const QString out = m_dir.filePath(QStringLiteral("preset"));
    QVERIFY(QDir().mkpath(out));
    const Result r = runLayerLens({"--preset", "sigmoid-deep", "--steps", "20", "--out", out, "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    bool vanishing = false;
    for (const auto &line : readJsonl(out + QStringLiteral("/stats.jsonl")))
        for (const auto &d : line[QStringLiteral("diagnostics")].toArray())
            vanishing = vanishing || d.toObject()[QStringLiteral("kind")].toString() == QLatin1String("vanishing_gradient");
    QVERIFY(vanishing);
}

void TestHeadless::divergenceExitCode()
{
    const Result r = runLayerLens({"--dataset", "gaussian:512:64:10", "--set", "activation=relu", "--set", "depth=10",
                                   "--set", "init=normal", "--set", "init_std=1", "--set", "lr=0.1",
                                   "--steps", "200", "--quiet"});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QLatin1String("training diverged at step")), qPrintable(r.err));
}

void TestHeadless::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QFile bad(m_dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\n  \"depth\": 3,\n  \"width\": }\n");
    bad.close();
    const QString badPath = bad.fileName();
    QTest::newRow("unknown_flag") << QStringList{"--bogus"} << "Unknown option 'bogus'";
    QTest::newRow("unknown_key") << QStringList{"--set", "depht=3"} << "depht: unknown key";
    QTest::newRow("bad_value") << QStringList{"--set", "depth=0"} << "depth: must be in [1, 50]";
    QTest::newRow("set_without_equals") << QStringList{"--set", "depth"} << "--set: expected KEY=VALUE";
    QTest::newRow("bad_every") << QStringList{"--every", "0"} << "every: must be in [1, 100000]";
    QTest::newRow("malformed_config") << QStringList{"--config", badPath} << badPath + ":3:";
    QTest::newRow("missing_config") << QStringList{"--config", badPath + "x"} << badPath + "x";
    QTest::newRow("unknown_dataset") << QStringList{"--dataset", "swirl"} << "dataset: unknown 'swirl'";
    QTest::newRow("missing_csv") << QStringList{"--dataset", "csv:/nonexistent.csv"} << "/nonexistent.csv";
    QTest::newRow("unknown_preset") << QStringList{"--preset", "nope"} << "--preset: unknown preset 'nope'";
    QTest::newRow("missing_out_folder") << QStringList{"--out", "/nonexistent/out"} << "--out: folder";
    QTest::newRow("unknown_format") << QStringList{"--out", m_dir.path(), "--format", "png,gif"}
                                    << "--format: unknown format 'gif'";
    QTest::newRow("format_without_out") << QStringList{"--format", "png"} << "need --out DIR";
    QTest::newRow("bad_scale") << QStringList{"--out", m_dir.path(), "--format", "png", "--scale", "8"}
                               << "--scale: expected a number from 1 to 4";
    QTest::newRow("bn_batch_1") << QStringList{"--set", "batchnorm=true", "--set", "batch_size=1"} << "batch_size:";
}

void TestHeadless::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString out = m_dir.filePath(QStringLiteral("bad-%1").arg(QTest::currentDataTag()));
    QVERIFY(QDir().mkpath(out));
    const QString model = out + QStringLiteral("/model.json");
    const Result r = runLayerLens(arguments + QStringList{"--steps", "5", "--save-model", model, "--quiet"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one message
    QVERIFY(!QFile::exists(model));                       // nothing written
    QVERIFY(QDir(out).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void TestHeadless::existingFilesNeedForce()
{
    const QString out = m_dir.filePath(QStringLiteral("force"));
    QVERIFY(QDir().mkpath(out));
    QVERIFY(runLayerLens({"--steps", "2", "--out", out, "--quiet"}).exitCode == 0);
    const Result again = runLayerLens({"--steps", "2", "--out", out, "--quiet"});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.err.contains(QLatin1String("--force")));
    QCOMPARE(runLayerLens({"--steps", "2", "--out", out, "--quiet", "--force"}).exitCode, 0);
}

void TestHeadless::exportsEveryViewInEveryFormat()
{
    const QString out = m_dir.filePath(QStringLiteral("export"));
    QVERIFY(QDir().mkpath(out));
    const Result r = runLayerLens({"--dataset", "moons", "--set", "depth=3", "--set", "width=16", "--steps", "30",
                                   "--out", out, "--format", "png,svg,pdf,csv,json", "--scale", "2", "--caption",
                                   "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList views{"activations", "gradients", "weights", "curves", "distribution", "boundary", "diagnostics"};
    for (const QString &view : views + QStringList{QStringLiteral("dashboard")}) {
        const QImage png(out + QLatin1Char('/') + view + QStringLiteral(".png"));
        QVERIFY2(!png.isNull(), qPrintable(view));
        QVERIFY2(png.width() >= 2 * 600, qPrintable(view)); // slide-sized, at scale 2
        QSvgRenderer svg(out + QLatin1Char('/') + view + QStringLiteral(".svg"));
        QVERIFY2(svg.isValid(), qPrintable(view));
        QFile pdf(out + QLatin1Char('/') + view + QStringLiteral(".pdf"));
        QVERIFY2(pdf.open(QIODevice::ReadOnly), qPrintable(view));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
        QCOMPARE(QString::fromLatin1(bytes).count(page), view == QLatin1String("dashboard") ? views.size() : 1);
    }
    // The activations are 1200 points wide: 2400 pixels at scale 2.
    QCOMPARE(QImage(out + QStringLiteral("/activations.png")).width(), 2400);
    QCOMPARE(readJsonl(out + QStringLiteral("/stats.jsonl")).size(), 4); // steps 0, 10, 20, 30
    QVERIFY(QFile::exists(out + QStringLiteral("/stats.csv")));
    // The caption names the settings of the run.
    QFile svg(out + QStringLiteral("/gradients.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(svg.readAll());
    QVERIFY2(text.contains(QStringLiteral("step 30")) && text.contains(QStringLiteral("depth 3")), "no caption");
}

void TestHeadless::imageFormatsAlone()
{
    const QString out = m_dir.filePath(QStringLiteral("pngonly"));
    QVERIFY(QDir().mkpath(out));
    const Result r = runLayerLens({"--steps", "3", "--out", out, "--format", "png", "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList files = QDir(out).entryList(QDir::Files | QDir::Hidden);
    files.sort();
    QCOMPARE(files, (QStringList{"activations.png", "boundary.png", "curves.png", "dashboard.png", "diagnostics.png",
                                 "distribution.png", "gradients.png", "weights.png"}));
    QVERIFY(r.err.isEmpty()); // --quiet: nothing, not even a Qt warning
    // Again without --force: refused before training, nothing touched.
    const Result again = runLayerLens({"--steps", "3", "--out", out, "--format", "png", "--quiet"});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.err.contains(QLatin1String("--force")));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
