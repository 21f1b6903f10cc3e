#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace layerlens::ui {

class Language;
class MainWindow;

/// Keeps the application's main window and rebuilds it when the user picks another language in
/// View ▸ Language.
///
/// Widgets take their text when they are made, so rather than teach every view to retranslate
/// itself, a switch saves the window's settings (geometry, docks, page, config), installs the new
/// translator and opens a new window from those settings in the old one's place. The new window
/// starts the run again from step 0 with the same config and seed, running if the old one ran.
class LanguageSwitcher : public QObject {
    Q_OBJECT
public:
    /// Makes the first window (not shown yet) in `language`'s current language.
    explicit LanguageSwitcher(Language *language, QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    /// The current main window; switchTo() replaces it.
    MainWindow *window() const { return m_window.get(); }
    /// Remembers `code` (one of Language::available()) as the user's choice and rebuilds the
    /// window in it. Does nothing for the current language or an unknown code.
    void switchTo(const QString &code);

signals:
    /// `window` replaced the previous window, which is deleted later.
    void windowReplaced(layerlens::ui::MainWindow *window);

private:
    void createWindow();

    Language *m_language;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace layerlens::ui
