#pragma once

#include "ui/comparesession.h"

#include <QList>
#include <QTimer>
#include <QWidget>

#include <array>
#include <memory>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QRadioButton;
class QStackedWidget;
QT_END_NAMESPACE

namespace layerlens::ui {

class ComparisonView;
class DashboardView;

/// The central page of compare mode, drawn from a CompareSession: a header to choose how B
/// differs from A (objectName "comparePair") and the arrangement, a title per run ("A: tanh ·
/// xavier_normal · BN off" with its step, loss and accuracy, in the run's colour), and either
///   - side by side: A's views on the left, B's on the right, the same view in both columns of
///     a row, two rows whose view is chosen in the header (activation distributions, gradient
///     flow, training curves; each side has one instance of each view), or
///   - overlaid: four charts with A (solid) and B (dashed) in each: two training curves and two
///     per-layer profiles, each with a switch of the quantity.
/// Views that are not shown skip frames and are brought up to date when shown.
class ComparePage : public QWidget {
    Q_OBJECT
public:
    enum class Arrangement { SideBySide, Overlaid };
    /// The views of the side-by-side arrangement, in the order of views().
    enum class ViewKind { Activations, Gradients, Curves };
    static constexpr int kRows = 2;

    explicit ComparePage(CompareSession *session, QWidget *parent = nullptr);

    CompareSession *session() const { return m_session; }
    Arrangement arrangement() const { return m_arrangement; }
    void setArrangement(Arrangement arrangement);
    /// The view shown in row `row` (0: upper) of the side-by-side arrangement.
    ViewKind rowKind(int row) const { return m_rowKinds[static_cast<std::size_t>(row)]; }
    /// Shows `kind` in row `row`; the other row takes this row's view when it showed `kind`.
    void setRowKind(int row, ViewKind kind);
    /// The side-by-side views of `side`: one per ViewKind, in that order.
    QList<DashboardView *> views(CompareSession::Side side) const;
    /// The overlaid views: two CompareCurvesView (training loss, test accuracy), then two
    /// CompareLayerProfileView (gradient norm, std of the activations).
    QList<ComparisonView *> overlaidViews() const { return m_overlaid; }
    /// The title of `side` as shown (rich text).
    QString titleText(CompareSession::Side side) const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildSideBySide();
    QWidget *buildOverlaid();
    void onFrame(CompareSession::Side side, const std::shared_ptr<const Frame> &frame);
    void showRowKinds();
    void placeViews();
    void redrawAll();
    void redrawOverlaid();
    void updateTitles();
    void showPair();

    CompareSession *m_session;
    Arrangement m_arrangement = Arrangement::SideBySide;
    std::array<ViewKind, kRows> m_rowKinds{ViewKind::Activations, ViewKind::Gradients};

    QComboBox *m_pairBox = nullptr;
    QRadioButton *m_sideBySideButton = nullptr;
    QRadioButton *m_overlaidButton = nullptr;
    QWidget *m_rowChoice = nullptr;
    std::array<QComboBox *, kRows> m_rowBoxes{};
    std::array<QLabel *, 2> m_titles{};
    QLabel *m_error = nullptr;
    QStackedWidget *m_body = nullptr;
    QWidget *m_sideBySide = nullptr;
    std::array<std::array<QWidget *, 2>, kRows> m_slots{};       // [row][side]
    std::array<std::array<DashboardView *, 3>, 2> m_views{};     // [side][ViewKind]
    QList<ComparisonView *> m_overlaid;
    QTimer m_overlaidRedraw; // A's and B's frames of one event-loop pass redraw once
    bool m_updating = false; // the guard: programmatic changes of the header are not user choices
};

} // namespace layerlens::ui
