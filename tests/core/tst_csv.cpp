// CSV loading: the same three samples written in every accepted style, and one malformed file of each kind
// with its line number and cause.

#include "core/csv.h"
#include "core/fileerror.h"

#include <QtTest>

#include <fstream>
#include <string>
#include <vector>

using namespace layerlens::core;

class TestCsv : public QObject {
    Q_OBJECT
private slots:
    void loads_data();
    void loads();
    void malformed_data();
    void malformed();
    void missingFile();

private:
    std::string write(const QByteArray &content);

    QTemporaryDir m_dir;
    int m_files = 0;
};

std::string TestCsv::write(const QByteArray &content)
{
    const std::string path = m_dir.filePath(QString("file%1.csv").arg(++m_files)).toStdString();
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), content.size());
    return path;
}

void TestCsv::loads_data()
{
    // Every row holds the samples (1.5, -2 | 1), (0, 300 | 0), (0.25, 7 | 2).
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("no header") << QByteArray("1.5,-2,1\n0,300,0\n0.25,7,2\n");
    QTest::newRow("header") << QByteArray("x,y,label\n1.5,-2,1\n0,300,0\n0.25,7,2\n");
    QTest::newRow("quoted header") << QByteArray("\"x\",\"y\",\"label\"\n1.5,-2,1\n0,300,0\n0.25,7,2\n");
    QTest::newRow("CRLF") << QByteArray("x,y,label\r\n1.5,-2,1\r\n0,300,0\r\n0.25,7,2\r\n");
    QTest::newRow("no final newline") << QByteArray("1.5,-2,1\n0,300,0\n0.25,7,2");
    QTest::newRow("blank lines") << QByteArray("\n\nx,y,label\n\n1.5,-2,1\n   \n0,300,0\r\n\r\n0.25,7,2\n\n\n");
    QTest::newRow("spaces around cells") << QByteArray(" 1.5 ,\t-2, 1\n0 , 300 ,0 \n 0.25,7 ,2\n");
    QTest::newRow("exponents and plus signs") << QByteArray("15e-1,-2.0,1\n+0,3e2,0\n.25,+7,2\n");
    QTest::newRow("UTF-8 byte-order mark") << QByteArray("\xEF\xBB\xBFx,y,label\n1.5,-2,1\n0,300,0\n0.25,7,2\n");
}

void TestCsv::loads()
{
    QFETCH(QByteArray, content);
    QVERIFY(m_dir.isValid());
    const LabelledData d = loadCsv(write(content));
    QCOMPARE(d.features.rows(), 2);
    QCOMPARE(d.features.cols(), 3);
    const float expected[3][2] = {{1.5f, -2.0f}, {0.0f, 300.0f}, {0.25f, 7.0f}};
    for (int s = 0; s < 3; ++s)
        for (int f = 0; f < 2; ++f)
            QCOMPARE(d.features(f, s), expected[s][f]);
    QCOMPARE(d.labels, (std::vector<int>{1, 0, 2}));
    QCOMPARE(d.classes, 3);
    QCOMPARE(d.imageRows, 0);
    QCOMPARE(d.imageCols, 0);
}

void TestCsv::malformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("cause");
    QTest::newRow("non-numeric cell, with header") << QByteArray("a,b,label\n1,2,0\n1,x,0\n") << "line 3"
                                                   << "column 2 (b): 'x' is not a number";
    QTest::newRow("non-numeric cell, no header") << QByteArray("1,2,0\n\n1,2 3,0\n") << "line 3"
                                                 << "column 2: '2 3' is not a number";
    QTest::newRow("hexadecimal cell") << QByteArray("1,2,0\n0x10,2,0\n") << "line 2" << "column 1: '0x10' is not a number";
    QTest::newRow("empty cell") << QByteArray("1,2,0\n1,,0\n") << "line 2" << "column 2: empty cell";
    QTest::newRow("ragged row, short") << QByteArray("a,b,c,d,label\n1,2,3,4,0\n1,2,0\n") << "line 3"
                                       << "3 cells, expected 5";
    QTest::newRow("ragged row, trailing comma") << QByteArray("1,2,0\n1,2,0,\n") << "line 2" << "4 cells, expected 3";
    QTest::newRow("ragged row after the header") << QByteArray("a,b,label\n1,0\n") << "line 2" << "2 cells, expected 3";
    QTest::newRow("negative label") << QByteArray("1,2,0\n1,2,-1\n") << "line 2"
                                    << "label '-1' in column 3 is not a non-negative integer";
    QTest::newRow("fractional label") << QByteArray("x,y,class\n1,2,1.5\n") << "line 2"
                                      << "label '1.5' in column 3 (class) is not a non-negative integer";
    QTest::newRow("text label") << QByteArray("1,2,0\n1,2,cat\n") << "line 2"
                                << "label 'cat' in column 3 is not a non-negative integer";
    QTest::newRow("huge label") << QByteArray("1,2,70000\n") << "line 1" << "label 70000 in column 3 exceeds the maximum of 65535";
    QTest::newRow("NaN cell") << QByteArray("1,2,0\nnan,2,0\n") << "line 2"
                              << "column 1: 'nan' is not a finite number (NaN and Inf are refused)";
    QTest::newRow("Inf cell, CRLF") << QByteArray("a,b,l\r\n1,-inf,0\r\n") << "line 2"
                                    << "column 2 (b): '-inf' is not a finite number";
    QTest::newRow("overflowing cell") << QByteArray("1,2,0\n1e39,2,0\n") << "line 2"
                                      << "column 1: '1e39' is out of range for a float";
    QTest::newRow("one column") << QByteArray("\n5\n6\n") << "line 2" << "1 column; need at least 2";
    QTest::newRow("empty file") << QByteArray() << "" << "no data rows";
    QTest::newRow("blank lines only") << QByteArray("\n \r\n\n") << "" << "no data rows";
    QTest::newRow("header only") << QByteArray("x,y,label\n") << "" << "no data rows after the header on line 1";
}

void TestCsv::malformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    QFETCH(QString, cause);
    QVERIFY(m_dir.isValid());
    const std::string path = write(content);
    try {
        loadCsv(path);
        QFAIL("no exception");
    } catch (const FileError &e) {
        QCOMPARE(e.path(), path);
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY2(QString::fromStdString(e.cause()).startsWith(cause), e.what());
    }
}

void TestCsv::missingFile()
{
    QVERIFY(m_dir.isValid());
    const std::string path = m_dir.filePath("absent.csv").toStdString();
    try {
        loadCsv(path);
        QFAIL("no exception");
    } catch (const FileError &e) {
        QCOMPARE(QString(e.what()), QString::fromStdString(path) + ": cannot open: No such file or directory");
    }
}

QTEST_APPLESS_MAIN(TestCsv)
#include "tst_csv.moc"
