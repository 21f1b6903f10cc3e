#include "ui/decisionboundaryview.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QEvent>
#include <QGraphicsPixmapItem>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QPen>
#include <QPixmap>
#include <QScatterSeries>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace layerlens::ui {

namespace {

// More classes than any 2-D toy has; a label beyond it is treated as garbage and not drawn.
constexpr int kMaxClasses = 64;
constexpr int kImageColumns = 4;
constexpr int kMaxImages = 16;

bool finiteRange(double lo, double hi)
{
    return std::isfinite(lo) && std::isfinite(hi) && hi > lo;
}

int classCount(const DecisionField &field, bool predictedValid)
{
    int classes = 0;
    auto grow = [&classes](const std::vector<int> &labels) {
        for (const int label : labels)
            if (label >= 0 && label < kMaxClasses)
                classes = std::max(classes, label + 1);
    };
    grow(field.trainLabel);
    grow(field.testLabel);
    if (predictedValid)
        grow(field.predicted);
    return classes;
}

// Points of class `label` with finite coordinates; the three vectors may differ in length.
void classPoints(const std::vector<float> &x, const std::vector<float> &y, const std::vector<int> &labels, int label,
                 QList<QPointF> &out)
{
    out.clear();
    const std::size_t n = std::min({x.size(), y.size(), labels.size()});
    for (std::size_t i = 0; i < n; ++i)
        if (labels[i] == label && std::isfinite(x[i]) && std::isfinite(y[i]))
            out.append(QPointF(x[i], y[i]));
}

} // namespace

DecisionBoundaryView::DecisionBoundaryView(QWidget *parent) : DashboardView(tr("Decision boundary"), parent)
{
    // The 2-D page: a check box over the chart.
    m_boundaryPage = new QWidget(this);
    m_showTest = new QCheckBox(tr("Show &test points (hollow)"), m_boundaryPage);
    m_showTest->setObjectName(QStringLiteral("showTest"));
    m_showTest->setChecked(true);
    m_chart = new QChart;
    // The theme goes first: applied later it would overwrite the axis and series styles set below.
    QChartView *chartView = makeChartView(m_chart, m_boundaryPage);
    m_chart->setTitle(tr("Decision boundary"));
    m_xAxis = new QValueAxis;
    m_yAxis = new QValueAxis;
    m_xAxis->setTitleText(tr("x₁"));
    m_yAxis->setTitleText(tr("x₂"));
    for (QValueAxis *axis : {m_xAxis, m_yAxis}) {
        axis->setLabelFormat(QStringLiteral("%.3g"));
        axis->setRange(-1.0, 1.0);
        // Grid lines over the field help to read positions but must not compete with the points.
        axis->setGridLineColor(QColor(0, 0, 0, 40));
    }
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    // A child of the chart above its plot-area background and below the grid and the series
    // (Qt Charts stacks the plot area at z 0, grid at 2 and series at 4 or more).
    m_fieldItem = new QGraphicsPixmapItem(m_chart);
    m_fieldItem->setZValue(0.5);
    m_fieldItem->setTransformationMode(Qt::FastTransformation); // one crisp block per grid cell
    m_fieldItem->setAcceptedMouseButtons(Qt::NoButton);
    m_fieldItem->hide();
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { placeField(); });
    auto *boundaryLayout = new QVBoxLayout(m_boundaryPage);
    boundaryLayout->setContentsMargins(0, 0, 0, 0);
    boundaryLayout->addWidget(m_showTest);
    boundaryLayout->addWidget(chartView, 1);
    connect(m_showTest, &QCheckBox::toggled, this, [this] { applyTestVisibility(); });

    // The image page: a heading over a grid of captioned test images.
    m_imagePage = new QWidget(this);
    m_imageHeading = new QLabel(tr("Test images: the network's prediction and the true class"), m_imagePage);
    QFont headingFont = m_imageHeading->font();
    headingFont.setBold(true);
    m_imageHeading->setFont(headingFont);
    m_imageHeading->setWordWrap(true);
    m_imageGrid = new QGridLayout;
    m_imageGrid->setSpacing(6);
    auto *imageLayout = new QVBoxLayout(m_imagePage);
    imageLayout->addWidget(m_imageHeading);
    imageLayout->addLayout(m_imageGrid, 1);
    m_imagePage->installEventFilter(this);

    m_hint = new QLabel(tr("The decision boundary is drawn for 2-D data sets."), this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);

    m_pages = new QStackedLayout(this);
    m_pages->addWidget(m_boundaryPage);
    m_pages->addWidget(m_imagePage);
    m_pages->addWidget(m_hint);
    m_pages->setCurrentWidget(m_hint);
}

QList<QChart *> DecisionBoundaryView::charts() const
{
    // An image grid or a hint is no chart to export.
    return m_pages->currentWidget() == m_boundaryPage ? QList<QChart *>{m_chart} : QList<QChart *>{};
}

DecisionBoundaryView::Page DecisionBoundaryView::page() const
{
    if (m_pages->currentWidget() == m_boundaryPage)
        return Page::Boundary;
    return m_pages->currentWidget() == m_imagePage ? Page::Images : Page::Hint;
}

void DecisionBoundaryView::showFrame(const Frame &frame)
{
    if (frame.field) {
        m_pages->setCurrentWidget(m_boundaryPage);
        if (frame.field != m_field)
            showField(*frame.field);
        m_field = frame.field;
    } else if (frame.images) {
        m_pages->setCurrentWidget(m_imagePage);
        if (frame.images != m_images)
            showImages(*frame.images);
        m_images = frame.images;
    } else {
        m_pages->setCurrentWidget(m_hint);
    }
}

QColor DecisionBoundaryView::fieldColor(int label)
{
    // A quarter of the class colour on white: the points in full colour stand out on it.
    const QColor strong = seriesColor(label);
    constexpr int kWeight = 64; // of 256
    auto mix = [](int channel) { return (channel * kWeight + 255 * (256 - kWeight)) / 256; };
    return QColor(mix(strong.red()), mix(strong.green()), mix(strong.blue()));
}

QColor DecisionBoundaryView::wrongColor()
{
    return QColor(0xC0, 0x00, 0x00);
}

void DecisionBoundaryView::showField(const DecisionField &field)
{
    const bool fieldValid = field.columns > 0 && field.rows > 0
                            && field.predicted.size() == static_cast<std::size_t>(field.columns) * field.rows;
    const int classes = classCount(field, fieldValid);
    const bool sameSeries = static_cast<int>(m_trainSeries.size()) == classes;
    ensureClassSeries(classes);

    if (fieldValid) {
        if (m_fieldImage.size() != QSize(field.columns, field.rows))
            m_fieldImage = QImage(field.columns, field.rows, QImage::Format_RGB32);
        std::vector<QRgb> tints(static_cast<std::size_t>(classes));
        for (int k = 0; k < classes; ++k)
            tints[static_cast<std::size_t>(k)] = fieldColor(k).rgb();
        // Row 0 of the field is at yMin, the bottom of the plot: the image's last line.
        for (int r = 0; r < field.rows; ++r) {
            auto *line = reinterpret_cast<QRgb *>(m_fieldImage.scanLine(field.rows - 1 - r));
            const int *predicted = field.predicted.data() + static_cast<std::size_t>(r) * field.columns;
            for (int c = 0; c < field.columns; ++c)
                line[c] = predicted[c] >= 0 && predicted[c] < classes ? tints[static_cast<std::size_t>(predicted[c])]
                                                                      : qRgb(255, 255, 255);
        }
        m_fieldItem->setPixmap(QPixmap::fromImage(m_fieldImage));
        m_fieldItem->show();
    } else {
        m_fieldImage = QImage();
        m_fieldItem->hide();
    }
    if (finiteRange(field.xMin, field.xMax))
        m_xAxis->setRange(field.xMin, field.xMax);
    if (finiteRange(field.yMin, field.yMax))
        m_yAxis->setRange(field.yMin, field.yMax);

    // The data points stay the same while the run lasts; only the predictions change.
    const bool samePoints = sameSeries && m_field && m_field->trainX == field.trainX && m_field->trainY == field.trainY
                            && m_field->trainLabel == field.trainLabel && m_field->testX == field.testX
                            && m_field->testY == field.testY && m_field->testLabel == field.testLabel;
    if (!samePoints)
        for (int k = 0; k < classes; ++k) {
            classPoints(field.trainX, field.trainY, field.trainLabel, k, m_buffer);
            m_trainSeries[static_cast<std::size_t>(k)]->replace(m_buffer);
            classPoints(field.testX, field.testY, field.testLabel, k, m_buffer);
            m_testSeries[static_cast<std::size_t>(k)]->replace(m_buffer);
        }
    applyTestVisibility();
    placeField();
}

void DecisionBoundaryView::ensureClassSeries(int classes)
{
    while (static_cast<int>(m_trainSeries.size()) > classes) {
        for (auto *list : {&m_trainSeries, &m_testSeries}) {
            QScatterSeries *series = list->back();
            list->pop_back();
            discardSeries(m_chart, series);
        }
    }
    bool added = false;
    while (static_cast<int>(m_trainSeries.size()) < classes) {
        const int k = static_cast<int>(m_trainSeries.size());
        const QColor color = seriesColor(k);
        auto *train = new QScatterSeries;
        train->setName(tr("class %1").arg(k));
        train->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        train->setMarkerSize(8.0);
        train->setColor(color);
        train->setBorderColor(Qt::white); // separates overlapping points and lifts them off the field
        auto *test = new QScatterSeries;
        // No name: its legend marker stays hidden (the check box says what hollow circles are),
        // and Qt 6.4 still counts hidden markers' text when it decides to elide the others.
        test->setName(QString());
        test->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        test->setMarkerSize(9.0);
        test->setBrush(Qt::NoBrush);
        test->setPen(QPen(color.darker(130), 2.0));
        for (QScatterSeries *series : {test, train}) {
            m_chart->addSeries(series);
            series->attachAxis(m_xAxis);
            series->attachAxis(m_yAxis);
        }
        m_trainSeries.push_back(train);
        m_testSeries.push_back(test);
        added = true;
    }
    if (added) {
        // Qt Charts (6.4) hides the legend's items when a series is added and shows them again
        // only when the legend's geometry changes, which it need not: showing it anew does that.
        m_chart->legend()->hide();
        m_chart->legend()->show();
    }
}

void DecisionBoundaryView::applyTestVisibility()
{
    const bool show = m_showTest->isChecked();
    for (QScatterSeries *series : m_testSeries) {
        series->setVisible(show);
        // The legend names the classes once; the check box says what hollow circles are.
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(false);
    }
}

void DecisionBoundaryView::placeField()
{
    const QRectF area = m_chart->plotArea();
    if (m_fieldImage.isNull() || area.isEmpty())
        return;
    m_fieldItem->setPos(area.topLeft());
    m_fieldItem->setTransform(QTransform::fromScale(area.width() / m_fieldImage.width(),
                                                    area.height() / m_fieldImage.height()));
}

int DecisionBoundaryView::seriesCount() const
{
    return static_cast<int>(m_chart->series().size());
}

int DecisionBoundaryView::trainPointCount(int label) const
{
    if (label < 0 || label >= static_cast<int>(m_trainSeries.size()))
        return 0;
    return static_cast<int>(m_trainSeries[static_cast<std::size_t>(label)]->count());
}

int DecisionBoundaryView::testPointCount(int label) const
{
    if (label < 0 || label >= static_cast<int>(m_testSeries.size()))
        return 0;
    return static_cast<int>(m_testSeries[static_cast<std::size_t>(label)]->count());
}

bool DecisionBoundaryView::testPointsVisible() const
{
    return m_showTest->isChecked()
           && std::all_of(m_testSeries.begin(), m_testSeries.end(), [](const QScatterSeries *s) { return s->isVisible(); });
}

void DecisionBoundaryView::showImages(const ImageSamples &images)
{
    const std::size_t available = std::min({images.pixels.size(), images.predicted.size(), images.actual.size()});
    const int n = static_cast<int>(std::min<std::size_t>(available, kMaxImages));
    const std::size_t pixelCount = images.rows > 0 && images.cols > 0
                                       ? static_cast<std::size_t>(images.rows) * static_cast<std::size_t>(images.cols)
                                       : 0;
    while (static_cast<int>(m_samples.size()) < n) {
        const int i = static_cast<int>(m_samples.size());
        auto *cell = new QWidget(m_imagePage);
        Sample sample;
        sample.picture = new QLabel(cell);
        sample.picture->setObjectName(QStringLiteral("sample"));
        sample.picture->setAlignment(Qt::AlignCenter);
        // The pixmap is scaled to the page, so it must not hold the page at its size.
        sample.picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        sample.caption = new QLabel(cell);
        sample.caption->setObjectName(QStringLiteral("caption"));
        sample.caption->setAlignment(Qt::AlignCenter);
        // In a narrow dashboard cell a caption may be cut rather than widen the whole window.
        sample.caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        sample.caption->setMinimumWidth(1);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(sample.picture, 1);
        cellLayout->addWidget(sample.caption);
        m_imageGrid->addWidget(cell, i / kImageColumns, i % kImageColumns);
        m_samples.push_back(sample);
    }
    for (int i = 0; i < static_cast<int>(m_samples.size()); ++i) {
        Sample &sample = m_samples[static_cast<std::size_t>(i)];
        sample.picture->parentWidget()->setVisible(i < n);
        if (i >= n)
            continue;
        const auto index = static_cast<std::size_t>(i);
        const std::vector<float> &pixels = images.pixels[index];
        if (pixelCount > 0 && pixels.size() == pixelCount) {
            // Pixels are in [0, 1]; a standardised data set is stretched from its own range instead.
            float lo = 0.0f, hi = 1.0f;
            for (const float v : pixels)
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            if (sample.image.size() != QSize(images.cols, images.rows))
                sample.image = QImage(images.cols, images.rows, QImage::Format_Grayscale8);
            for (int r = 0; r < images.rows; ++r) {
                uchar *line = sample.image.scanLine(r);
                for (int c = 0; c < images.cols; ++c) {
                    const float v = pixels[static_cast<std::size_t>(r) * images.cols + c];
                    const float level = std::isfinite(v) ? (v - lo) / (hi - lo) : 0.0f;
                    line[c] = static_cast<uchar>(std::lround(std::clamp(level, 0.0f, 1.0f) * 255.0f));
                }
            }
        } else {
            sample.image = QImage();
        }
        const int predicted = images.predicted[index], actual = images.actual[index];
        const bool wrong = predicted != actual;
        sample.caption->setText(tr("pred %1 / true %2").arg(predicted).arg(actual));
        sample.caption->setProperty("wrong", wrong);
        QPalette palette = this->palette();
        if (wrong)
            palette.setColor(QPalette::WindowText, wrongColor());
        sample.caption->setPalette(palette);
        QFont font = this->font();
        font.setBold(wrong);
        sample.caption->setFont(font);
    }
    m_imageCount = n;
    scaleImages();
}

void DecisionBoundaryView::scaleImages()
{
    if (m_imageCount == 0)
        return;
    int imageWidth = 1, imageHeight = 1;
    for (const Sample &sample : m_samples)
        if (!sample.image.isNull()) {
            imageWidth = sample.image.width();
            imageHeight = sample.image.height();
            break;
        }
    // The largest whole-number zoom that fits the grid into the page: whole numbers keep every
    // pixel a sharp square.
    const int gridRows = (m_imageCount + kImageColumns - 1) / kImageColumns;
    const int spacing = m_imageGrid->spacing();
    const int captionHeight = fontMetrics().height() + 2;
    // The page's size less its margins and the heading (the grid's own geometry lags behind a resize).
    const QLayout *pageLayout = m_imagePage->layout();
    const QRect area = m_imagePage->rect()
                           .marginsRemoved(pageLayout->contentsMargins())
                           .adjusted(0, m_imageHeading->sizeHint().height() + pageLayout->spacing(), 0, 0);
    const int byWidth = (area.width() - kImageColumns * spacing) / (kImageColumns * imageWidth);
    const int byHeight = (area.height() - gridRows * (captionHeight + spacing)) / (gridRows * imageHeight);
    const int zoom = std::max(1, std::min(byWidth, byHeight));
    for (int i = 0; i < m_imageCount; ++i) {
        Sample &sample = m_samples[static_cast<std::size_t>(i)];
        if (sample.image.isNull()) {
            sample.picture->clear();
            continue;
        }
        sample.picture->setPixmap(QPixmap::fromImage(sample.image.scaled(
            sample.image.size() * zoom, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
    }
}

bool DecisionBoundaryView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_imagePage && event->type() == QEvent::Resize)
        scaleImages();
    return DashboardView::eventFilter(watched, event);
}

} // namespace layerlens::ui
