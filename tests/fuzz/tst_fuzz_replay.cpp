// Replays every file of tests/fuzz/corpus/<target>/ and tests/fuzz/regression/<target>/ through the fuzz
// targets' entry functions, without libFuzzer: the seeds must load, and every regression file must be
// refused with a message (a file named ok-* must load instead). A crash, a sanitizer report or an
// unexpected exception fails the test as it would stop the fuzzer.

#include "tests/fuzz/fuzztargets.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <exception>
#include <map>

using namespace layerlens::fuzz;

namespace {

using Target = std::string (*)(Bytes);

const std::map<QString, Target> &targets()
{
    static const std::map<QString, Target> all{{QStringLiteral("config"), runConfig}, {QStringLiteral("model"), runModel},
                                               {QStringLiteral("csv"), runCsv},       {QStringLiteral("idx"), runIdx},
                                               {QStringLiteral("gzip"), runGzip},     {QStringLiteral("preset"), runPreset}};
    return all;
}

} // namespace

class TestFuzzReplay : public QObject {
    Q_OBJECT
private slots:
    void everyTargetHasFiles();
    void replay_data();
    void replay();
};

void TestFuzzReplay::everyTargetHasFiles()
{
    for (const auto &[name, target] : targets()) {
        for (const char *kind : {"corpus", "regression"}) {
            const QDir dir(QStringLiteral(LAYERLENS_FUZZ_DIR "/%1/%2").arg(QLatin1String(kind), name));
            QVERIFY2(!dir.entryList(QDir::Files).isEmpty(), qPrintable(dir.path() + QStringLiteral(" has no files")));
        }
    }
}

void TestFuzzReplay::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("mustLoad");
    for (const auto &[name, target] : targets()) {
        for (const char *kind : {"corpus", "regression"}) {
            const QDir dir(QStringLiteral(LAYERLENS_FUZZ_DIR "/%1/%2").arg(QLatin1String(kind), name));
            for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
                const bool mustLoad = QLatin1String(kind) == QLatin1String("corpus") || file.startsWith(QStringLiteral("ok-"));
                QTest::newRow(qPrintable(QStringLiteral("%1/%2/%3").arg(QLatin1String(kind), name, file)))
                    << name << dir.filePath(file) << mustLoad;
            }
        }
    }
}

void TestFuzzReplay::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFETCH(bool, mustLoad);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    std::string error;
    try {
        error = targets().at(target)(Bytes(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                           static_cast<std::size_t>(bytes.size())));
    } catch (const std::exception &e) {
        QFAIL(qPrintable(QStringLiteral("undocumented exception: ") + QString::fromUtf8(e.what())));
    }
    if (mustLoad)
        QVERIFY2(error.empty(), error.c_str());
    else
        QVERIFY2(!error.empty(), "accepted; a regression file must be refused with a message (or be named ok-*)");
}

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "tst_fuzz_replay.moc"
