// Known answers: a tiny network with weights given by closed-form formulas (the same ones as in
// make_knownanswer.py) must reproduce PyTorch's forward output, loss, gradients, one SGD step and
// two momentum and Adam steps (float64, tolerance 1e-10). The references in data/knownanswer.json
// were computed offline by make_knownanswer.py; this test needs no PyTorch.

#include "core/network.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <map>

using namespace layerlens::core;

namespace {

constexpr int kInputs = 3, kClasses = 3, kBatch = 5;
constexpr double kTolerance = 1e-10;

double weightAt(int layer, int i, int j) { return 0.5 * std::sin(0.7 * (layer + 1) + 1.3 * i + 0.4 * j); }
double biasAt(int layer, int i) { return 0.1 * std::cos(layer + 0.6 * i); }

Matrix<double> inputs()
{
    Matrix<double> x(kInputs, kBatch); // features × batch
    for (int k = 0; k < kInputs; ++k)
        for (int c = 0; c < kBatch; ++c)
            x(k, c) = std::cos(0.9 * k + 0.5 * c) * (1 + 0.2 * k);
    return x;
}

void setParameters(Dense<double> &dense, int layer)
{
    for (int i = 0; i < dense.fanOut(); ++i) {
        dense.bias()(i, 0) = biasAt(layer, i);
        for (int j = 0; j < dense.fanIn(); ++j)
            dense.weight()(i, j) = weightAt(layer, i, j);
    }
}

std::unique_ptr<Network<double>> build(const QJsonObject &c)
{
    NetworkConfig config;
    config.inputs = kInputs;
    config.classes = kClasses;
    config.depth = 2;
    config.widths = {4, 3};
    config.activation = activationFromName(c["activation"].toString().toStdString());
    config.batchNorm = c["batchnorm"].toBool();
    config.loss = lossFromName(c["loss"].toString().toStdString());
    auto net = std::make_unique<Network<double>>(config);
    for (int l = 0; l < 2; ++l)
        setParameters(*net->hiddenLayers()[l].dense, l);
    setParameters(net->outputLayer(), 2);
    return net;
}

/// A JSON list (vector) or list of lists (matrix, rows) as an Eigen matrix.
Matrix<double> toMatrix(const QJsonValue &value)
{
    const QJsonArray rows = value.toArray();
    if (!rows.isEmpty() && !rows.first().isArray()) {
        Matrix<double> v(rows.size(), 1);
        for (int i = 0; i < rows.size(); ++i)
            v(i, 0) = rows[i].toDouble();
        return v;
    }
    Matrix<double> m(rows.size(), rows.isEmpty() ? 0 : rows.first().toArray().size());
    for (int i = 0; i < rows.size(); ++i)
        for (int j = 0; j < m.cols(); ++j)
            m(i, j) = rows[i].toArray()[j].toDouble();
    return m;
}

double maxDifference(const Matrix<double> &a, const Matrix<double> &b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return INFINITY;
    return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, b.cwiseAbs().maxCoeff());
}

OptimizerConfig optimizerFor(const QString &kind)
{
    OptimizerConfig oc;
    oc.kind = optimizerFromName(kind.toStdString());
    oc.lr = kind == QLatin1String("adam") ? 0.01 : 0.1;
    oc.momentum = 0.9;
    oc.weightDecay = 0.01;
    return oc;
}

} // namespace

class TestKnownAnswer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void forwardAndGradients_data();
    void forwardAndGradients();
    void optimizerSteps_data();
    void optimizerSteps();

private:
    QJsonObject m_reference;
    std::vector<int> m_labels;
};

void TestKnownAnswer::initTestCase()
{
    QFile file(QStringLiteral(LAYERLENS_TEST_DATA "/knownanswer.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_reference = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!m_reference["cases"].toArray().isEmpty());
    for (const auto &label : m_reference["labels"].toArray())
        m_labels.push_back(label.toInt());
    QCOMPARE(static_cast<int>(m_labels.size()), kBatch);
}

void TestKnownAnswer::forwardAndGradients_data()
{
    QTest::addColumn<int>("index");
    const QJsonArray cases = m_reference["cases"].toArray();
    for (int i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases[i].toObject();
        const QByteArray name = c["activation"].toString().toUtf8() + (c["batchnorm"].toBool() ? "/bn/" : "/no_bn/")
                                + c["loss"].toString().toUtf8();
        QTest::newRow(name.constData()) << i;
    }
}

void TestKnownAnswer::forwardAndGradients()
{
    QFETCH(int, index);
    const QJsonObject c = m_reference["cases"].toArray()[index].toObject();
    auto net = build(c);
    const Matrix<double> x = inputs();
    const Matrix<double> output = net->forward(x);
    QVERIFY2(maxDifference(output, toMatrix(c["output"])) < kTolerance, "output");
    const double loss = net->loss(m_labels);
    QVERIFY2(std::abs(loss - c["loss_value"].toDouble()) < kTolerance,
             qPrintable(QStringLiteral("loss %1 vs %2").arg(loss, 0, 'g', 17).arg(c["loss_value"].toDouble(), 0, 'g', 17)));
    net->backward();
    const QJsonObject gradients = c["gradients"].toObject();
    const auto params = net->parameters();
    QCOMPARE(static_cast<int>(params.size()), gradients.size());
    for (const auto &p : params) {
        const QString name = QString::fromStdString(p.name);
        QVERIFY2(gradients.contains(name), qPrintable(name));
        const double d = maxDifference(*p.gradient, toMatrix(gradients[name]));
        QVERIFY2(d < kTolerance, qPrintable(QStringLiteral("%1: %2").arg(name).arg(d)));
    }
}

void TestKnownAnswer::optimizerSteps_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("optimizer");
    const QJsonArray cases = m_reference["cases"].toArray();
    for (int i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases[i].toObject();
        for (const char *kind : {"sgd", "momentum", "adam"}) {
            const QByteArray name = c["activation"].toString().toUtf8() + (c["batchnorm"].toBool() ? "/bn/" : "/no_bn/")
                                    + c["loss"].toString().toUtf8() + '/' + kind;
            QTest::newRow(name.constData()) << i << QString::fromLatin1(kind);
        }
    }
}

void TestKnownAnswer::optimizerSteps()
{
    QFETCH(int, index);
    QFETCH(QString, optimizer);
    const QJsonObject c = m_reference["cases"].toArray()[index].toObject();
    const QJsonObject step = c["steps"].toObject()[optimizer].toObject();
    auto net = build(c);
    Optimizer<double> opt(net->parameters(), optimizerFor(optimizer));
    const Matrix<double> x = inputs();
    for (int i = 0; i < step["count"].toInt(); ++i)
        QCOMPARE(net->trainStep(x, m_labels, opt).status, StepStatus::Ok);
    const QJsonObject expected = step["parameters"].toObject();
    for (const auto &p : net->parameters()) {
        const QString name = QString::fromStdString(p.name);
        // A Dense bias followed by BatchNorm has a gradient that is exactly 0 in theory and
        // ~1e-17 of rounding noise in practice; Adam divides that noise by √v + ε, so both
        // implementations move it by different noise of order η·noise/ε. Compare it at 1e-8.
        const bool noiseOnly = c["batchnorm"].toBool() && optimizer == QLatin1String("adam")
                               && name.startsWith(QLatin1String("hidden")) && name.endsWith(QLatin1String("dense.bias"));
        const double d = maxDifference(*p.value, toMatrix(expected[name]));
        QVERIFY2(d < (noiseOnly ? 1e-8 : kTolerance), qPrintable(QStringLiteral("%1: %2").arg(name).arg(d)));
    }
    if (c["batchnorm"].toBool()) {
        const QJsonArray means = step["running_mean"].toArray(), vars = step["running_var"].toArray();
        for (int l = 0; l < 2; ++l) {
            const auto &bn = *net->hiddenLayers()[l].batchNorm;
            QVERIFY(maxDifference(bn.runningMean(), toMatrix(means[l])) < kTolerance);
            QVERIFY(maxDifference(bn.runningVariance(), toMatrix(vars[l])) < kTolerance);
        }
    }
}

QTEST_APPLESS_MAIN(TestKnownAnswer)
#include "tst_knownanswer.moc"
