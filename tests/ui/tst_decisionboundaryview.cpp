// The decision-boundary view paints the worker's predicted-class field under the data points,
// toggles the test points, shows captioned test images for image data and a hint otherwise,
// and survives malformed fields.

#include "ui/decisionboundaryview.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QScatterSeries>
#include <QValueAxis>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>
#include <random>

using layerlens::core::Snapshot;
using layerlens::ui::DecisionBoundaryView;
using layerlens::ui::DecisionField;
using layerlens::ui::Frame;
using layerlens::ui::ImageSamples;
using Page = DecisionBoundaryView::Page;

namespace {

// 20 columns × 10 rows over [−2, 2] × [−1, 1]: class 1 on the right half, class 0 on the left,
// except the bottom-left cell (row 0 is at yMin), which is class 1. 30 + 20 training points,
// 10 + 5 test points.
std::shared_ptr<DecisionField> knownField()
{
    auto field = std::make_shared<DecisionField>();
    field->xMin = -2.0;
    field->xMax = 2.0;
    field->yMin = -1.0;
    field->yMax = 1.0;
    field->columns = 20;
    field->rows = 10;
    field->predicted.resize(200);
    for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 20; ++c)
            field->predicted[std::size_t(r * 20 + c)] = c >= 10 ? 1 : 0;
    field->predicted[0] = 1;
    auto add = [](std::vector<float> &x, std::vector<float> &y, std::vector<int> &labels, int n, int label) {
        for (int i = 0; i < n; ++i) {
            x.push_back(label == 0 ? -1.5f + 0.02f * i : 1.0f + 0.03f * i);
            y.push_back(-0.5f + 0.03f * i);
            labels.push_back(label);
        }
    };
    add(field->trainX, field->trainY, field->trainLabel, 30, 0);
    add(field->trainX, field->trainY, field->trainLabel, 20, 1);
    add(field->testX, field->testY, field->testLabel, 10, 0);
    add(field->testX, field->testY, field->testLabel, 5, 1);
    return field;
}

// Two concentric noisy circles, inner class 1, and a field from a slightly imperfect circular
// boundary, as a trained network would give.
std::shared_ptr<DecisionField> circlesField()
{
    auto field = std::make_shared<DecisionField>();
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.0f, 0.08f);
    std::uniform_real_distribution<float> angle(0.0f, 6.2831853f);
    auto add = [&](std::vector<float> &x, std::vector<float> &y, std::vector<int> &labels, int n) {
        for (int i = 0; i < n; ++i) {
            const int label = i % 2;
            const float radius = label == 1 ? 0.45f : 1.0f, a = angle(rng);
            x.push_back(radius * std::cos(a) + noise(rng));
            y.push_back(radius * std::sin(a) + noise(rng));
            labels.push_back(label);
        }
    };
    add(field->trainX, field->trainY, field->trainLabel, 400);
    add(field->testX, field->testY, field->testLabel, 100);
    field->xMin = field->yMin = -1.4;
    field->xMax = field->yMax = 1.4;
    field->columns = field->rows = 64;
    for (int r = 0; r < 64; ++r)
        for (int c = 0; c < 64; ++c) {
            const double x = -1.4 + (c + 0.5) * 2.8 / 64, y = -1.4 + (r + 0.5) * 2.8 / 64;
            const double boundary = 0.72 + 0.08 * std::sin(3.0 * std::atan2(y, x));
            field->predicted.push_back(std::hypot(x, y) < boundary ? 1 : 0);
        }
    return field;
}

// 16 images of 8 × 8 pixels (a bar at a position given by the class); samples 3, 7 and 12 are
// predicted wrongly.
std::shared_ptr<ImageSamples> knownImages(int count = 16)
{
    auto images = std::make_shared<ImageSamples>();
    images->rows = images->cols = 8;
    for (int i = 0; i < count; ++i) {
        const int actual = i % 10;
        std::vector<float> pixels(64, 0.0f);
        for (int r = 0; r < 8; ++r)
            pixels[std::size_t(r * 8 + actual % 8)] = 1.0f;
        pixels[std::size_t(i % 64)] = 0.5f;
        images->pixels.push_back(pixels);
        images->actual.push_back(actual);
        images->predicted.push_back(i == 3 || i == 7 || i == 12 ? (actual + 1) % 10 : actual);
    }
    return images;
}

Frame frameWith(std::shared_ptr<const DecisionField> field, std::shared_ptr<const ImageSamples> images = nullptr)
{
    Frame frame;
    frame.snapshot = std::make_shared<Snapshot>();
    frame.field = std::move(field);
    frame.images = std::move(images);
    return frame;
}

QList<QLabel *> visibleCaptions(DecisionBoundaryView &view)
{
    QList<QLabel *> shown;
    for (QLabel *label : view.findChildren<QLabel *>(QStringLiteral("caption")))
        if (label->isVisibleTo(&view))
            shown.append(label);
    return shown;
}

void saveIfAsked(const QPixmap &image, const QString &name)
{
    if (const QString dir = qEnvironmentVariable("LAYERLENS_VIEW_PNG_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + QLatin1Char('/') + name));
    }
}

} // namespace

class TestDecisionBoundaryView : public QObject {
    Q_OBJECT
private slots:
    void identity();
    void hintWithoutFieldOrImages();
    void fieldImageHasClassColours();
    void pointsPerClassAndAxes();
    void testPointsToggle();
    void fieldIsDrawnBehindPoints();
    void malformedFieldDoesNotCrash();
    void fewerClassesRemovesSeries();
    void imageGrid();
    void switchesPages();
    void renders();
};

void TestDecisionBoundaryView::identity()
{
    DecisionBoundaryView view;
    QCOMPARE(view.viewId(), QStringLiteral("boundary"));
    QCOMPARE(view.title(), QStringLiteral("Decision boundary"));
    QVERIFY(view.findChild<QCheckBox *>(QStringLiteral("showTest")));
}

void TestDecisionBoundaryView::hintWithoutFieldOrImages()
{
    DecisionBoundaryView view;
    view.showFrame(frameWith(nullptr));
    QCOMPARE(view.page(), Page::Hint);
    auto *hint = view.findChild<QLabel *>(QStringLiteral("hint"));
    QVERIFY(hint);
    QCOMPARE(hint->text(), QStringLiteral("The decision boundary is drawn for 2-D data sets."));
    QVERIFY(view.charts().isEmpty());
}

void TestDecisionBoundaryView::fieldImageHasClassColours()
{
    DecisionBoundaryView view;
    view.showFrame(frameWith(knownField()));
    QCOMPARE(view.page(), Page::Boundary);
    const QImage image = view.fieldImage();
    QCOMPARE(image.size(), QSize(20, 10));
    const QRgb class0 = DecisionBoundaryView::fieldColor(0).rgb(), class1 = DecisionBoundaryView::fieldColor(1).rgb();
    QVERIFY(class0 != class1);
    QCOMPARE(image.pixel(0, 0), class0);   // top left: row 9 of the field
    QCOMPARE(image.pixel(0, 9), class1);   // bottom left: the field's cell (0, 0)
    QCOMPARE(image.pixel(1, 9), class0);
    QCOMPARE(image.pixel(9, 5), class0);
    QCOMPARE(image.pixel(10, 5), class1);
    QCOMPARE(image.pixel(19, 0), class1);
    // A light tint of the class colour: lighter than the points' colour, same hue family.
    QVERIFY(DecisionBoundaryView::fieldColor(0).lightness() > DecisionBoundaryView::seriesColor(0).lightness());
}

void TestDecisionBoundaryView::pointsPerClassAndAxes()
{
    DecisionBoundaryView view;
    view.showFrame(frameWith(knownField()));
    QCOMPARE(view.seriesCount(), 4);
    QCOMPARE(view.trainPointCount(0), 30);
    QCOMPARE(view.trainPointCount(1), 20);
    QCOMPARE(view.testPointCount(0), 10);
    QCOMPARE(view.testPointCount(1), 5);
    QCOMPARE(view.trainPointCount(2), 0);
    QCOMPARE(view.charts().size(), 1);
    QChart *chart = view.charts().front();
    auto *x = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).front());
    auto *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).front());
    QCOMPARE(x->min(), -2.0);
    QCOMPARE(x->max(), 2.0);
    QCOMPARE(y->min(), -1.0);
    QCOMPARE(y->max(), 1.0);
    // Training points in the class's strong colour.
    for (QAbstractSeries *series : chart->series()) {
        auto *scatter = qobject_cast<QScatterSeries *>(series);
        QVERIFY(scatter);
        if (scatter->name() == QStringLiteral("class 1"))
            QCOMPARE(scatter->color(), DecisionBoundaryView::seriesColor(1));
    }
}

void TestDecisionBoundaryView::testPointsToggle()
{
    DecisionBoundaryView view;
    view.resize(800, 500); // room for the legend
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameWith(knownField()));
    auto *showTest = view.findChild<QCheckBox *>(QStringLiteral("showTest"));
    QVERIFY(showTest->isChecked());
    QVERIFY(view.testPointsVisible());
    showTest->setChecked(false);
    QVERIFY(!view.testPointsVisible());
    QChart *chart = view.charts().front();
    int visible = 0;
    for (QAbstractSeries *series : chart->series())
        visible += series->isVisible() ? 1 : 0;
    QCOMPARE(visible, 2); // the training series only
    showTest->setChecked(true);
    QVERIFY(view.testPointsVisible());
    QCOMPARE(view.testPointCount(1), 5);
    // The legend names each class once, however often the test points were toggled.
    // (Series added to a laid-out chart once left the legend empty: Qt hides its items until the
    // legend's geometry changes.)
    view.grab();
    int markers = 0;
    for (QLegendMarker *marker : chart->legend()->markers())
        markers += marker->isVisible() ? 1 : 0;
    QCOMPARE(markers, 2);
}

void TestDecisionBoundaryView::fieldIsDrawnBehindPoints()
{
    DecisionBoundaryView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto field = knownField();
    field->trainX.clear(); // no point may cover the probed cells
    field->trainY.clear();
    field->trainLabel.clear();
    field->testX.clear();
    field->testY.clear();
    field->testLabel.clear();
    view.showFrame(frameWith(field));
    QChart *chart = view.charts().front();
    auto *chartView = view.findChild<QChartView *>();
    QVERIFY(chartView);
    const QImage shot = view.grab().toImage();
    // Centres of cells (2, 6) (class 0) and (15, 1) (class 1), in field coordinates, off the grid lines.
    for (const auto &[point, label] : {std::pair{QPointF(-2.0 + 2.5 * 0.2, -1.0 + 6.5 * 0.2), 0},
                                        std::pair{QPointF(-2.0 + 15.5 * 0.2, -1.0 + 1.5 * 0.2), 1}}) {
        const QPointF inScene = chartView->mapFromScene(chart->mapToPosition(point));
        const QPoint inView = chartView->viewport()->mapTo(&view, inScene.toPoint());
        QCOMPARE(QColor(shot.pixel(inView)), DecisionBoundaryView::fieldColor(label));
    }
}

void TestDecisionBoundaryView::malformedFieldDoesNotCrash()
{
    const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
    auto field = knownField();
    field->predicted[5] = -1;
    field->predicted[6] = 1000;
    field->trainX[0] = nan;
    field->trainY[1] = inf;
    field->trainLabel[2] = -3;
    field->testLabel.pop_back(); // shorter than the coordinates
    DecisionBoundaryView view;
    view.resize(800, 500);
    view.show();
    view.showFrame(frameWith(field));
    QCOMPARE(view.trainPointCount(0), 27);
    QCOMPARE(view.testPointCount(1), 4);
    QCOMPARE(view.fieldImage().pixel(5, 9), qRgb(255, 255, 255));
    QVERIFY(!view.grab().isNull());

    // A field whose grid does not match its predictions, and NaN ranges: points only.
    auto broken = knownField();
    broken->predicted.resize(7);
    broken->xMin = std::numeric_limits<double>::quiet_NaN();
    view.showFrame(frameWith(broken));
    QVERIFY(view.fieldImage().isNull());
    QCOMPARE(view.trainPointCount(0), 30);
    QVERIFY(!view.grab().isNull());

    // An empty field.
    view.showFrame(frameWith(std::make_shared<DecisionField>()));
    QCOMPARE(view.seriesCount(), 0);
    QVERIFY(!view.grab().isNull());
}

void TestDecisionBoundaryView::fewerClassesRemovesSeries()
{
    DecisionBoundaryView view;
    auto three = knownField();
    three->trainLabel.back() = 2;
    view.showFrame(frameWith(three));
    QCOMPARE(view.seriesCount(), 6);
    QCOMPARE(view.trainPointCount(2), 1);
    view.showFrame(frameWith(knownField()));
    QCOMPARE(view.seriesCount(), 4);
    QCOMPARE(view.trainPointCount(1), 20);
}

void TestDecisionBoundaryView::imageGrid()
{
    DecisionBoundaryView view;
    view.resize(800, 500);
    view.show();
    view.showFrame(frameWith(nullptr, knownImages()));
    QCOMPARE(view.page(), Page::Images);
    QCOMPARE(view.imageCount(), 16);
    QVERIFY(view.charts().isEmpty());
    const QList<QLabel *> captions = visibleCaptions(view);
    QCOMPARE(captions.size(), 16);
    int wrong = 0;
    for (QLabel *caption : captions) {
        const bool isWrong = caption->property("wrong").toBool();
        wrong += isWrong ? 1 : 0;
        const QColor colour = caption->palette().color(QPalette::WindowText);
        QCOMPARE(colour == DecisionBoundaryView::wrongColor(), isWrong);
    }
    QCOMPARE(wrong, 3);
    QStringList texts;
    for (QLabel *caption : captions)
        texts << caption->text();
    QVERIFY(texts.contains(QStringLiteral("pred 3 / true 3")));
    QVERIFY(texts.contains(QStringLiteral("pred 4 / true 3"))); // sample 3, wrong
    // The pictures are the images scaled up by a whole factor, nearest neighbour.
    const QList<QLabel *> pictures = view.findChildren<QLabel *>(QStringLiteral("sample"));
    QVERIFY(!pictures.isEmpty());
    const QPixmap picture = pictures.front()->pixmap();
    QVERIFY(!picture.isNull());
    QCOMPARE(picture.width() % 8, 0);
    QVERIFY(picture.width() >= 16);

    // Fewer images next time: the extra cells go away.
    view.showFrame(frameWith(nullptr, knownImages(5)));
    QCOMPARE(view.imageCount(), 5);
    QCOMPARE(visibleCaptions(view).size(), 5);
}

void TestDecisionBoundaryView::switchesPages()
{
    DecisionBoundaryView view;
    view.showFrame(frameWith(knownField()));
    QCOMPARE(view.page(), Page::Boundary);
    view.showFrame(frameWith(nullptr, knownImages()));
    QCOMPARE(view.page(), Page::Images);
    view.showFrame(frameWith(nullptr));
    QCOMPARE(view.page(), Page::Hint);
    view.showFrame(frameWith(knownField()));
    QCOMPARE(view.page(), Page::Boundary);
}

void TestDecisionBoundaryView::renders()
{
    DecisionBoundaryView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameWith(circlesField()));
    QCoreApplication::processEvents(); // the chart lays out as it would in the event loop
    QPixmap image = view.grab();
    QCOMPARE(image.size(), QSize(800, 500));
    saveIfAsked(image, QStringLiteral("boundary.png"));

    // MNIST-like 28 × 28 digits: a ring for even classes, a bar for odd ones, two wrong.
    auto images = std::make_shared<ImageSamples>();
    images->rows = images->cols = 28;
    for (int i = 0; i < 16; ++i) {
        const int actual = (i * 7) % 10;
        std::vector<float> pixels(28 * 28, 0.0f);
        for (int r = 0; r < 28; ++r)
            for (int c = 0; c < 28; ++c) {
                const double d = std::hypot(r - 13.5, c - 13.5);
                const float v = actual % 2 == 0 ? float(std::exp(-std::pow(d - 8.0, 2) / 4.0))
                                                : float(std::exp(-std::pow(c - 10.0 - actual, 2) / 3.0) * (r > 4 && r < 24));
                pixels[std::size_t(r * 28 + c)] = v;
            }
        images->pixels.push_back(pixels);
        images->actual.push_back(actual);
        images->predicted.push_back(i == 5 || i == 11 ? (actual + 3) % 10 : actual);
    }
    view.showFrame(frameWith(nullptr, images));
    QCoreApplication::processEvents();
    image = view.grab();
    saveIfAsked(image, QStringLiteral("boundary-images.png"));

    view.showFrame(frameWith(nullptr));
    QCoreApplication::processEvents();
    saveIfAsked(view.grab(), QStringLiteral("boundary-hint.png"));
}

QTEST_MAIN(TestDecisionBoundaryView)
#include "tst_decisionboundaryview.moc"
