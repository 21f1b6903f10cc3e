#include "ui/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <algorithm>

namespace layerlens::ui {

namespace {

const QString kSourceLanguage = QStringLiteral("en");

QString translationFile(const QString &code) { return QStringLiteral(":/i18n/layerlens_%1.qm").arg(code); }

} // namespace

QList<Language::Option> Language::available()
{
    QList<Option> options{{kSourceLanguage, QStringLiteral("English")}};
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("layerlens_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(10, file.size() - 13); // layerlens_CODE.qm
        if (code != kSourceLanguage)
            options.append({code, QLocale(code).nativeLanguageName()});
    }
    return options;
}

bool Language::isAvailable(const QString &code)
{
    const QList<Option> options = available();
    return std::any_of(options.begin(), options.end(), [&](const Option &o) { return o.code == code; });
}

QString Language::forLocale(const QLocale &locale)
{
    // The user's UI languages in order of preference (for the system locale on Linux: LANGUAGE,
    // then LC_ALL, LC_MESSAGES, LANG); the first one we speak wins.
    QStringList languages = locale.uiLanguages();
    languages.append(locale.name());
    for (const QString &name : languages) {
        const QLocale::Language language = QLocale(name).language();
        if (language == QLocale::Korean)
            return QStringLiteral("ko");
        if (language == QLocale::English)
            return kSourceLanguage;
    }
    return kSourceLanguage;
}

QString Language::preferred()
{
    const QString saved = QSettings().value(QLatin1String(kSettingsKey)).toString();
    return isAvailable(saved) ? saved : forLocale(QLocale::system());
}

void Language::remember(const QString &code) { QSettings().setValue(QLatin1String(kSettingsKey), code); }

Language::Language(QObject *parent) : QObject(parent) {}

Language::~Language() { removeTranslators(); }

void Language::removeTranslators()
{
    for (auto *translator : {&m_translator, &m_qtTranslator})
        if (*translator) {
            QCoreApplication::removeTranslator(translator->get());
            translator->reset();
        }
    m_current = kSourceLanguage;
}

bool Language::install(const QString &code)
{
    removeTranslators();
    if (code == kSourceLanguage)
        return true;
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(translationFile(code)))
        return false;
    QCoreApplication::installTranslator(translator.get());
    m_translator = std::move(translator);
    // Qt's own strings (QMessageBox buttons, QFileDialog) come from Debian's qt6-translations-l10n
    // when it is installed; without it they stay English, which is no reason to fail.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qtTranslator = std::move(qt);
    }
    m_current = code;
    return true;
}

} // namespace layerlens::ui
