#pragma once

#include "ui/dashboardview.h"

#include <QImage>
#include <QList>
#include <QPointF>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QGraphicsPixmapItem;
class QGridLayout;
class QLabel;
class QScatterSeries;
class QStackedLayout;
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::ui {

/// What the network has learnt, seen directly. For 2-D data: the predicted class over the input
/// plane as a lightly tinted field, with the training points on top (filled, in their class's
/// strong colour) and optionally the test points (hollow). For image data: a grid of test images
/// captioned with prediction and truth, the wrong ones in red. Otherwise a hint. Everything drawn
/// comes from the Frame's DecisionField or ImageSamples, computed by the worker.
class DecisionBoundaryView : public DashboardView {
    Q_OBJECT
public:
    /// What the view shows.
    enum class Page { Boundary, Images, Hint };

    explicit DecisionBoundaryView(QWidget *parent = nullptr);

    void showFrame(const Frame &frame) override;
    QString viewId() const override { return QStringLiteral("boundary"); }
    QList<QChart *> charts() const override;

    Page page() const;
    /// Scatter series in the chart: a training and a test series per class.
    int seriesCount() const;
    /// Training points plotted for class `label` (0 for a class without a series).
    int trainPointCount(int label) const;
    /// Test points plotted for class `label`, shown or not.
    int testPointCount(int label) const;
    /// Whether the test points are shown (the "showTest" check box).
    bool testPointsVisible() const;
    /// The predicted-class field, one pixel per grid cell (columns × rows, top row at yMax);
    /// null without a field.
    QImage fieldImage() const { return m_fieldImage; }
    /// Test images shown on the image page.
    int imageCount() const { return m_imageCount; }

    /// Light tint of a class's colour for the field behind the points.
    static QColor fieldColor(int label);
    /// Colour of a caption with a wrong prediction.
    static QColor wrongColor();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showField(const DecisionField &field);
    void ensureClassSeries(int classes);
    void placeField();
    void showImages(const ImageSamples &images);
    void scaleImages();
    void applyTestVisibility();

    QStackedLayout *m_pages = nullptr;
    QWidget *m_boundaryPage = nullptr;
    QWidget *m_imagePage = nullptr;
    QLabel *m_hint = nullptr;
    QCheckBox *m_showTest = nullptr;

    QChart *m_chart = nullptr;
    QValueAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QGraphicsPixmapItem *m_fieldItem = nullptr;  // behind the series, scaled to the plot area
    QImage m_fieldImage;
    std::vector<QScatterSeries *> m_trainSeries;  // one per class
    std::vector<QScatterSeries *> m_testSeries;
    QList<QPointF> m_buffer;                      // reused for every series
    std::shared_ptr<const DecisionField> m_field;
    std::shared_ptr<const ImageSamples> m_images;

    QLabel *m_imageHeading = nullptr;
    QGridLayout *m_imageGrid = nullptr;
    struct Sample {
        QLabel *picture = nullptr;
        QLabel *caption = nullptr;
        QImage image;
    };
    std::vector<Sample> m_samples;
    int m_imageCount = 0;
};

} // namespace layerlens::ui
