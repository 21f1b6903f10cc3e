// Every lesson preset keeps its promise: resources/presets/*.json read straight from the source
// tree, each run with core::Trainer for its stated steps ("test_steps" when the lesson runs
// longer). A lesson "raises" a diagnostic when that kind is active at any snapshot of the run,
// step 0 included (the diagnostics panel shows it then). Every kind in "expects" must be raised;
// an empty "expects" is a healthy lesson that raises no diagnostic at all. The comparison config
// (the lesson's config with "compare.config" applied) must build and run, and must meet
// "compare.expects" by the same rule when the preset gives it.

#include "core/config.h"
#include "core/json.h"
#include "core/trainer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace layerlens::core;

namespace {

const QString kPresetDir = QStringLiteral(LAYERLENS_SOURCE_DIR "/resources/presets");

json::Value readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    const QByteArray bytes = file.readAll();
    return json::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), path.toStdString());
}

QStringList namesOf(const json::Value *expects)
{
    QStringList names;
    if (expects)
        for (const auto &v : expects->asArray())
            names << QString::fromStdString(v.asString());
    return names;
}

/// Data sets by their spec, so lessons on the same data (three on gaussian:1000:500:10, two on
/// Fashion-MNIST) load it once.
std::shared_ptr<const Dataset> dataFor(const RunConfig &c)
{
    static std::map<std::string, std::shared_ptr<const Dataset>> cache;
    std::string key;
    for (const char *k : {"dataset", "samples", "noise", "split", "standardize", "seed"})
        key += configValueText(c, k) + "|";
    auto &data = cache[key];
    if (!data)
        data = std::make_shared<Dataset>(makeDataset(c.data));
    return data;
}

/// The kinds raised at any snapshot of a run of `c`; identical configs (a lesson's comparison is
/// often another lesson's config) run once.
QStringList raisedKinds(RunConfig c)
{
    static std::map<std::string, QStringList> cache;
    const std::string key = json::serialize(toJson(c));
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    c.syncSeed();
    Trainer trainer(c, dataFor(c));
    std::set<std::string> kinds;
    auto collect = [&](const std::shared_ptr<const Snapshot> &s) {
        for (const auto &d : s->diagnostics)
            kinds.insert(std::string(diagnosticName(d.kind)));
    };
    collect(trainer.snapshot());
    trainer.setSnapshotCallback(collect);
    trainer.run(c.steps);
    QStringList raised;
    for (const auto &k : kinds)
        raised << QString::fromStdString(k);
    return cache[key] = raised;
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT
private slots:
    void keepsItsPromise_data();
    void keepsItsPromise();
};

void TestLessons::keepsItsPromise_data()
{
    QTest::addColumn<QByteArray>("config");   // the run's config as JSON
    QTest::addColumn<QStringList>("expects");
    QTest::addColumn<bool>("checked");        // false: the comparison promises nothing, it only has to run

    const QStringList files = QDir(kPresetDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 15, qPrintable(kPresetDir));
    std::vector<std::pair<long long, QString>> ordered;
    for (const QString &file : files)
        ordered.emplace_back(readJson(kPresetDir + "/" + file).find("order")->asInt64(), file);
    std::sort(ordered.begin(), ordered.end());
    for (const auto &[order, file] : ordered) {
        const json::Value doc = readJson(kPresetDir + "/" + file);
        const QString tag = QStringLiteral("%1-%2").arg(order, 2, 10, QLatin1Char('0')).arg(QFileInfo(file).completeBaseName());
        json::Value config = *doc.find("config");
        if (const json::Value *steps = doc.find("test_steps"))
            config["steps"] = *steps;
        QTest::newRow(qPrintable(tag)) << QByteArray::fromStdString(json::serialize(config)) << namesOf(doc.find("expects"))
                                       << true;
        if (const json::Value *compare = doc.find("compare")) {
            for (const auto &[key, value] : compare->find("config")->asObject())
                config[key] = value;
            const json::Value *expects = compare->find("expects");
            QTest::newRow(qPrintable(tag + "/compare")) << QByteArray::fromStdString(json::serialize(config))
                                                        << namesOf(expects) << (expects != nullptr);
        }
    }
}

void TestLessons::keepsItsPromise()
{
    QFETCH(QByteArray, config);
    QFETCH(QStringList, expects);
    QFETCH(bool, checked);
    const RunConfig c = configFromJson(json::parse(config.toStdString()));
    if (c.data.spec.rfind("fashion-mnist", 0) == 0 && !QDir(QStringLiteral("/usr/share/datasets/fashion-mnist")).exists())
        QFAIL("Fashion-MNIST is missing: sudo apt-get install dataset-fashion-mnist");
    for (const QString &name : expects)
        diagnosticFromName(name.toStdString()); // throws for a misspelt name
    QElapsedTimer timer;
    timer.start();
    const QStringList raised = raisedKinds(c);
    qInfo("%lld steps in %lld ms, raised: %s", static_cast<long long>(c.steps), static_cast<long long>(timer.elapsed()),
          raised.isEmpty() ? "nothing" : qPrintable(raised.join(QStringLiteral(", "))));
    if (!checked)
        return;
    if (expects.isEmpty())
        QVERIFY2(raised.isEmpty(), qPrintable(QStringLiteral("a healthy lesson raised ") + raised.join(QStringLiteral(", "))));
    for (const QString &kind : expects)
        QVERIFY2(raised.contains(kind), qPrintable(QStringLiteral("promised %1, raised: %2").arg(kind, raised.join(QStringLiteral(", ")))));
}

QTEST_APPLESS_MAIN(TestLessons)
#include "tst_lessons.moc"
