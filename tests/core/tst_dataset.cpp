// Generators: deterministic, right shapes, balanced classes; split and standardisation; spec errors.

#include "core/dataset.h"
#include "core/fileerror.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <numeric>

using namespace layerlens::core;

namespace {

std::vector<int> classCounts(const std::vector<int> &labels, int classes)
{
    std::vector<int> counts(static_cast<std::size_t>(classes), 0);
    for (int y : labels)
        ++counts.at(static_cast<std::size_t>(y));
    return counts;
}

} // namespace

class TestDataset : public QObject {
    Q_OBJECT
private slots:
    void generators_data();
    void generators();
    void splitAndDeterminism();
    void standardizeUsesTrainingStatistics();
    void gaussianTeacherIsLearnable();
    void badSpecs_data();
    void badSpecs();
    void csvThroughSpec();
    void fashionMnistMissingSaysHowToInstall();
};

void TestDataset::generators_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("samples");
    QTest::newRow("spiral") << "spiral" << 2 << 3 << 600;
    QTest::newRow("spiral:5") << "spiral:5" << 2 << 5 << 1000;
    QTest::newRow("circles") << "circles" << 2 << 2 << 400;
    QTest::newRow("moons") << "moons" << 2 << 2 << 400;
    QTest::newRow("xor") << "xor" << 2 << 2 << 400;
    QTest::newRow("blobs:4") << "blobs:4" << 2 << 4 << 400;
    QTest::newRow("gaussian:300:20:4") << "gaussian:300:20:4" << 20 << 4 << 300;
}

void TestDataset::generators()
{
    QFETCH(QString, spec);
    QFETCH(int, inputs);
    QFETCH(int, classes);
    QFETCH(int, samples);
    DatasetSpec ds;
    ds.spec = spec.toStdString();
    ds.samples = samples;
    ds.split = 1.0;
    const Dataset d = makeDataset(ds);
    QCOMPARE(d.inputs(), inputs);
    QCOMPARE(d.classes, classes);
    QCOMPARE(static_cast<int>(d.trainX.cols()), samples);
    QCOMPARE(static_cast<int>(d.trainY.size()), samples);
    QCOMPARE(d.testX.cols(), 0);
    QVERIFY(d.trainX.allFinite());
    const auto counts = classCounts(d.trainY, classes);
    if (!spec.startsWith(QLatin1String("gaussian"))) // the toys are balanced exactly
        for (int c : counts)
            QCOMPARE(c, samples / classes);
    else // the teacher's classes are all present
        for (int c : counts)
            QVERIFY(c > 0);
    // Same seed, same data; another seed, other data.
    QCOMPARE(makeDataset(ds).trainX, d.trainX);
    ds.seed = 2;
    QVERIFY(makeDataset(ds).trainX != d.trainX);
}

void TestDataset::splitAndDeterminism()
{
    DatasetSpec ds;
    ds.spec = "moons";
    ds.samples = 1000;
    ds.split = 0.8;
    const Dataset d = makeDataset(ds);
    QCOMPARE(d.trainX.cols(), 800);
    QCOMPARE(d.testX.cols(), 200);
    QCOMPARE(d.testY.size(), std::size_t{200});
    // Both classes in both splits, roughly balanced.
    const auto train = classCounts(d.trainY, 2), test = classCounts(d.testY, 2);
    QVERIFY(std::abs(train[0] - 400) < 40);
    QVERIFY(test[0] > 60 && test[1] > 60);
    // Every original sample lands in exactly one split: the sums of all coordinates agree.
    ds.split = 1.0;
    const Dataset whole = makeDataset(ds);
    QVERIFY(std::abs(whole.trainX.sum() - (d.trainX.sum() + d.testX.sum())) < 1e-2);
}

void TestDataset::standardizeUsesTrainingStatistics()
{
    DatasetSpec ds;
    ds.spec = "blobs";
    ds.samples = 900;
    ds.standardize = true;
    const Dataset d = makeDataset(ds);
    for (int f = 0; f < 2; ++f) {
        const Eigen::VectorXd row = d.trainX.row(f).transpose().cast<double>();
        const double mean = row.mean();
        const double std = std::sqrt((row.array() - mean).square().mean());
        QVERIFY(std::abs(mean) < 1e-5);
        QVERIFY(std::abs(std - 1.0) < 1e-5);
    }
    // The test split is shifted with the training statistics, so its mean is not exactly 0.
    QVERIFY(std::abs(d.testX.row(0).mean()) > 1e-7);
}

void TestDataset::gaussianTeacherIsLearnable()
{
    Matrix<float> x;
    std::vector<int> y;
    makeGaussian(2000, 10, 3, 5, x, y);
    // Labels are a linear function of x: the class means differ clearly.
    Eigen::MatrixXd means = Eigen::MatrixXd::Zero(10, 3);
    const auto counts = classCounts(y, 3);
    for (int i = 0; i < 2000; ++i)
        means.col(y[i]) += x.col(i).cast<double>() / counts[y[i]];
    QVERIFY((means.col(0) - means.col(1)).norm() > 0.5);
}

void TestDataset::badSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << "swirl" << "dataset: unknown 'swirl'";
    QTest::newRow("spiral_k_text") << "spiral:x" << "dataset: the number of classes must be an integer";
    QTest::newRow("spiral_k_1") << "spiral:1" << "dataset: the number of classes must be an integer in [2, 50]";
    QTest::newRow("gaussian_two_fields") << "gaussian:10:5" << "dataset: gaussian takes no fields or N:D:C";
    QTest::newRow("gaussian_huge") << "gaussian:1000000:4096:10" << "dataset: gaussian N·D must be at most";
    QTest::newRow("csv_no_path") << "csv:" << "dataset: csv needs a path";
    QTest::newRow("moons_field") << "moons:3" << "dataset: 'moons:3' has the wrong number";
}

void TestDataset::badSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, message);
    DatasetSpec ds;
    ds.spec = spec.toStdString();
    try {
        makeDataset(ds);
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
    }
}

void TestDataset::csvThroughSpec()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("points.csv")).toStdString();
    {
        std::ofstream out(path);
        out << "x,y,label\n";
        for (int i = 0; i < 20; ++i)
            out << i << "," << -i << "," << (i % 2) << "\n";
    }
    DatasetSpec ds;
    ds.spec = "csv:" + path;
    ds.split = 0.75;
    const Dataset d = makeDataset(ds);
    QCOMPARE(d.inputs(), 2);
    QCOMPARE(d.classes, 2);
    QCOMPARE(d.trainX.cols() + d.testX.cols(), 20);
    QCOMPARE(d.trainX.cols(), 15);
    ds.spec = "csv:" + path + ".missing";
    QVERIFY_THROWS_EXCEPTION(FileError, makeDataset(ds));
}

void TestDataset::fashionMnistMissingSaysHowToInstall()
{
    DatasetSpec ds;
    ds.spec = "fashion-mnist:/nonexistent/fashion";
    try {
        makeDataset(ds);
        QFAIL("no exception");
    } catch (const FileError &e) {
        QVERIFY2(QByteArray(e.what()).contains("apt-get install dataset-fashion-mnist"), e.what());
    }
}

QTEST_APPLESS_MAIN(TestDataset)
#include "tst_dataset.moc"
