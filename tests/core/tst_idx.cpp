// IDX (MNIST format) loading: plain and gzip files, shapes and scaling, one malformed file of each kind with
// its path, offset and cause, readFile's limits, and the real Fashion-MNIST when it is installed.

#include "core/fileerror.h"
#include "core/gzip.h"
#include "core/idx.h"

#include <QtTest>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace layerlens::core;

namespace {

using Bytes = std::vector<std::uint8_t>;

constexpr int kImages = 4, kRows = 3, kCols = 2;
const std::vector<int> kLabels{2, 0, 1, 2};

/// The pixels of tests/core/data/tiny-images-idx3-ubyte.gz: image i, pixel k (row by row).
std::uint8_t tinyPixel(int image, int k)
{
    return static_cast<std::uint8_t>((255 - 37 * image - 11 * k) & 0xFF);
}

void append32(Bytes &bytes, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.push_back(static_cast<std::uint8_t>(value >> shift));
}

Bytes imagesFile(std::uint32_t count = kImages, std::uint32_t rows = kRows, std::uint32_t cols = kCols)
{
    Bytes bytes;
    append32(bytes, 0x00000803);
    append32(bytes, count);
    append32(bytes, rows);
    append32(bytes, cols);
    for (int i = 0; i < kImages; ++i)
        for (int k = 0; k < kRows * kCols; ++k)
            bytes.push_back(tinyPixel(i, k));
    return bytes;
}

Bytes labelsFile(const std::vector<int> &labels = kLabels)
{
    Bytes bytes;
    append32(bytes, 0x00000801);
    append32(bytes, static_cast<std::uint32_t>(labels.size()));
    for (int label : labels)
        bytes.push_back(static_cast<std::uint8_t>(label));
    return bytes;
}

/// A gzip member of stored blocks: valid gzip written without a compressor.
Bytes storedGzip(const Bytes &data)
{
    Bytes out{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff};
    std::size_t pos = 0;
    do {
        const std::size_t n = std::min<std::size_t>(data.size() - pos, 65535);
        out.push_back(pos + n == data.size() ? 1 : 0); // BFINAL, BTYPE 00, padding
        out.push_back(static_cast<std::uint8_t>(n));
        out.push_back(static_cast<std::uint8_t>(n >> 8));
        out.push_back(static_cast<std::uint8_t>(~n));
        out.push_back(static_cast<std::uint8_t>(~n >> 8));
        out.insert(out.end(), data.begin() + static_cast<std::ptrdiff_t>(pos),
                   data.begin() + static_cast<std::ptrdiff_t>(pos + n));
        pos += n;
    } while (pos < data.size());
    const std::uint32_t crc = crc32(data);
    const auto size = static_cast<std::uint32_t>(data.size());
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(crc >> (8 * i)));
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(size >> (8 * i)));
    return out;
}

void writeFile(const std::string &path, const Bytes &bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    QVERIFY2(out.good(), path.c_str());
}

QByteArray toQt(const Bytes &bytes)
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

Bytes fromQt(const QByteArray &bytes)
{
    return Bytes(bytes.begin(), bytes.end());
}

} // namespace

class TestIdx : public QObject {
    Q_OBJECT
private slots:
    void loads_data();
    void loads();
    void malformed_data();
    void malformed();
    void missingFiles();
    void readFileLimits();
    void fashionMnist();

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }
};

void TestIdx::loads_data()
{
    QTest::addColumn<QString>("form");
    QTest::addColumn<int>("maxSamples");
    QTest::addColumn<int>("expectedSamples");
    QTest::newRow("plain") << "plain" << 0 << 4;
    QTest::newRow("gzip stored blocks") << "stored" << 0 << 4;
    QTest::newRow("gzip -9 fixture") << "fixture" << 0 << 4;
    QTest::newRow("prefix, plain") << "prefix-plain" << 0 << 4;
    QTest::newRow("prefix, .gz fixture") << "prefix-fixture" << 0 << 4;
    QTest::newRow("maxSamples 2") << "plain" << 2 << 2;
    QTest::newRow("maxSamples above the count") << "stored" << 9 << 4;
}

void TestIdx::loads()
{
    QFETCH(QString, form);
    QFETCH(int, maxSamples);
    QFETCH(int, expectedSamples);
    QVERIFY(m_dir.isValid());
    const std::string data = LAYERLENS_TEST_DATA;
    LabelledData d;
    if (form == "plain") {
        writeFile(path("a-images-idx3-ubyte"), imagesFile());
        writeFile(path("a-labels-idx1-ubyte"), labelsFile());
        d = loadIdx(path("a-images-idx3-ubyte"), path("a-labels-idx1-ubyte"), maxSamples);
    } else if (form == "stored") {
        // Named without .gz: the content decides.
        writeFile(path("b-images"), storedGzip(imagesFile()));
        writeFile(path("b-labels"), storedGzip(labelsFile()));
        d = loadIdx(path("b-images"), path("b-labels"), maxSamples);
    } else if (form == "fixture") {
        d = loadIdx(data + "/tiny-images-idx3-ubyte.gz", data + "/tiny-labels-idx1-ubyte.gz", maxSamples);
    } else if (form == "prefix-plain") {
        writeFile(path("c-images-idx3-ubyte"), imagesFile());
        writeFile(path("c-labels-idx1-ubyte"), labelsFile());
        d = loadIdxPrefix(path("c"), maxSamples);
    } else {
        d = loadIdxPrefix(data + "/tiny", maxSamples);
    }
    QCOMPARE(d.features.rows(), kRows * kCols);
    QCOMPARE(d.features.cols(), expectedSamples);
    QCOMPARE(d.imageRows, kRows);
    QCOMPARE(d.imageCols, kCols);
    QCOMPARE(d.labels, std::vector<int>(kLabels.begin(), kLabels.begin() + expectedSamples));
    QCOMPARE(d.classes, 3);
    for (int i = 0; i < expectedSamples; ++i)
        for (int k = 0; k < kRows * kCols; ++k)
            QCOMPARE(d.features(k, i), static_cast<float>(tinyPixel(i, k)) / 255.0f);
    QCOMPARE(d.features(0, 0), 1.0f); // pixel 255, exactly
    QCOMPARE(d.features.minCoeff() >= 0.0f, true);
}

void TestIdx::malformed_data()
{
    QTest::addColumn<QByteArray>("images");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<QString>("badFile"); // "images" or "labels"
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("cause");

    const Bytes images = imagesFile();
    const Bytes labels = labelsFile();
    const auto cut = [](const Bytes &b, std::size_t size) { return Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(size)); };
    const auto grown = [](Bytes b) {
        b.insert(b.end(), {7, 7, 7});
        return b;
    };

    QTest::newRow("images: labels file given") << toQt(labels) << toQt(labels) << "images" << "offset 0"
                                               << "wrong magic 0x00000801, expected 0x00000803 (IDX unsigned-byte "
                                                  "images); this is a labels file";
    QTest::newRow("labels: images file given") << toQt(images) << toQt(images) << "labels" << "offset 0"
                                               << "wrong magic 0x00000803, expected 0x00000801 (IDX unsigned-byte labels); this is an images file";
    {
        Bytes floats = images;
        floats[2] = 0x0D; // IDX float data
        QTest::newRow("images: float IDX") << toQt(floats) << toQt(labels) << "images" << "offset 0"
                                           << "wrong magic 0x00000d03, expected 0x00000803";
    }
    QTest::newRow("images: truncated header") << toQt(cut(images, 10)) << toQt(labels) << "images" << "offset 10"
                                              << "truncated header: 10 bytes, an IDX images header has 16";
    QTest::newRow("images: empty file") << QByteArray() << toQt(labels) << "images" << "offset 0"
                                        << "truncated header: 0 bytes";
    QTest::newRow("images: zero rows") << toQt(imagesFile(kImages, 0, kCols)) << toQt(labels) << "images" << "offset 8"
                                       << "rows is 0";
    QTest::newRow("images: zero count") << toQt(imagesFile(0, kRows, kCols)) << toQt(labels) << "images" << "offset 4"
                                        << "image count is 0";
    QTest::newRow("images: last pixel missing") << toQt(cut(images, images.size() - 1)) << toQt(labels) << "images"
                                                << QString("offset %1").arg(images.size() - 1)
                                                << "truncated data: the header announces 4 images of 3x2 pixels (24 "
                                                   "bytes), but only 23 bytes follow it";
    QTest::newRow("images: a billion claimed") << toQt(imagesFile(1'000'000'000, 28, 28)) << toQt(labels) << "images"
                                               << QString("offset %1").arg(images.size())
                                               << "truncated data: the header announces 1000000000 images of 28x28 "
                                                  "pixels (784000000000 bytes), but only 24 bytes follow it";
    QTest::newRow("images: 2^96 bytes claimed") << toQt(imagesFile(0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)) << toQt(labels)
                                                << "images" << QString("offset %1").arg(images.size())
                                                << "truncated data: the header announces 4294967295 images of "
                                                   "4294967295x4294967295 pixels (over 2^64 bytes)";
    QTest::newRow("images: trailing bytes") << toQt(grown(images)) << toQt(labels) << "images"
                                            << QString("offset %1").arg(images.size())
                                            << "3 trailing bytes after the last image";
    QTest::newRow("labels: trailing bytes") << toQt(images) << toQt(grown(labels)) << "labels"
                                            << QString("offset %1").arg(labels.size())
                                            << "3 trailing bytes after the last label";
    QTest::newRow("labels: truncated") << toQt(images) << toQt(cut(labels, labels.size() - 2)) << "labels"
                                       << QString("offset %1").arg(labels.size() - 2)
                                       << "truncated data: the header announces 4 labels (4 bytes), but only 2";
    QTest::newRow("labels: fewer than images") << toQt(images) << toQt(labelsFile({1, 2, 3})) << "labels" << "offset 4"
                                               << "3 labels, but ";
    QTest::newRow("images gz: last pixel missing")
        << toQt(storedGzip(cut(images, images.size() - 1))) << toQt(labels) << "images"
        << QString("decompressed offset %1").arg(images.size() - 1) << "truncated data: the header announces 4 images";
    {
        Bytes gz = storedGzip(images);
        gz[gz.size() - 8] ^= 1;
        QTest::newRow("images gz: CRC mismatch") << toQt(gz) << toQt(labels) << "images"
                                                 << QString("offset %1").arg(gz.size() - 8) << "CRC32 mismatch";
    }
}

void TestIdx::malformed()
{
    QFETCH(QByteArray, images);
    QFETCH(QByteArray, labels);
    QFETCH(QString, badFile);
    QFETCH(QString, where);
    QFETCH(QString, cause);
    QVERIFY(m_dir.isValid());
    const std::string imagesPath = path("bad-images"), labelsPath = path("bad-labels");
    writeFile(imagesPath, fromQt(images));
    writeFile(labelsPath, fromQt(labels));
    try {
        loadIdx(imagesPath, labelsPath);
        QFAIL("no exception");
    } catch (const FileError &e) {
        QCOMPARE(e.path(), badFile == "images" ? imagesPath : labelsPath);
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY2(QString::fromStdString(e.cause()).startsWith(cause), e.what());
        QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(e.path() + ": " + e.where() + ": ")), e.what());
    }
}

void TestIdx::missingFiles()
{
    QVERIFY(m_dir.isValid());
    try {
        loadIdx(path("none-images"), path("none-labels"));
        QFAIL("no exception");
    } catch (const FileError &e) {
        QCOMPARE(e.path(), path("none-images"));
        QVERIFY2(QString::fromStdString(e.cause()).contains("No such file or directory"), e.what());
    }
    try {
        loadIdxPrefix(path("none"));
        QFAIL("no exception");
    } catch (const FileError &e) {
        QCOMPARE(e.path(), path("none-images-idx3-ubyte"));
        QVERIFY2(QString::fromStdString(e.cause()).startsWith("no such file"), e.what());
    }
    for (const std::string &dir : {path("no-such-dir"), m_dir.path().toStdString()}) {
        try {
            loadFashionMnist(dir);
            QFAIL("no exception");
        } catch (const FileError &e) {
            QVERIFY2(QString::fromStdString(e.cause()).contains("install it with `sudo apt-get install "
                                                                "dataset-fashion-mnist`"),
                     e.what());
        }
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, loadIdx(path("x"), path("y"), -1));
}

void TestIdx::readFileLimits()
{
    QVERIFY(m_dir.isValid());
    writeFile(path("ten"), Bytes(10, 42));
    QCOMPARE(readFile(path("ten"), 10), Bytes(10, 42));
    try {
        readFile(path("ten"), 9);
        QFAIL("no exception");
    } catch (const FileError &e) {
        QCOMPARE(QString(e.what()), QString::fromStdString(path("ten"))
                                        + ": file is 10 bytes, larger than the limit of 9 bytes");
    }
    try {
        readFile(m_dir.path().toStdString(), 100);
        QFAIL("no exception");
    } catch (const FileError &e) {
        QVERIFY2(QString::fromStdString(e.cause()).contains("is a directory"), e.what());
    }
    writeFile(path("empty"), {});
    QVERIFY(readFile(path("empty"), 0).empty());
}

void TestIdx::fashionMnist()
{
    if (!std::filesystem::is_directory(kFashionMnistDir))
        QSKIP("Fashion-MNIST is not installed; install it with `sudo apt-get install dataset-fashion-mnist`");

    // Measurements, not assertions: gunzip alone, then the whole load.
    const std::string trainImages = std::string(kFashionMnistDir) + "/train-images-idx3-ubyte.gz";
    if (std::filesystem::exists(trainImages)) {
        const Bytes compressed = readFile(trainImages, kMaxIdxBytes);
        QElapsedTimer timer;
        timer.start();
        const Bytes images = gunzip(compressed, trainImages, kMaxIdxBytes);
        qInfo("gunzip train-images-idx3-ubyte.gz: %zu -> %zu bytes in %lld ms", compressed.size(), images.size(),
              static_cast<long long>(timer.elapsed()));
        QCOMPARE(images.size(), std::size_t{16 + 60000 * 784});
    }
    QElapsedTimer timer;
    timer.start();
    const TrainTest data = loadFashionMnist();
    qInfo("loadFashionMnist (train and test, read, gunzip, scale): %lld ms", static_cast<long long>(timer.elapsed()));

    QCOMPARE(data.train.features.rows(), 784);
    QCOMPARE(data.train.features.cols(), 60000);
    QCOMPARE(data.test.features.rows(), 784);
    QCOMPARE(data.test.features.cols(), 10000);
    QCOMPARE(data.train.labels.size(), std::size_t{60000});
    QCOMPARE(data.test.labels.size(), std::size_t{10000});
    QCOMPARE(data.train.imageRows, 28);
    QCOMPARE(data.train.imageCols, 28);
    QCOMPARE(data.train.classes, 10);
    QCOMPARE(data.test.classes, 10);
    std::array<int, 10> trainCount{}, testCount{};
    for (int y : data.train.labels)
        ++trainCount[static_cast<std::size_t>(y)];
    for (int y : data.test.labels)
        ++testCount[static_cast<std::size_t>(y)];
    for (int c = 0; c < 10; ++c) {
        QCOMPARE(trainCount[static_cast<std::size_t>(c)], 6000);
        QCOMPARE(testCount[static_cast<std::size_t>(c)], 1000);
    }
    QVERIFY(data.train.features.minCoeff() >= 0.0f);
    QCOMPARE(data.train.features.maxCoeff(), 1.0f);

    const TrainTest small = loadFashionMnist(kFashionMnistDir, 100, 50);
    QCOMPARE(small.train.features.cols(), 100);
    QCOMPARE(small.test.features.cols(), 50);
    QVERIFY(small.train.features == data.train.features.leftCols(100));
    QCOMPARE(small.train.classes, small.test.classes);
}

QTEST_APPLESS_MAIN(TestIdx)
#include "tst_idx.moc"
