// Config keys: JSON round trip, --set parsing, unknown keys and out-of-range values as errors
// naming the key, and which changes need a rebuild.

#include "core/config.h"
#include "core/fileerror.h"

#include <QFile>
#include <QRegularExpression>
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
    void largestConfigsFitTheMemoryLimit_data();
    void largestConfigsFitTheMemoryLimit();
    void tooLargeConfigsAreRefused_data();
    void tooLargeConfigsAreRefused();
    void memoryEstimateCountsEveryPart();
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

void TestConfig::largestConfigsFitTheMemoryLimit_data()
{
    QTest::addColumn<QStringList>("settings");
    // The largest network, depth 50 × width 2048, with every optimizer at the default batch, and
    // with Adam, batch 1024, 1000 bins and statistics at every step of a long run; Fashion-MNIST
    // with the same network; the largest generated data set with a small network.
    QTest::newRow("d50/w2048/sgd") << QStringList{"depth=50", "width=2048"};
    QTest::newRow("d50/w2048/momentum") << QStringList{"depth=50", "width=2048", "optimizer=momentum"};
    QTest::newRow("d50/w2048/adam/batch1024/bins1000/every1")
        << QStringList{"depth=50", "width=2048", "optimizer=adam", "batch_size=1024", "bins=1000", "every=1", "steps=1000000000"};
    QTest::newRow("fashion-mnist/d50/w2048/adam/batch1024")
        << QStringList{"dataset=fashion-mnist", "depth=50", "width=2048", "optimizer=adam", "batch_size=1024"};
    QTest::newRow("d50/w2048/batchnorm/window100") << QStringList{"depth=50", "width=2048", "batchnorm=true"};
    QTest::newRow("gaussian 2e8 values/d10/w256")
        << QStringList{"dataset=gaussian:1000000:200:10", "depth=10", "width=256", "batch_size=256"};
}

void TestConfig::largestConfigsFitTheMemoryLimit()
{
    QFETCH(QStringList, settings);
    RunConfig config;
    for (const QString &setting : settings) {
        const auto eq = setting.indexOf('=');
        setConfigValue(config, setting.left(eq).toStdString(), setting.mid(eq + 1).toStdString());
    }
    config.validate();
    const MemoryEstimate m = estimateMemory(config, dataShapeOf(config.data));
    QVERIFY2(m.total() <= kMemoryLimitBytes, qPrintable(QString::number(m.total())));
}

void TestConfig::tooLargeConfigsAreRefused_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("maxout16/d50/w2048")
        << R"({"depth": 50, "width": 2048, "activation": "maxout", "maxout_pieces": 16})";
    QTest::newRow("batchnorm/window10000/d50/w2048") << R"({"depth": 50, "width": 2048, "batchnorm": true, "bn_window": 10000})";
    QTest::newRow("gaussian 2e8 values/d50/w2048/adam/batch1024")
        << R"({"dataset": "gaussian:1000000:200:10", "depth": 50, "width": 2048, "optimizer": "adam", "batch_size": 1024})";
    QTest::newRow("d50/w2048/batch65536") << R"({"dataset": "gaussian:100000:100:10", "depth": 50, "width": 2048, "batch_size": 65536})";
}

void TestConfig::tooLargeConfigsAreRefused()
{
    QFETCH(QString, json);
    const json::Value object = json::parse(json.toStdString(), "test");
    try {
        configFromJson(object);
        QFAIL("accepted a config above the memory limit");
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromUtf8(e.what());
        // The message names the estimate and the limit, both in GiB, and the estimate is above it.
        const QRegularExpression pattern(QStringLiteral("^memory: this run would need about ([0-9.]+) GiB .*"
                                                        "more than the limit of 8\\.00 GiB"));
        const auto match = pattern.match(message);
        QVERIFY2(match.hasMatch(), qPrintable(message));
        QVERIFY(match.captured(1).toDouble() > 8.0);
    }
    // The same is refused when set key by key: the last key that crosses the limit is the one refused.
    RunConfig config;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, {
        for (const auto &[key, value] : object.asObject())
            setConfigValue(config, key, value.isString() ? value.asString() : json::serialize(value));
    });
}

void TestConfig::memoryEstimateCountsEveryPart()
{
    // Depth 2, width 10, 3 inputs, 4 classes, SGD, no BatchNorm, batch 8 of 100 samples (80 to
    // train), 2000 steps every 10, 50 bins, by hand:
    // parameters P = 10·3+10 + 10·10+10 + 4·10+4 = 194, plus the hidden weights' copy 130.
    RunConfig config;
    config.network.depth = 2;
    config.network.widths = {10};
    config.batchSize = 8;
    DataShape shape;
    shape.known = true;
    shape.samples = 100;
    shape.trainSamples = 80;
    shape.inputs = 3;
    shape.classes = 4;
    MemoryEstimate m = estimateMemory(config, shape);
    QCOMPARE(m.parameters, 4.0 * (2 * 194 + 130));
    QCOMPARE(m.optimizer, 4.0 * 2 * 194); // two state buffers per parameter, allocated for every optimizer
    // Columns: max(batch 8, test 20, image samples 16) = 20. Per sample forward 4·10 per layer
    // + 2·4, backward (3 + 10 + 10) + (10 + 10 + 10) + 10 + 4; the batch copy 8·3.
    QCOMPARE(m.activations, 4.0 * (20 * (40 + 40 + 8) + 8 * (23 + 30 + 14) + 8 * 3));
    QCOMPARE(m.dataset, 2.0 * 100 * (4 * 3 + 4));
    config.optimizer.kind = OptimizerKind::Adam;
    QCOMPARE(estimateMemory(config, shape).optimizer, 4.0 * 2 * 194);
    // Statistics: 202 snapshots of 1024 + 2·(4·4·50 + 1024) bytes, and 24 series (4 global, 10 per
    // layer) of 2001 and 202 points of 16 bytes, twice.
    QCOMPARE(m.statistics, 202.0 * (1024 + 2 * (4 * 4 * 50 + 1024)) + 2.0 * 16 * (4 * 2001 + 20 * 202));
}

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
