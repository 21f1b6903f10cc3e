#pragma once

#include "core/diagnostics.h"
#include "core/snapshot.h"
#include "ui/dashboardview.h"

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QLabel;
class QListWidget;
class QListWidgetItem;
QT_END_NAMESPACE

namespace layerlens::ui {

/// The problems the core's diagnostics find right now, one row each: what it is, where,
/// since when, and what it means in plain words (built from the kind and the measured
/// numbers, so it can be translated; the core's English message is the tooltip). A divergence
/// also gets a red banner on top: training has stopped there.
class DiagnosticsView : public DashboardView {
    Q_OBJECT
public:
    explicit DiagnosticsView(QWidget *parent = nullptr);

    void showFrame(const Frame &frame) override;
    QString viewId() const override { return QStringLiteral("diagnostics"); }

    /// Rows in the list: one per active diagnostic, a divergence first.
    int rowCount() const;
    /// The text of row `row` without markup: "Saturation — layer 3, since step 120", a line
    /// break, and the explanation.
    QString rowText(int row) const;
    /// The tooltip of row `row`: the core's English message.
    QString rowToolTip(int row) const;
    /// Whether the divergence banner is up.
    bool divergenceShown() const;

    /// The translated name of a kind ("Vanishing gradients", ...).
    static QString kindName(core::DiagnosticKind kind);
    /// One line in plain words on what `diagnostic` means, from its kind and numbers; `snapshot`
    /// supplies context (depth, widths, what diverged).
    static QString explanation(const core::Diagnostic &diagnostic, const core::Snapshot &snapshot);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitRows();

    struct Row {
        QListWidgetItem *item = nullptr;
        QLabel *icon = nullptr;
        QLabel *text = nullptr;
        QString plainText;
        bool critical = false; // the icon shown (set only when it changes: the style draws it anew)
        int iconSize = 0;      // its size; 0 before the first
    };

    QLabel *m_banner = nullptr;
    QLabel *m_calm = nullptr;
    QListWidget *m_list = nullptr;
    std::vector<Row> m_rows;   // one per list item, reused from frame to frame
    std::shared_ptr<const core::Snapshot> m_shown;
};

} // namespace layerlens::ui
