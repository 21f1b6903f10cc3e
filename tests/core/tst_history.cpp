// The bounded history: at most 4096 points, first and newest always kept, resolution halved.

#include "core/history.h"

#include <QtTest>

using namespace layerlens::core;

class TestHistory : public QObject {
    Q_OBJECT
private slots:
    void keepsAllUntilFull();
    void halvesWhenFull_data();
    void halvesWhenFull();
};

void TestHistory::keepsAllUntilFull()
{
    Series s;
    for (long long i = 0; i < 4000; ++i)
        s.append(i, static_cast<double>(i) * 2);
    QCOMPARE(s.points().size(), std::size_t{4000});
    QCOMPARE(s.stride(), 1LL);
    QCOMPARE(s.points()[1234].value, 2468.0);
}

void TestHistory::halvesWhenFull_data()
{
    QTest::addColumn<long long>("count");
    QTest::newRow("4096") << 4096LL;
    QTest::newRow("4097") << 4097LL;
    QTest::newRow("100000") << 100000LL;
    QTest::newRow("1000003") << 1000003LL;
}

void TestHistory::halvesWhenFull()
{
    QFETCH(long long, count);
    Series s;
    History h;
    for (long long i = 0; i < count; ++i) {
        s.append(i * 10, static_cast<double>(i));
        h.append("loss", i * 10, static_cast<double>(i));
    }
    const auto &p = s.points();
    QVERIFY(p.size() <= Series::kCapacity);
    QVERIFY(p.size() >= Series::kCapacity / 2);
    QCOMPARE(p.front().step, 0LL);
    QCOMPARE(p.back().step, (count - 1) * 10); // the newest point is always there
    QCOMPARE(p.back().value, static_cast<double>(count - 1));
    // Steps increase and, but for the newest, sit on the stride grid.
    for (std::size_t i = 1; i < p.size(); ++i)
        QVERIFY(p[i].step > p[i - 1].step);
    for (std::size_t i = 0; i + 1 < p.size(); ++i)
        QCOMPARE((p[i].step / 10) % s.stride(), 0LL);
    QCOMPARE(h.find("loss")->points().size(), p.size());
    QVERIFY(h.find("nothing") == nullptr);
}

QTEST_APPLESS_MAIN(TestHistory)
#include "tst_history.moc"
