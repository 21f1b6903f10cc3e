// The Korean interface: every message of resources/translations/layerlens_ko.ts translated
// (finished, in Hangul where the source has words, with the source's placeholders, tags and
// mnemonic), every tr() string of ui/ and app/ and every lesson text present in the .ts (lupdate
// run over the sources), the built .qm turning a real MainWindow Korean, unique mnemonics in every menu, and
// View ▸ Language rebuilding the window in the other language from the saved settings.

#include "ui/controlpanel.h"
#include "ui/dashboardview.h"
#include "ui/language.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/trainingcontroller.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>
#include <map>

using namespace layerlens;
using ui::Language;
using ui::LanguageSwitcher;
using ui::MainWindow;

namespace {

const QString kKoreanTs = QStringLiteral(LAYERLENS_SOURCE_DIR "/resources/translations/layerlens_ko.ts");
const QString kMainWindow = QStringLiteral("layerlens::ui::MainWindow");
// What refreshes the .ts, for the failure messages.
const QString kRefresh = QStringLiteral("cmake --build build --target update_translations, then translate the new "
                                        "entries with Qt Linguist (/usr/lib/qt6/bin/linguist)");

// Sources that read the same in Korean: symbols, formulas and names. Any other source with
// Latin letters needs Hangul in its translation.
const QSet<QString> kSameInKorean = {
    QStringLiteral("LayerLens"), QStringLiteral("XOR"),      QStringLiteral("Fashion-MNIST"),
    QStringLiteral("tanh"),      QStringLiteral("ReLU"),     QStringLiteral("Leaky ReLU"),
    QStringLiteral("ELU"),       QStringLiteral("Maxout"),   QStringLiteral("SGD"),
    QStringLiteral("Adam"),      QStringLiteral("x₁"),       QStringLiteral("x₂"),
    QStringLiteral("z"),         QStringLiteral("a = f(z)"), QStringLiteral("‖∂L/∂W‖"),
    QStringLiteral("‖ΔW‖/‖W‖"),  QStringLiteral("L%1, %2"),  QStringLiteral("L%1: %2 = %3"),
    QStringLiteral("std(W)"),
    QStringLiteral("A"),         QStringLiteral("B"), // the names of the two runs of compare mode
};

struct Message {
    QString context;
    QString source;
    QString comment;      // lupdate's disambiguation: part of the message's identity
    QStringList forms;    // the translation, or one per plural form for a numerus message
    QString type;         // "", "unfinished", "vanished" or "obsolete"
    QString key() const { return context + QStringLiteral(" | ") + source + QStringLiteral(" | ") + comment; }
};

struct TsFile {
    QString language;
    QList<Message> messages;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("%s: %s", qPrintable(path), qPrintable(file.errorString()));
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ts.messages.append(message);
            inMessage = false;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name") && !inMessage) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, {}, {}};
            inMessage = true;
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // A numerus translation holds <numerusform>s; a plain one holds its text.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.forms << xml.readElementText();
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (message.forms.isEmpty())
                message.forms << text;
        }
    }
    if (xml.hasError())
        qWarning("%s:%lld: %s", qPrintable(path), xml.lineNumber(), qPrintable(xml.errorString()));
    return ts;
}

QStringList matches(const QString &text, const QRegularExpression &pattern)
{
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?[1-9n]"));
    QStringList found = matches(text, pattern);
    found.removeDuplicates(); // a translation may name a placeholder twice
    return found;
}

QStringList tags(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("</?[A-Za-z][^<>]*>"));
    return matches(text, pattern);
}

int mnemonics(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&'))
            ++i; // "&&" is a literal ampersand
        else
            ++count;
    }
    return count;
}

bool hasHangul(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}

bool hasWords(const QString &source)
{
    static const QRegularExpression markup(QStringLiteral("%L?[1-9n]|</?[A-Za-z][^<>]*>|&[a-z]+;"));
    static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    return QString(source).remove(markup).contains(latin);
}

/// What is wrong with one message of a translation file, one line per problem.
QStringList problems(const Message &m)
{
    QStringList found;
    const QString where = QStringLiteral("%1: \"%2\": ").arg(m.context, m.source);
    if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
        return {where + m.type + QStringLiteral(" (no longer in the sources: remove it)")};
    if (m.type == QLatin1String("unfinished"))
        found << where + QStringLiteral("unfinished");
    for (const QString &form : m.forms) {
        if (form.trimmed().isEmpty()) {
            found << where + QStringLiteral("no translation");
            continue;
        }
        if (placeholders(form) != placeholders(m.source))
            found << where + QStringLiteral("placeholders %1 in the translation, %2 in the source")
                                 .arg(placeholders(form).join(QLatin1Char(' ')), placeholders(m.source).join(QLatin1Char(' ')));
        if (tags(form) != tags(m.source))
            found << where + QStringLiteral("HTML tags differ from the source");
        if (mnemonics(form) != mnemonics(m.source))
            found << where + QStringLiteral("%1 mnemonics (&) in the translation, %2 in the source")
                                 .arg(mnemonics(form))
                                 .arg(mnemonics(m.source));
        if (hasWords(m.source) && !kSameInKorean.contains(m.source) && !hasHangul(form))
            found << where + QStringLiteral("no Hangul in \"%1\"").arg(form);
    }
    return found;
}

/// Every distinct mnemonic letter of `actions`, with a list of the texts that share one.
QStringList clashingMnemonics(const QString &menu, const QList<QAction *> &actions)
{
    std::map<QString, QStringList> byKey;
    for (QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QKeySequence key = QKeySequence::mnemonic(action->text());
        if (!key.isEmpty())
            byKey[key.toString()] << action->text();
    }
    QStringList clashes;
    for (const auto &[key, texts] : byKey)
        if (texts.size() > 1)
            clashes << QStringLiteral("%1: %2 on %3").arg(menu, key, texts.join(QStringLiteral(", ")));
    return clashes;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void checkerFindsEachProblem_data();
    void checkerFindsEachProblem();
    void koreanIsComplete();
    void sourcesMatchTheTranslationFile();
    void koreanMainWindow();
    void menusHaveUniqueMnemonics_data();
    void menusHaveUniqueMnemonics();
    void languageFromSettingsElseLocale();
    void languageMenuRebuildsTheWindow();

private:
    QString korean(const QString &context, const QString &source) const;

    TsFile m_korean;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("LayerLensTranslationsTest"));
    qRegisterMetaType<MainWindow *>(); // for the QSignalSpy on windowReplaced
    m_korean = readTs(kKoreanTs);
    QVERIFY2(!m_korean.messages.isEmpty(), qPrintable(kKoreanTs + QStringLiteral(" holds no message")));
}

void TestTranslations::init() { QSettings().clear(); }

QString TestTranslations::korean(const QString &context, const QString &source) const
{
    for (const Message &m : m_korean.messages)
        if (m.context == context && m.source == source)
            return m.forms.value(0);
    return {};
}

void TestTranslations::checkerFindsEachProblem_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("problem"); // empty: none expected

    const QString name = QStringLiteral("Saved %1");
    QTest::newRow("good") << name << QStringLiteral("저장했습니다: %1") << QString() << QString();
    QTest::newRow("kept-verbatim") << QStringLiteral("ReLU") << QStringLiteral("ReLU") << QString() << QString();
    QTest::newRow("symbols-only") << QStringLiteral("μ %1") << QStringLiteral("μ %1") << QString() << QString();
    QTest::newRow("unfinished") << name << QStringLiteral("저장했습니다: %1") << QStringLiteral("unfinished")
                                << QStringLiteral("unfinished");
    QTest::newRow("empty") << name << QString() << QString() << QStringLiteral("no translation");
    QTest::newRow("vanished") << name << QStringLiteral("저장했습니다: %1") << QStringLiteral("vanished")
                              << QStringLiteral("vanished");
    QTest::newRow("obsolete") << name << QStringLiteral("저장했습니다: %1") << QStringLiteral("obsolete")
                              << QStringLiteral("obsolete");
    QTest::newRow("placeholder-lost") << name << QStringLiteral("저장했습니다") << QString() << QStringLiteral("placeholders");
    QTest::newRow("placeholder-renumbered") << QStringLiteral("%1 of %2") << QStringLiteral("%2개 중 %3개") << QString()
                                            << QStringLiteral("placeholders");
    QTest::newRow("untranslated") << name << name << QString() << QStringLiteral("no Hangul");
    QTest::newRow("tag-lost") << QStringLiteral("<h3>About</h3>") << QStringLiteral("정보") << QString()
                              << QStringLiteral("HTML tags");
    QTest::newRow("mnemonic-lost") << QStringLiteral("&File") << QStringLiteral("파일") << QString()
                                   << QStringLiteral("mnemonics");
    QTest::newRow("mnemonic-doubled") << QStringLiteral("&File") << QStringLiteral("&파일(&F)") << QString()
                                      << QStringLiteral("mnemonics");
}

void TestTranslations::checkerFindsEachProblem()
{
    QFETCH(QString, source);
    QFETCH(QString, translation);
    QFETCH(QString, type);
    QFETCH(QString, problem);
    const QStringList found = problems(Message{QStringLiteral("Context"), source, {}, {translation}, type});
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    else
        QVERIFY2(found.join(QLatin1Char('\n')).contains(problem), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestTranslations::koreanIsComplete()
{
    QCOMPARE(m_korean.language, QStringLiteral("ko"));
    QStringList found;
    for (const Message &m : m_korean.messages)
        found << problems(m);
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2:\n").arg(found.size()).arg(kKoreanTs)
                                         + found.join(QLatin1Char('\n'))));
}

void TestTranslations::sourcesMatchTheTranslationFile()
{
    // lupdate over ui/, app/ and the lesson texts as update_translations runs it, into an empty file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString probe = dir.filePath(QStringLiteral("probe_ko.ts"));
    const QString source = QStringLiteral(LAYERLENS_SOURCE_DIR);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LAYERLENS_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-I"),
                   source, source + QStringLiteral("/ui"), source + QStringLiteral("/app"),
                   QStringLiteral(LAYERLENS_LESSON_STRINGS), QStringLiteral("-ts"), probe});
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));
    // "Qualifying with unknown namespace/class" means a context lupdate could not resolve: its
    // messages would carry a context that tr() never asks for at run time.
    QVERIFY2(!output.contains(QLatin1String("unknown namespace")), qPrintable(output));
    // "lacks Q_OBJECT macro": a tr() that is not a class's own (a free helper, a lambda in a
    // namespace), filed under a context its translate() call never uses.
    QVERIFY2(!output.contains(QLatin1String("lacks Q_OBJECT")), qPrintable(output));

    const TsFile fromSources = readTs(probe);
    QVERIFY(!fromSources.messages.isEmpty());
    QSet<QString> committed, current;
    for (const Message &m : m_korean.messages)
        committed.insert(m.key());
    for (const Message &m : fromSources.messages)
        current.insert(m.key());
    QStringList missing = QSet<QString>(current).subtract(committed).values();
    QStringList stale = QSet<QString>(committed).subtract(current).values();
    missing.sort();
    stale.sort();
    QString report;
    if (!missing.isEmpty())
        report += QStringLiteral("In the sources but not in %1 (context | source | comment):\n  %2\n")
                      .arg(kKoreanTs, missing.join(QStringLiteral("\n  ")));
    if (!stale.isEmpty())
        report += QStringLiteral("In %1 but no longer in the sources:\n  %2\n").arg(kKoreanTs, stale.join(QStringLiteral("\n  ")));
    QVERIFY2(report.isEmpty(), qPrintable(report + QStringLiteral("Refresh it: ") + kRefresh));
}

void TestTranslations::koreanMainWindow()
{
    Language language;
    QVERIFY2(language.install(QStringLiteral("ko")), "the built :/i18n/layerlens_ko.qm did not load");
    QCOMPARE(language.current(), QStringLiteral("ko"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString file = korean(kMainWindow, QStringLiteral("&File"));
    const QString run = korean(kMainWindow, QStringLiteral("Run"));
    QVERIFY(hasHangul(file) && hasHangul(run));
    QCOMPARE(window.menuBar()->actions().value(0)->text(), file);
    QCOMPARE(window.fileMenu()->title(), file);
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionRun"))->text(), run);
    // Strings from other classes and from the control panel's form.
    QCOMPARE(window.views().back()->title(), korean(QStringLiteral("layerlens::ui::DiagnosticsView"), QStringLiteral("Diagnostics")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionOpenConfig"))->text().startsWith(QStringLiteral("설정")));
    QVERIFY(window.close());
}

void TestTranslations::menusHaveUniqueMnemonics_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("ko") << QStringLiteral("ko");
}

void TestTranslations::menusHaveUniqueMnemonics()
{
    QFETCH(QString, code);
    Language language;
    QVERIFY(language.install(code));
    LanguageSwitcher switcher(&language);
    MainWindow *window = switcher.window(); // with View ▸ Language, as the application has it
    QStringList clashes = clashingMnemonics(QStringLiteral("menu bar"), window->menuBar()->actions());
    const QList<QMenu *> menus = window->findChildren<QMenu *>();
    QVERIFY(menus.size() >= 5);
    for (QMenu *menu : menus)
        clashes << clashingMnemonics(menu->title(), menu->actions());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestTranslations::languageFromSettingsElseLocale()
{
    const QList<Language::Option> options = Language::available();
    QCOMPARE(options.value(0).code, QStringLiteral("en"));
    QVERIFY(std::any_of(options.begin(), options.end(),
                        [](const Language::Option &o) { return o.code == QLatin1String("ko") && o.name == QStringLiteral("한국어"); }));

    QCOMPARE(Language::forLocale(QLocale(QLocale::Korean, QLocale::SouthKorea)), QStringLiteral("ko"));
    QCOMPARE(Language::forLocale(QLocale(QLocale::English, QLocale::UnitedKingdom)), QStringLiteral("en"));
    QCOMPARE(Language::forLocale(QLocale(QLocale::German)), QStringLiteral("en")); // no German translation

    QCOMPARE(Language::preferred(), Language::forLocale(QLocale::system())); // nothing saved
    Language::remember(QStringLiteral("ko"));
    QCOMPARE(Language::preferred(), QStringLiteral("ko"));
    Language::remember(QStringLiteral("en"));
    QCOMPARE(Language::preferred(), QStringLiteral("en"));
    QSettings().setValue(QLatin1String(Language::kSettingsKey), QStringLiteral("xx")); // not offered: the locale decides
    QCOMPARE(Language::preferred(), Language::forLocale(QLocale::system()));

    Language language;
    QVERIFY(!language.install(QStringLiteral("xx")));
    QCOMPARE(language.current(), QStringLiteral("en"));
}

void TestTranslations::languageMenuRebuildsTheWindow()
{
    Language language;
    QVERIFY(language.install(QStringLiteral("en")));
    LanguageSwitcher switcher(&language);
    QPointer<MainWindow> english = switcher.window();
    english->show();
    QVERIFY(QTest::qWaitForWindowExposed(english.data()));
    english->resize(1100, 640);
    english->findChild<QTabWidget *>(QStringLiteral("viewPages"))->setCurrentIndex(1);
    core::RunConfig config = english->controlPanel()->config();
    config.network.depth = 7;
    english->applyConfig(config);
    QCOMPARE(english->fileMenu()->title(), QStringLiteral("&File"));

    auto *toKorean = english->findChild<QAction *>(QStringLiteral("actionLanguage_ko"));
    auto *toEnglish = english->findChild<QAction *>(QStringLiteral("actionLanguage_en"));
    QVERIFY(toKorean && toEnglish);
    QCOMPARE(toKorean->text(), QStringLiteral("한국어"));
    QVERIFY(toEnglish->isChecked() && !toKorean->isChecked());

    QSignalSpy replaced(&switcher, &LanguageSwitcher::windowReplaced);
    toKorean->trigger();
    QTRY_COMPARE(replaced.size(), 1);
    QTRY_VERIFY(english.isNull()); // the old window is deleted
    MainWindow *koreanWindow = switcher.window();
    QVERIFY(koreanWindow->isVisible());
    QCOMPARE(language.current(), QStringLiteral("ko"));
    QCOMPARE(QSettings().value(QLatin1String(Language::kSettingsKey)).toString(), QStringLiteral("ko"));
    QCOMPARE(koreanWindow->fileMenu()->title(), korean(kMainWindow, QStringLiteral("&File")));
    QVERIFY(koreanWindow->findChild<QAction *>(QStringLiteral("actionLanguage_ko"))->isChecked());
    // The new window stands where the old one stood, on the same page, with the same config.
    QCOMPARE(koreanWindow->size(), QSize(1100, 640));
    QCOMPARE(koreanWindow->findChild<QTabWidget *>(QStringLiteral("viewPages"))->currentIndex(), 1);
    QCOMPARE(koreanWindow->controlPanel()->config().network.depth, 7);
    QCOMPARE(koreanWindow->controller()->config().network.depth, 7);

    // Choosing the current language changes nothing; English rebuilds it in English.
    switcher.switchTo(QStringLiteral("ko"));
    QCOMPARE(switcher.window(), koreanWindow);
    koreanWindow->findChild<QAction *>(QStringLiteral("actionLanguage_en"))->trigger();
    QTRY_COMPARE(replaced.size(), 2);
    QCOMPARE(switcher.window()->fileMenu()->title(), QStringLiteral("&File"));
    QCOMPARE(Language::preferred(), QStringLiteral("en"));
    switcher.window()->close();
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
