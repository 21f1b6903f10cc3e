// The built-in presets read as lessons: every one parses, has its title, question and
// explanation in English in the preset and in Korean through the translator, a unique lesson
// number and a comparison that builds; the old accessors keep working.

#include "ui/language.h"
#include "ui/presets.h"

#include <QtTest>

#include <set>

using namespace layerlens;

namespace {

bool hasHangul(const QString &text)
{
    for (const QChar c : text)
        if ((c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) || (c.unicode() >= 0x1100 && c.unicode() <= 0x11FF)
            || (c.unicode() >= 0x3130 && c.unicode() <= 0x318F))
            return true;
    return false;
}

} // namespace

class TestPresets : public QObject {
    Q_OBJECT
private slots:
    void lessonsInOrder();
    void textsInBothLanguages_data();
    void textsInBothLanguages();
    void comparisonsBuild();
    void oldAccessorsStillWork();
    void malformedNamesAreErrors();
};

void TestPresets::lessonsInOrder()
{
    const auto all = ui::lessons();
    QVERIFY(all.size() >= 15);
    std::set<int> orders;
    for (const auto &l : all)
        QVERIFY2(orders.insert(l.order).second, qPrintable(QStringLiteral("order %1 twice").arg(l.order)));
    QVERIFY(std::is_sorted(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.order < b.order; }));
    QCOMPARE(all.front().order, 1);
    // presetNames() lists the same presets in the same order (the preset menu follows the lessons).
    QStringList names;
    for (const auto &l : all)
        names << l.name;
    QCOMPARE(ui::presetNames(), names);
    // The names the tests, the README and users' scripts use.
    for (const char *name : {"sigmoid-deep", "tanh-small-init", "relu-he"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
}

void TestPresets::textsInBothLanguages_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : ui::presetNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestPresets::textsInBothLanguages()
{
    QFETCH(QString, name);
    const ui::Lesson l = ui::lesson(name);
    QCOMPARE(l.name, name);
    std::vector<std::pair<const ui::LessonString *, QString>> texts = {
        {&l.title, QStringLiteral("title")}, {&l.question, QStringLiteral("question")},
        {&l.explanation, QStringLiteral("explanation")}};
    if (l.compare)
        texts.emplace_back(&l.compare->title, QStringLiteral("compare.title"));
    // English: the preset's own text, untranslated.
    for (const auto &[text, field] : texts) {
        QVERIFY(!text->source.trimmed().isEmpty());
        QVERIFY2(!hasHangul(text->source), qPrintable(text->source));
        QCOMPARE(text->id, name + QStringLiteral(": ") + field);
        QCOMPARE(text->translated(), text->source);
    }
    QCOMPARE(ui::presetTitle(name), l.title.source);
    // Korean: every text has its translation in the built .qm (resources/translations/layerlens_ko.ts).
    ui::Language language;
    QVERIFY(language.install(QStringLiteral("ko")));
    for (const auto &[text, field] : texts) {
        const QString korean = text->translated();
        QVERIFY2(korean != text->source && hasHangul(korean),
                 qPrintable(QStringLiteral("%1 has no Korean translation").arg(text->id)));
    }
    QCOMPARE(ui::presetTitle(name), l.title.translated());
    QVERIFY(language.install(QStringLiteral("en")));
    QCOMPARE(l.title.translated(), l.title.source);
    QVERIFY(l.config.steps > 0);
}

void TestPresets::comparisonsBuild()
{
    int compared = 0;
    for (const auto &l : ui::lessons()) {
        if (!l.compare)
            continue;
        ++compared;
        // The comparison differs from the lesson in the overridden keys only.
        QVERIFY2(core::toJson(l.compare->config) != core::toJson(l.config), qPrintable(l.name));
        QCOMPARE(l.compare->config.steps, l.config.steps);
        QCOMPARE(l.compare->config.seed, l.config.seed);
        l.compare->config.validate();
    }
    QVERIFY(compared >= 10);
    const ui::Lesson bn = ui::lesson(QStringLiteral("batchnorm-fashion-mnist"));
    QVERIFY(!bn.config.network.batchNorm);
    QVERIFY(bn.compare && bn.compare->config.network.batchNorm);
    QCOMPARE(bn.compare->config.network.activation, core::ActivationKind::Sigmoid);
    QCOMPARE(bn.expects, std::vector<core::DiagnosticKind>{core::DiagnosticKind::BiasShift});
    QVERIFY(bn.compare->expects && bn.compare->expects->empty());
    QCOMPARE(bn.testSteps, 0LL); // checked over its stated 3000 steps
    QCOMPARE(bn.config.steps, 3000LL);
}

void TestPresets::oldAccessorsStillWork()
{
    const core::RunConfig c = ui::presetConfig(QStringLiteral("sigmoid-deep"));
    QCOMPARE(c.network.activation, core::ActivationKind::Sigmoid);
    QCOMPARE(c.network.depth, 10);
    QCOMPARE(ui::presetTitle(QStringLiteral("sigmoid-deep")), ui::lesson(QStringLiteral("sigmoid-deep")).title.source);
    QCOMPARE(core::toJson(ui::presetConfig(QStringLiteral("relu-he"))), core::toJson(ui::lesson(QStringLiteral("relu-he")).config));
}

void TestPresets::malformedNamesAreErrors()
{
    try {
        ui::lesson(QStringLiteral("nope"));
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QByteArray(e.what()).contains("unknown preset 'nope'"), e.what());
        QVERIFY2(QByteArray(e.what()).contains("sigmoid-deep"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"
