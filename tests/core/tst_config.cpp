// Config keys: JSON round trip, --set parsing, unknown keys and out-of-range values as errors
// naming the key, and which changes need a rebuild.

#include "core/config.h"
#include "core/fileerror.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace layerlens::core;

class TestConfig : public QObject {
    Q_OBJECT
private slots:
    void everyKeyDocumentedAndWritten();
    void jsonRoundTrip();
    void setValues();
    void badValues_data();
    void badValues();
    void unknownKeyInFile();
    void fileRoundTripAndErrors();
    void rebuildOrLive();
    void documented();
};

void TestConfig::everyKeyDocumentedAndWritten()
{
    const json::Value j = toJson(RunConfig{});
    const char *expected[] = {"dataset", "samples", "noise", "split", "standardize", "depth", "width", "activation",
                              "leaky_slope", "elu_alpha", "maxout_pieces", "init", "init_std", "init_bound",
                              "init_constant", "batchnorm", "bn_inference", "bn_momentum", "bn_window", "dropout",
                              "loss", "optimizer", "lr", "momentum", "weight_decay", "adam_beta1", "adam_beta2",
                              "batch_size", "seed", "steps", "every", "eval_every", "bins"};
    QCOMPARE(configKeys().size(), std::size(expected));
    for (const char *key : expected) {
        QVERIFY2(j.find(key), key);
        bool documented = false;
        for (const auto &k : configKeys())
            documented = documented || (k.name == key && !k.help.empty() && !k.range.empty());
        QVERIFY2(documented, key);
    }
}

void TestConfig::jsonRoundTrip()
{
    RunConfig c;
    c.data.spec = "gaussian:500:50:5";
    c.network.depth = 3;
    c.network.widths = {64, 32, 16};
    c.network.activation = ActivationKind::LeakyRelu;
    c.network.leakySlope = 0.2;
    c.network.init = InitSpec{InitKind::Normal, 0.01, 0.05, 0.0};
    c.network.batchNorm = true;
    c.network.bnInference = BnInference::Population;
    c.optimizer.kind = OptimizerKind::Adam;
    c.optimizer.lr = 3e-4;
    c.seed = 18446744073709551615ULL; // 64 bits survive JSON
    c.batchSize = 17;
    const RunConfig back = configFromJson(json::parse(json::serialize(toJson(c))));
    QCOMPARE(json::serialize(toJson(back)), json::serialize(toJson(c)));
    QCOMPARE(back.seed, c.seed);
    QCOMPARE(back.network.seed, c.seed); // the seed reaches every part
    QCOMPARE(back.data.seed, c.seed);
    QCOMPARE(back.network.widths, (std::vector<int>{64, 32, 16}));
}

void TestConfig::setValues()
{
    RunConfig c;
    setConfigValue(c, "activation", "tanh");
    setConfigValue(c, "init", "xavier_normal");
    setConfigValue(c, "depth", "10");
    setConfigValue(c, "width", "500");
    setConfigValue(c, "batchnorm", "true");
    setConfigValue(c, "lr", "0.1");
    setConfigValue(c, "batch_size", "128");
    setConfigValue(c, "seed", "7");
    QCOMPARE(c.network.activation, ActivationKind::Tanh);
    QCOMPARE(c.network.init.kind, InitKind::XavierNormal);
    QCOMPARE(c.network.depth, 10);
    QCOMPARE(c.network.widths, std::vector<int>{500});
    QVERIFY(c.network.batchNorm);
    QCOMPARE(c.optimizer.lr, 0.1);
    QCOMPARE(c.batchSize, 128);
    QCOMPARE(c.seed, 7ULL);
    QCOMPARE(c.network.seed, 7ULL);
    setConfigValue(c, "depth", "3");
    setConfigValue(c, "width", "8,4,2");
    QCOMPARE(c.network.widths, (std::vector<int>{8, 4, 2}));
    QCOMPARE(configValueText(c, "width"), std::string("[8,4,2]"));
    QCOMPARE(configValueText(c, "activation"), std::string("tanh"));
}

void TestConfig::badValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("depth_0") << "depth" << "0";
    QTest::newRow("depth_51") << "depth" << "51";
    QTest::newRow("depth_text") << "depth" << "ten";
    QTest::newRow("depth_fraction") << "depth" << "2.5";
    QTest::newRow("width_0") << "width" << "0";
    QTest::newRow("width_list_text") << "width" << "4,x";
    QTest::newRow("width_list_length") << "width" << "4,4";
    QTest::newRow("activation_unknown") << "activation" << "swish";
    QTest::newRow("init_unknown") << "init" << "glorot";
    QTest::newRow("dropout_1") << "dropout" << "1";
    QTest::newRow("lr_0") << "lr" << "0";
    QTest::newRow("lr_nan") << "lr" << "nan";
    QTest::newRow("batchnorm_yes") << "batchnorm" << "yes";
    QTest::newRow("seed_negative") << "seed" << "-1";
    QTest::newRow("split_0") << "split" << "0";
    QTest::newRow("bins_1") << "bins" << "1";
    QTest::newRow("optimizer_rmsprop") << "optimizer" << "rmsprop";
    QTest::newRow("batch_size_1_with_bn") << "batch_size" << "1";
    QTest::newRow("unknown_key") << "depht" << "3";
}

void TestConfig::badValues()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    RunConfig c;
    c.network.depth = 3;
    c.network.batchNorm = key == QLatin1String("batch_size");
    const std::string before = json::serialize(toJson(c));
    try {
        setConfigValue(c, key.toStdString(), value.toStdString());
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(key + QLatin1String(": ")), e.what());
    }
    QCOMPARE(json::serialize(toJson(c)), before); // nothing changed
}

void TestConfig::unknownKeyInFile()
{
    json::Value j = toJson(RunConfig{});
    j["learning_rate"] = 0.1;
    try {
        configFromJson(j);
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QByteArray(e.what()).startsWith("learning_rate: unknown key"), e.what());
    }
    j = json::Value::object();
    j["depth"] = "3"; // a string where a number belongs
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, configFromJson(j));
}

void TestConfig::fileRoundTripAndErrors()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("run.json")).toStdString();
    RunConfig c;
    c.network.activation = ActivationKind::Elu;
    c.steps = 123;
    saveConfigFile(c, path);
    const RunConfig back = loadConfigFile(path);
    QCOMPARE(back.network.activation, ActivationKind::Elu);
    QCOMPARE(back.steps, 123LL);
    {
        std::ofstream bad(path);
        bad << "{\n  \"depth\": 3,\n  \"width\": [4, 4,]\n}\n";
    }
    try {
        loadConfigFile(path);
        QFAIL("no exception");
    } catch (const json::ParseError &e) {
        QVERIFY2(QByteArray(e.what()).startsWith(QByteArray::fromStdString(path + ":3:")), e.what());
    }
    {
        std::ofstream bad(path);
        bad << "{\"depth\": 99}";
    }
    try {
        loadConfigFile(path);
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QByteArray(e.what()).startsWith(QByteArray::fromStdString(path + ": depth:")), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(FileError, loadConfigFile(path + ".missing"));
    // An unwritable folder is an error and leaves nothing behind.
    QVERIFY_THROWS_EXCEPTION(FileError, saveConfigFile(c, "/nonexistent-folder/run.json"));
}

void TestConfig::rebuildOrLive()
{
    const RunConfig a;
    RunConfig b = a;
    b.optimizer.lr = 0.5;
    b.batchSize = 7;
    b.network.dropout = 0.3;
    b.optimizer.kind = OptimizerKind::Adam;
    b.every = 3;
    QVERIFY(!needsRebuild(a, b));
    for (auto change : std::vector<std::function<void(RunConfig &)>>{
             [](RunConfig &c) { c.network.activation = ActivationKind::Relu; },
             [](RunConfig &c) { c.network.init.kind = InitKind::HeNormal; },
             [](RunConfig &c) { c.network.batchNorm = true; },
             [](RunConfig &c) { c.network.depth = 5; },
             [](RunConfig &c) { c.network.widths = {8}; },
             [](RunConfig &c) { c.seed = 99; },
             [](RunConfig &c) { c.data.spec = "moons"; },
         }) {
        RunConfig c = a;
        change(c);
        QVERIFY(needsRebuild(a, c));
    }
}

void TestConfig::documented()
{
    // docs/config.md lists every key with its type, default and range, as the code has them.
    QFile doc(QStringLiteral(LAYERLENS_SOURCE_DIR "/docs/config.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    const RunConfig defaults;
    for (const auto &k : configKeys()) {
        const QString row = QStringLiteral("| `%1` | %2 | `%3` | %4 |")
                                .arg(QString::fromUtf8(k.name.data(), static_cast<qsizetype>(k.name.size())),
                                     QString::fromUtf8(k.type.data(), static_cast<qsizetype>(k.type.size())),
                                     QString::fromStdString(configValueText(defaults, k.name)),
                                     QString::fromUtf8(k.range.data(), static_cast<qsizetype>(k.range.size())));
        QVERIFY2(text.contains(row), qPrintable(row));
    }
}

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
