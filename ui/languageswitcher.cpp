#include "ui/languageswitcher.h"

#include "ui/controlpanel.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/trainingcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

namespace layerlens::ui {

LanguageSwitcher::LanguageSwitcher(Language *language, QObject *parent) : QObject(parent), m_language(language)
{
    createWindow();
}

LanguageSwitcher::~LanguageSwitcher() = default;

void LanguageSwitcher::createWindow()
{
    m_window = std::make_unique<MainWindow>();
    QMenu *view = m_window->viewMenu();
    view->addSeparator();
    QMenu *menu = view->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("menuLanguage"));
    auto *group = new QActionGroup(menu);
    for (const Language::Option &option : Language::available()) {
        // Each language is named in itself, so whoever cannot read the current one finds theirs.
        QAction *action = menu->addAction(option.name);
        action->setObjectName(QStringLiteral("actionLanguage_") + option.code);
        action->setCheckable(true);
        action->setChecked(option.code == m_language->current());
        group->addAction(action);
        // Queued: the old window goes away after its menu has finished handling the click.
        connect(action, &QAction::triggered, this, [this, code = option.code] { switchTo(code); },
                Qt::QueuedConnection);
    }
}

void LanguageSwitcher::switchTo(const QString &code)
{
    if (code == m_language->current() || !Language::isAvailable(code))
        return;
    std::unique_ptr<MainWindow> old = std::move(m_window);
    const bool visible = old->isVisible();
    const bool running = old->controller()->isRunning();
    const long long stopAt = old->stopAt();
    old->saveSettings();
    old->controller()->shutdown();

    Language::remember(code);
    m_language->install(code);
    createWindow(); // restores what the old window saved
    if (stopAt > 0) {
        m_window->setStopAt(stopAt);
        m_window->applyConfig(m_window->controlPanel()->config());
    }
    if (running)
        m_window->controller()->start();
    // Show the new window before hiding the old one: with no window visible in between, the
    // application does not take the switch for its last window closing.
    if (visible)
        m_window->show();
    old->hide();
    old.release()->deleteLater();
    emit windowReplaced(m_window.get());
}

} // namespace layerlens::ui
