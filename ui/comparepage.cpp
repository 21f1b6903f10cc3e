#include "ui/comparepage.h"

#include "ui/activationhistogramview.h"
#include "ui/comparecurvesview.h"
#include "ui/comparelayerprofileview.h"
#include "ui/gradientflowview.h"
#include "ui/trainingcurvesview.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace layerlens::ui {

namespace {

using Side = CompareSession::Side;
constexpr std::array kSides{Side::A, Side::B};
constexpr int kSpacing = 6;

int sideIndex(Side side) { return static_cast<int>(side); }

QLayout *tightLayout(QLayout *layout)
{
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(kSpacing);
    return layout;
}

} // namespace

ComparePage::ComparePage(CompareSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("comparePage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(4);
    layout->addWidget(buildHeader());

    auto *titles = new QHBoxLayout;
    tightLayout(titles);
    for (const Side side : kSides) {
        auto *title = new QLabel(this);
        title->setObjectName(side == Side::A ? QStringLiteral("compareTitleA") : QStringLiteral("compareTitleB"));
        title->setTextFormat(Qt::RichText);
        title->setWordWrap(true); // a long config wraps instead of being cut
        title->setContentsMargins(6, 0, 6, 0);
        m_titles[static_cast<std::size_t>(side)] = title;
        titles->addWidget(title, 1);
    }
    layout->addLayout(titles);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("compareError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #B00020;"));
    m_error->setContentsMargins(6, 0, 6, 0);
    m_error->hide();
    layout->addWidget(m_error);

    m_body = new QStackedWidget(this);
    m_body->addWidget(buildSideBySide());
    m_body->addWidget(buildOverlaid());
    layout->addWidget(m_body, 1);

    m_overlaidRedraw.setSingleShot(true);
    m_overlaidRedraw.setInterval(0);
    connect(&m_overlaidRedraw, &QTimer::timeout, this, &ComparePage::redrawOverlaid);
    connect(m_session, &CompareSession::frameReady, this, &ComparePage::onFrame);
    connect(m_session, &CompareSession::pairChanged, this, &ComparePage::showPair);
    connect(m_session, &CompareSession::configsChanged, this, [this] { m_error->hide(); });
    connect(m_session, &CompareSession::errorOccurred, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
    });
    connect(m_session, &CompareSession::openChanged, this, [this] { updateTitles(); });

    showRowKinds();
    placeViews();
    showPair();
    updateTitles();
}

QWidget *ComparePage::buildHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(6, 0, 6, 0);
    row->setSpacing(kSpacing);

    m_pairBox = new QComboBox(header);
    m_pairBox->setObjectName(QStringLiteral("comparePair"));
    m_pairBox->setToolTip(tr("What run B changes relative to run A; everything else, data, seed and "
                             "schedule included, is A's (the settings panel edits A)"));
    for (const ComparePair &pair : builtInPairs())
        m_pairBox->addItem(pair.label, pair.id);
    // A lesson's long name must not widen the page: the closed box shows its start, the list all.
    m_pairBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pairBox->setMinimumContentsLength(20);
    auto *pairLabel = new QLabel(tr("&B differs by:"), header);
    pairLabel->setBuddy(m_pairBox);
    row->addWidget(pairLabel);
    row->addWidget(m_pairBox);
    connect(m_pairBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating || index < 0 || index >= static_cast<int>(builtInPairs().size()))
            return;
        m_session->setPair(builtInPairs()[static_cast<std::size_t>(index)]);
    });
    row->addSpacing(12);

    m_sideBySideButton = new QRadioButton(tr("Side &by side"), header);
    m_sideBySideButton->setObjectName(QStringLiteral("compareSideBySide"));
    m_overlaidButton = new QRadioButton(tr("&Overlaid"), header);
    m_overlaidButton->setObjectName(QStringLiteral("compareOverlaid"));
    m_sideBySideButton->setChecked(true);
    auto *group = new QButtonGroup(header);
    group->addButton(m_sideBySideButton);
    group->addButton(m_overlaidButton);
    row->addWidget(m_sideBySideButton);
    row->addWidget(m_overlaidButton);
    connect(m_overlaidButton, &QRadioButton::toggled, this, [this](bool overlaid) {
        if (!m_updating)
            setArrangement(overlaid ? Arrangement::Overlaid : Arrangement::SideBySide);
    });
    row->addSpacing(12);

    m_rowChoice = new QWidget(header);
    auto *rows = new QHBoxLayout(m_rowChoice);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(kSpacing);
    auto *rowsLabel = new QLabel(tr("Rows:"), m_rowChoice);
    rows->addWidget(rowsLabel);
    for (int r = 0; r < kRows; ++r) {
        auto *box = new QComboBox(m_rowChoice);
        box->setObjectName(r == 0 ? QStringLiteral("compareUpperRow") : QStringLiteral("compareLowerRow"));
        box->setToolTip(r == 0 ? tr("The view in the upper row, for A and for B") : tr("The view in the lower row, for A and for B"));
        box->addItems({tr("Activations"), tr("Gradient flow"), tr("Training curves")});
        m_rowBoxes[static_cast<std::size_t>(r)] = box;
        rows->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, [this, r](int index) {
            if (!m_updating)
                setRowKind(r, static_cast<ViewKind>(index));
        });
    }
    row->addWidget(m_rowChoice);
    row->addStretch(1);
    return header;
}

QWidget *ComparePage::buildSideBySide()
{
    m_sideBySide = new QWidget(this);
    auto *grid = new QGridLayout(m_sideBySide);
    tightLayout(grid);
    for (int r = 0; r < kRows; ++r)
        for (const Side side : kSides) {
            auto *slot = new QWidget(m_sideBySide);
            tightLayout(new QVBoxLayout(slot));
            m_slots[static_cast<std::size_t>(r)][static_cast<std::size_t>(side)] = slot;
            grid->addWidget(slot, r, sideIndex(side));
        }
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    for (const Side side : kSides) {
        auto &views = m_views[static_cast<std::size_t>(side)];
        views[static_cast<std::size_t>(ViewKind::Activations)] = new ActivationHistogramView(m_sideBySide);
        views[static_cast<std::size_t>(ViewKind::Gradients)] = new GradientFlowView(m_sideBySide);
        views[static_cast<std::size_t>(ViewKind::Curves)] = new TrainingCurvesView(m_sideBySide);
        for (DashboardView *view : views)
            view->hide();
    }
    return m_sideBySide;
}

QWidget *ComparePage::buildOverlaid()
{
    auto *page = new QWidget(this);
    auto *grid = new QGridLayout(page);
    tightLayout(grid);
    m_overlaid = {new CompareCurvesView(CompareCurvesView::Curve::TrainLoss, page),
                  new CompareCurvesView(CompareCurvesView::Curve::TestAccuracy, page),
                  new CompareLayerProfileView(CompareLayerProfileView::Quantity::GradientNorm, page),
                  new CompareLayerProfileView(CompareLayerProfileView::Quantity::ActivationStd, page)};
    for (int i = 0; i < m_overlaid.size(); ++i)
        grid->addWidget(m_overlaid[i], i / 2, i % 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    return page;
}

QList<DashboardView *> ComparePage::views(CompareSession::Side side) const
{
    const auto &views = m_views[static_cast<std::size_t>(side)];
    return {views.begin(), views.end()};
}

void ComparePage::setArrangement(Arrangement arrangement)
{
    m_arrangement = arrangement;
    {
        const QScopedValueRollback guard(m_updating, true);
        (arrangement == Arrangement::Overlaid ? m_overlaidButton : m_sideBySideButton)->setChecked(true);
    }
    m_body->setCurrentIndex(arrangement == Arrangement::Overlaid ? 1 : 0);
    m_rowChoice->setVisible(arrangement == Arrangement::SideBySide);
    updateTitles();
    redrawAll();
}

void ComparePage::setRowKind(int row, ViewKind kind)
{
    auto &rows = m_rowKinds;
    const auto r = static_cast<std::size_t>(row), other = 1 - r;
    if (rows[other] == kind)
        rows[other] = rows[r];
    rows[r] = kind;
    showRowKinds();
    placeViews();
    redrawAll();
}

void ComparePage::showRowKinds()
{
    const QScopedValueRollback guard(m_updating, true);
    for (std::size_t i = 0; i < m_rowKinds.size(); ++i)
        m_rowBoxes[i]->setCurrentIndex(static_cast<int>(m_rowKinds[i]));
}

void ComparePage::placeViews()
{
    for (const Side side : kSides)
        for (std::size_t kind = 0; kind < 3; ++kind) {
            DashboardView *view = m_views[static_cast<std::size_t>(side)][kind];
            const auto found = std::find(m_rowKinds.begin(), m_rowKinds.end(), static_cast<ViewKind>(kind));
            if (found == m_rowKinds.end()) {
                view->hide();
                continue;
            }
            QWidget *slot = m_slots[static_cast<std::size_t>(found - m_rowKinds.begin())][static_cast<std::size_t>(side)];
            if (view->parentWidget() != slot) {
                if (QLayout *previous = view->parentWidget()->layout())
                    previous->removeWidget(view);
                slot->layout()->addWidget(view);
            }
            view->show();
        }
}

void ComparePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    redrawAll(); // hidden, the views skipped frames
}

void ComparePage::onFrame(CompareSession::Side side, const std::shared_ptr<const Frame> &frame)
{
    updateTitles();
    if (!isVisible())
        return;
    if (m_arrangement == Arrangement::Overlaid) {
        if (!m_overlaidRedraw.isActive())
            m_overlaidRedraw.start();
        return;
    }
    for (DashboardView *view : m_views[static_cast<std::size_t>(side)])
        if (view->isVisible())
            view->showFrame(*frame);
}

void ComparePage::redrawAll()
{
    if (m_arrangement == Arrangement::Overlaid) {
        redrawOverlaid();
        return;
    }
    for (const Side side : kSides)
        if (const auto frame = m_session->latestFrame(side))
            for (DashboardView *view : m_views[static_cast<std::size_t>(side)])
                if (view->isVisible())
                    view->showFrame(*frame);
}

void ComparePage::redrawOverlaid()
{
    const auto a = m_session->latestFrame(Side::A), b = m_session->latestFrame(Side::B);
    // The legend names only what differs: "A: BN off", "B: BN on".
    QString nameA = tr("A"), nameB = tr("B");
    if (a && b) {
        const std::vector<std::string> keys = differingKeys(a->config, b->config);
        if (keys.empty()) {
            nameB = tr("B (same config)");
        } else {
            nameA = tr("A: %1").arg(describeKeys(a->config, keys));
            nameB = tr("B: %1").arg(describeKeys(b->config, keys));
        }
    }
    for (ComparisonView *view : m_overlaid) {
        view->setSideNames(nameA, nameB);
        if (view->isVisible())
            view->showFrames(a, b);
    }
}

QString ComparePage::titleText(CompareSession::Side side) const
{
    return m_titles[static_cast<std::size_t>(side)]->text();
}

void ComparePage::updateTitles()
{
    const std::array frames{m_session->latestFrame(Side::A), m_session->latestFrame(Side::B)};
    // What a frame says is what that side really runs; before the first frame, what was sent.
    std::array<core::RunConfig, 2> configs;
    for (const Side side : kSides) {
        const auto i = static_cast<std::size_t>(side);
        configs[i] = frames[i] ? frames[i]->config : m_session->config(side);
    }
    const std::vector<std::string> keys = differingKeys(configs[0], configs[1]);
    for (const Side side : kSides) {
        const auto i = static_cast<std::size_t>(side);
        const bool a = side == Side::A;
        QString name = (a ? tr("A: %1") : tr("B: %1")).arg(describeConfig(configs[i], keys));
        if (!a && keys.empty())
            name += tr(" (same as A)");
        if (m_arrangement == Arrangement::Overlaid)
            name += a ? tr(" — solid line") : tr(" — dashed line");
        QString status;
        if (!m_session->isOpen()) {
            status = tr("not running");
        } else if (!frames[i]) {
            status = tr("building the network…");
        } else {
            const core::Snapshot &s = *frames[i]->snapshot;
            status = tr("step %1 · loss %2 · accuracy %3%")
                         .arg(s.step)
                         .arg(s.trainLoss, 0, 'g', 3)
                         .arg(100.0 * s.trainAcc, 0, 'f', 1);
            if (s.testStep >= 0)
                status += tr(" · test %1%").arg(100.0 * s.testAcc, 0, 'f', 1);
            if (s.diverged)
                status += QStringLiteral(" · <b>") + tr("DIVERGED at step %1").arg(s.divergedAt) + QStringLiteral("</b>");
        }
        const QString text = QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span><br>%3")
                                 .arg(ComparisonView::sideColor(a ? ComparisonView::kSideA : ComparisonView::kSideB).name(),
                                      name.toHtmlEscaped(), status);
        if (m_titles[i]->text() != text)
            m_titles[i]->setText(text);
    }
}

void ComparePage::showPair()
{
    const QScopedValueRollback guard(m_updating, true);
    const ComparePair &pair = m_session->pair();
    const int builtIn = static_cast<int>(builtInPairs().size());
    int index = pair.id == QLatin1String("custom") ? -1 : m_pairBox->findData(pair.id);
    if (index < 0 || index >= builtIn) {
        // A lesson's pair: one more entry after the built-in ones, named by the lesson.
        if (m_pairBox->count() == builtIn)
            m_pairBox->addItem(QString());
        index = builtIn;
        m_pairBox->setItemText(index, pair.label);
        m_pairBox->setItemData(index, pair.id);
        m_pairBox->setItemData(index, pair.label, Qt::ToolTipRole);
    } else if (m_pairBox->count() > builtIn) {
        m_pairBox->removeItem(builtIn);
    }
    m_pairBox->setCurrentIndex(index);
}

} // namespace layerlens::ui
