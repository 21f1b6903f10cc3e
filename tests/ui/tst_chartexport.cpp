// Exported images are right: PNG of the requested pixel size, not blank and in the series'
// colours; SVG valid and made of the series' paths; PDF with one page per view; atomic writes
// that leave no file behind on failure; views draw every point of their lines while exported.

#include "ui/activationhistogramview.h"
#include "ui/chartexport.h"
#include "ui/chartexportactions.h"
#include "ui/diagnosticsview.h"
#include "ui/gradientflowview.h"
#include "ui/weightsupdatesview.h"
#include "viewtestdata.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QToolButton>
#include <QFile>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QGraphicsRectItem>
#include <QtTest>

#include <cmath>
#include <functional>
#include <memory>
#include <algorithm>

using namespace layerlens;
using namespace layerlens::ui;
using namespace viewtestdata;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Standard deviation of the grey level over all pixels: 0 for a blank image.
double greyStd(const QImage &image)
{
    double sum = 0.0, sumSq = 0.0;
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x) {
            sum += row[x];
            sumSq += double(row[x]) * row[x];
        }
    }
    const double n = double(grey.width()) * grey.height();
    return std::sqrt(std::max(0.0, sumSq / n - (sum / n) * (sum / n)));
}

// Pixels within a small distance of `colour`.
int pixelsOf(const QImage &image, const QColor &colour)
{
    int count = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x) {
            const QColor c = QColor::fromRgb(rgb.pixel(x, y));
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                    std::abs(c.blue() - colour.blue()) <= 12)
                ++count;
        }
    return count;
}

// A view whose chart holds an item that notes, each time it is painted, whether the view had
// been asked to draw every point: exports must ask before they paint and stop asking after.
class ProbeView : public DashboardView {
public:
    ProbeView() : DashboardView(QStringLiteral("probe"))
    {
        m_chart = new QChart;
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(makeChartView(m_chart, this));
        new Item(this, m_chart);
    }
    void showFrame(const Frame &) override {}
    QString viewId() const override { return QStringLiteral("probe"); }
    QList<QChart *> charts() const override { return {m_chart}; }

    std::vector<bool> calls;          // everyPoint() at each change, in order
    std::vector<bool> paintedWithAll; // everyPoint() at each paint of the item

protected:
    void everyPointChanged() override { calls.push_back(everyPoint()); }

private:
    class Item : public QGraphicsRectItem {
    public:
        Item(ProbeView *view, QGraphicsItem *parent) : QGraphicsRectItem(10, 10, 50, 50, parent), m_view(view) {}
        void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override
        {
            m_view->paintedWithAll.push_back(m_view->everyPoint());
            QGraphicsRectItem::paint(painter, option, widget);
        }

    private:
        ProbeView *m_view;
    };
    QChart *m_chart = nullptr;
};

} // namespace

class TestChartExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void formatNames();
    void captionNamesTheSettings();
    void pngHasTheRequestedSize_data();
    void pngHasTheRequestedSize();
    void pngShowsTheChart();
    void svgIsValidAndHoldsTheSeries();
    void pdfHasOnePagePerView();
    void dashboardImageHoldsEveryView();
    void widgetWithoutChartsExportsToo();
    void unwritablePathLeavesNoFile_data();
    void unwritablePathLeavesNoFile();
    void existingFileIsReplacedWhole();
    void viewMenuSavesAndCopies();
    void viewMenuGoesWithTheView();
    void failedSaveIsReportedAndLeavesNoFile();
    void dashboardActionSkipsHiddenViews();
    void exportsDrawEveryPoint();

private:
    std::unique_ptr<GradientFlowView> m_gradients;
    QTemporaryDir m_dir;
};

void TestChartExport::exportsDrawEveryPoint()
{
    ProbeView probe;
    probe.resize(300, 200);
    probe.show();
    QVERIFY(QTest::qWaitForWindowExposed(&probe));
    QCoreApplication::processEvents();
    const std::vector<std::pair<QString, std::function<void()>>> exports{
        {QStringLiteral("png"), [&] { exportView(&probe, m_dir.filePath(QStringLiteral("p.png")), ExportFormat::Png, ExportOptions{}); }},
        {QStringLiteral("svg"), [&] { exportView(&probe, m_dir.filePath(QStringLiteral("p.svg")), ExportFormat::Svg, ExportOptions{}); }},
        {QStringLiteral("pdf"), [&] { exportView(&probe, m_dir.filePath(QStringLiteral("p.pdf")), ExportFormat::Pdf, ExportOptions{}); }},
        {QStringLiteral("clipboard image"), [&] { renderView(&probe, ExportOptions{}); }},
        {QStringLiteral("dashboard"), [&] {
             exportDashboard({&probe, m_gradients.get()}, m_dir.filePath(QStringLiteral("d.png")), ExportFormat::Png, ExportOptions{});
         }},
    };
    for (const auto &[name, run] : exports) {
        probe.calls.clear();
        probe.paintedWithAll.clear();
        run();
        QVERIFY2(probe.calls == std::vector<bool>({true, false}), qPrintable(name));
        QVERIFY2(!probe.paintedWithAll.empty(), qPrintable(name));
        QVERIFY2(std::all_of(probe.paintedWithAll.begin(), probe.paintedWithAll.end(), [](bool all) { return all; }),
                 qPrintable(name));
    }
    // A failed export stops asking too.
    probe.calls.clear();
    QVERIFY_THROWS_EXCEPTION(ExportError, exportView(&probe, m_dir.filePath(QStringLiteral("missing/dir/p.png")),
                                                     ExportFormat::Png, ExportOptions{}));
    QVERIFY(probe.calls == std::vector<bool>({true, false}));
}

void TestChartExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not the user's
    QSettings().clear();
}

void TestChartExport::init()
{
    QVERIFY(m_dir.isValid());
    m_gradients = std::make_unique<GradientFlowView>();
    auto snapshot = collapsingTanh(6);
    m_gradients->resize(640, 300);
    m_gradients->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_gradients.get()));
    m_gradients->showFrame(frameOf(snapshot, historyOf(*snapshot, 20)));
    QCoreApplication::processEvents();
}

void TestChartExport::formatNames()
{
    QCOMPARE(exportFormatFromName(QStringLiteral("PNG")), std::optional(ExportFormat::Png));
    QCOMPARE(exportFormatFromName(QStringLiteral("svg")), std::optional(ExportFormat::Svg));
    QCOMPARE(exportFormatOfPath(QStringLiteral("/a/b/gradients.pdf")), std::optional(ExportFormat::Pdf));
    QVERIFY(!exportFormatFromName(QStringLiteral("jpeg")));
    QVERIFY(!exportFormatOfPath(QStringLiteral("noext")));
    for (ExportFormat f : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf})
        QCOMPARE(exportFormatFromName(exportFormatName(f)), std::optional(f));
}

void TestChartExport::captionNamesTheSettings()
{
    core::RunConfig config;
    config.network.activation = core::ActivationKind::Tanh;
    config.network.init.kind = core::InitKind::Normal;
    config.network.init.std = 0.01;
    config.network.batchNorm = true;
    config.network.depth = 10;
    config.network.widths = {500};
    config.seed = 7;
    const QString caption = exportCaption(config, 1200);
    for (const char *part : {"tanh", "normal σ=0.01", "BatchNorm on", "depth 10 × width 500", "step 1200", "seed 7"})
        QVERIFY2(caption.contains(QString::fromUtf8(part)), qPrintable(caption + " lacks " + part));
    config.network.batchNorm = false;
    QVERIFY(exportCaption(config, 0).contains(QStringLiteral("BatchNorm off")));
}

void TestChartExport::pngHasTheRequestedSize_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("caption");
    QTest::newRow("1x") << 1.0 << false;
    QTest::newRow("2x") << 2.0 << false;
    QTest::newRow("4x with caption") << 4.0 << true;
    QTest::newRow("3x with caption") << 3.0 << true;
}

void TestChartExport::pngHasTheRequestedSize()
{
    QFETCH(double, scale);
    QFETCH(bool, caption);
    ExportOptions options;
    options.scale = scale;
    options.caption = caption ? QStringLiteral("tanh · normal σ=0.01 · step 100") : QString();
    const QString path = m_dir.filePath(QStringLiteral("gradients.png"));
    exportView(m_gradients.get(), path, ExportFormat::Png, options);
    const QImage image(path);
    QVERIFY(!image.isNull());
    // The two charts side by side fill the view: 640 × 300 logical pixels, plus a caption line.
    const QImage plain = renderView(m_gradients.get(), ExportOptions{});
    QCOMPARE(plain.size(), QSize(640, 300));
    QCOMPARE(image.width(), qRound(640 * scale));
    if (caption)
        QVERIFY(image.height() > qRound(300 * scale) + 10 * scale);
    else
        QCOMPARE(image.height(), qRound(300 * scale));
}

void TestChartExport::pngShowsTheChart()
{
    const QString path = m_dir.filePath(QStringLiteral("gradients.png"));
    ExportOptions options;
    options.scale = 2.0;
    exportView(m_gradients.get(), path, ExportFormat::Png, options);
    const QImage image(path);
    QVERIFY(greyStd(image) > 20.0);
    // The bars of layer 1 and 2 in their colours: a bar is tens of pixels of solid colour.
    QColor fill0 = DashboardView::seriesColor(0), fill1 = DashboardView::seriesColor(1);
    QVERIFY2(pixelsOf(image, fill0) + pixelsOf(image, fill1) > 200,
             qPrintable(QString::number(pixelsOf(image, fill0))));
    // A blank white image of the same size would fail both checks.
    QImage blank(image.size(), QImage::Format_RGB32);
    blank.fill(Qt::white);
    QCOMPARE(greyStd(blank), 0.0);
    QCOMPARE(pixelsOf(blank, fill0), 0);
}

void TestChartExport::svgIsValidAndHoldsTheSeries()
{
    const QString path = m_dir.filePath(QStringLiteral("gradients.svg"));
    exportView(m_gradients.get(), path, ExportFormat::Svg, ExportOptions{});
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    // Its user units are the view's pixels (the physical size is written in mm, which renderers
    // convert at different resolutions).
    QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 640, 300));
    const QString svg = QString::fromUtf8(readAll(path));
    // Vector output: paths, and the colours of the six layers' lines and bars.
    static const QRegularExpression shape(QStringLiteral("<(path|polyline|polygon)\\b"));
    QVERIFY2(svg.count(shape) >= 12, qPrintable(QString::number(svg.count(shape))));
    for (int layer = 0; layer < 6; ++layer)
        QVERIFY2(svg.contains(DashboardView::seriesColor(layer).name(), Qt::CaseInsensitive),
                 qPrintable(DashboardView::seriesColor(layer).name()));
    QVERIFY(svg.contains(QStringLiteral("Gradient norm")));
}

void TestChartExport::pdfHasOnePagePerView()
{
    const QString single = m_dir.filePath(QStringLiteral("gradients.pdf"));
    exportView(m_gradients.get(), single, ExportFormat::Pdf, ExportOptions{});
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    const QByteArray one = readAll(single);
    QVERIFY(one.startsWith("%PDF-"));
    QCOMPARE(QString::fromLatin1(one).count(page), 1);

    WeightsUpdatesView weights;
    DiagnosticsView diagnostics;
    for (DashboardView *v : std::initializer_list<DashboardView *>{&weights, &diagnostics}) {
        v->resize(500, 260);
        v->show();
        auto snapshot = collapsingTanh(4);
        v->showFrame(frameOf(snapshot, historyOf(*snapshot, 5)));
    }
    QCoreApplication::processEvents();
    const QString dashboard = m_dir.filePath(QStringLiteral("dashboard.pdf"));
    exportDashboard({m_gradients.get(), &weights, &diagnostics}, dashboard, ExportFormat::Pdf, ExportOptions{});
    const QByteArray three = readAll(dashboard);
    QVERIFY(three.startsWith("%PDF-"));
    QCOMPARE(QString::fromLatin1(three).count(page), 3);
}

void TestChartExport::dashboardImageHoldsEveryView()
{
    ActivationHistogramView activations;
    activations.resize(700, 320);
    activations.show();
    auto snapshot = collapsingTanh(6);
    activations.showFrame(frameOf(snapshot, historyOf(*snapshot, 5)));
    QCoreApplication::processEvents();
    const QString path = m_dir.filePath(QStringLiteral("dashboard.png"));
    exportDashboard({&activations, m_gradients.get()}, path, ExportFormat::Png, ExportOptions{});
    const QImage image(path);
    // Two columns: 700 + gap + 640 wide, as high as the taller view.
    QVERIFY(image.width() >= 700 + 640);
    QVERIFY(image.height() >= 300);
    const QString svgPath = m_dir.filePath(QStringLiteral("dashboard.svg"));
    exportDashboard({&activations, m_gradients.get()}, svgPath, ExportFormat::Svg, ExportOptions{});
    QSvgRenderer renderer(svgPath);
    QVERIFY(renderer.isValid());
    const QString svg = QString::fromUtf8(readAll(svgPath));
    QVERIFY(svg.contains(QStringLiteral("Gradient norm")) && svg.contains(QStringLiteral("per layer")));
}

void TestChartExport::widgetWithoutChartsExportsToo()
{
    DiagnosticsView diagnostics;
    diagnostics.resize(400, 200);
    diagnostics.show();
    auto snapshot = collapsingTanh(3);
    diagnostics.showFrame(frameOf(snapshot, historyOf(*snapshot, 2)));
    QCoreApplication::processEvents();
    const QImage image = renderView(&diagnostics, ExportOptions{});
    QCOMPARE(image.size(), QSize(400, 200));
    QVERIFY(greyStd(image) > 1.0); // its text is drawn
}

void TestChartExport::unwritablePathLeavesNoFile_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<int>("format");
    QTest::newRow("missing folder, png") << QStringLiteral("no/such/folder/a.png") << int(ExportFormat::Png);
    QTest::newRow("missing folder, svg") << QStringLiteral("missing/a.svg") << int(ExportFormat::Svg);
    QTest::newRow("missing folder, pdf") << QStringLiteral("missing/a.pdf") << int(ExportFormat::Pdf);
    QTest::newRow("a folder") << QStringLiteral("folder") << int(ExportFormat::Png);
}

void TestChartExport::unwritablePathLeavesNoFile()
{
    QFETCH(QString, relative);
    QFETCH(int, format);
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("folder")));
    const QString path = m_dir.filePath(relative);
    const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    try {
        exportView(m_gradients.get(), path, static_cast<ExportFormat>(format), ExportOptions{});
        QFAIL("no error");
    } catch (const ExportError &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(path), qPrintable(message));
    }
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
    QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("folder"))).isDir());
}

void TestChartExport::existingFileIsReplacedWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replace.png"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(100000, 'x'));
    }
    exportView(m_gradients.get(), path, ExportFormat::Png, ExportOptions{});
    const QImage image(path);
    QCOMPARE(image.size(), QSize(640, 300));
    QVERIFY(!readAll(path).contains(QByteArray(64, 'x')));
    const QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(left, QStringList{QStringLiteral("replace.png")}); // no temporary file left
}

void TestChartExport::viewMenuGoesWithTheView()
{
    // The menu belongs to the view that shows it: deleted with the view, window or not.
    auto view = std::make_unique<WeightsUpdatesView>();
    ChartExportActions actions({view.get()}, nullptr);
    QPointer<QMenu> menu = view->exportMenu();
    QVERIFY(menu);
    view.reset();
    QVERIFY(menu.isNull());
}

void TestChartExport::viewMenuSavesAndCopies()
{
    ChartExportActions actions({m_gradients.get()}, nullptr);
    QMenu *menu = m_gradients->exportMenu();
    QVERIFY(menu);
    auto *save = menu->findChild<QAction *>(QStringLiteral("actionSave_gradients"));
    auto *copy = menu->findChild<QAction *>(QStringLiteral("actionCopy_gradients"));
    QVERIFY(save && copy);
    // The corner button offers the same menu.
    auto *button = m_gradients->findChild<QToolButton *>(QStringLiteral("exportButton"));
    QVERIFY(button && button->isVisible() && button->menu() == menu);

    QString asked, filters;
    actions.setFileChooser([&](const QString &, const QString &suggestion, const QString &filter) {
        asked = suggestion;
        filters = filter;
        return m_dir.filePath(QStringLiteral("chosen")); // no suffix: a PNG
    });
    actions.setPngScale(3);
    actions.setCaptionEnabled(true);
    actions.setCaptionSource([] { return QStringLiteral("relu · he_normal · step 5"); });
    QSignalSpy spy(&actions, &ChartExportActions::exported);
    save->trigger();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.front().front().toString(), m_dir.filePath(QStringLiteral("chosen.png")));
    QVERIFY(asked.endsWith(QStringLiteral("gradients.png")));
    QVERIFY(filters.contains(QStringLiteral("*.svg")) && filters.contains(QStringLiteral("*.pdf")));
    const QImage image(m_dir.filePath(QStringLiteral("chosen.png")));
    QCOMPARE(image.width(), 3 * 640);
    QVERIFY(image.height() > 3 * 300); // the caption line under the charts
    // The next dialog starts in the folder of the last export.
    save->trigger();
    QCOMPARE(QFileInfo(asked).absolutePath(), QFileInfo(m_dir.path()).absoluteFilePath());

    QGuiApplication::clipboard()->clear();
    actions.setCaptionEnabled(false);
    actions.setPngScale(1);
    copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(640, 300));
}

void TestChartExport::failedSaveIsReportedAndLeavesNoFile()
{
    ChartExportActions actions({m_gradients.get()}, nullptr);
    const QString path = m_dir.filePath(QStringLiteral("gone/a.svg"));
    actions.setFileChooser([&](const QString &, const QString &, const QString &) { return path; });
    QStringList warnings;
    actions.setWarner([&](const QString &message) { warnings << message; });
    QSignalSpy spy(&actions, &ChartExportActions::exported);
    QVERIFY(!actions.saveView(m_gradients.get()));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.front().contains(path) && warnings.front().contains(QStringLiteral("does not exist")),
             qPrintable(warnings.front()));
    QCOMPARE(spy.size(), 0);
    QVERIFY(!QFileInfo::exists(path));
    // Cancelling the dialog writes nothing and says nothing.
    actions.setFileChooser([](const QString &, const QString &, const QString &) { return QString(); });
    QVERIFY(!actions.saveView(m_gradients.get()));
    QCOMPARE(warnings.size(), 1);
}

void TestChartExport::dashboardActionSkipsHiddenViews()
{
    WeightsUpdatesView weights;
    DiagnosticsView diagnostics;
    for (DashboardView *v : std::initializer_list<DashboardView *>{&weights, &diagnostics}) {
        v->resize(500, 260);
        v->show();
    }
    ChartExportActions actions({m_gradients.get(), &weights, &diagnostics}, nullptr);
    int prepared = 0;
    actions.setPrepareDashboard([&] { ++prepared; });
    const QString path = m_dir.filePath(QStringLiteral("all.pdf"));
    actions.setFileChooser([&](const QString &, const QString &, const QString &) { return path; });
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    actions.exportDashboardAction()->trigger();
    QCOMPARE(prepared, 1);
    QCOMPARE(QString::fromLatin1(readAll(path)).count(page), 3);
    weights.hide(); // hidden from the View menu
    QVERIFY(actions.saveDashboard());
    QCOMPARE(QString::fromLatin1(readAll(path)).count(page), 2);
}

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
