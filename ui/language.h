#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QLocale;
class QTranslator;
QT_END_NAMESPACE

namespace layerlens::ui {

/// The languages the interface speaks and the translators that make it speak one of them.
/// The source strings are English; every other language is a Qt Linguist file
/// resources/translations/layerlens_CODE.ts, built into the ui library as :/i18n/layerlens_CODE.qm.
/// Translators are global to the application, so one Language object serves the whole process.
class Language : public QObject {
    Q_OBJECT
public:
    /// A language the user can choose: its code ("en", "ko") and its name in itself ("한국어").
    struct Option {
        QString code;
        QString name;
    };

    /// The QSettings key that holds the user's choice ("en" or "ko").
    static constexpr const char *kSettingsKey = "ui/language";

    /// English, then every language with a built-in translation.
    static QList<Option> available();
    /// Whether `code` is one of available().
    static bool isAvailable(const QString &code);
    /// The language for a locale: the first of its UI languages that is Korean or English,
    /// English when neither is.
    static QString forLocale(const QLocale &locale);
    /// The saved choice if it is available, otherwise forLocale(QLocale::system()).
    static QString preferred();
    /// Saves `code` as the user's choice, read by preferred() at the next start.
    static void remember(const QString &code);

    explicit Language(QObject *parent = nullptr);
    ~Language() override;

    /// Replaces the application's translators with those for `code` (English needs none): this
    /// program's strings and, where Qt ships them, Qt's own (dialog buttons, file dialogs).
    /// Widgets made afterwards speak the new language; existing ones keep their text. Returns
    /// false, and leaves English installed, when `code` has no translation.
    bool install(const QString &code);
    /// The language installed last ("en" before any).
    QString current() const { return m_current; }

private:
    void removeTranslators();

    std::unique_ptr<QTranslator> m_translator;   // this program's strings
    std::unique_ptr<QTranslator> m_qtTranslator; // Qt's own strings, when installed
    QString m_current = QStringLiteral("en");
};

} // namespace layerlens::ui
