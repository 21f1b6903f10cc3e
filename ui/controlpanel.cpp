#include "ui/controlpanel.h"

#include "ui/presets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace layerlens::ui {

namespace {

// The learning-rate slider is logarithmic: position p ↦ 10^(p/100), from 1e-5 to 10.
constexpr int kLrSliderMin = -500, kLrSliderMax = 100;

int lrToSlider(double lr) { return static_cast<int>(std::lround(100.0 * std::log10(lr))); }
double sliderToLr(int position) { return std::pow(10.0, position / 100.0); }

QString datasetKind(const std::string &spec)
{
    const auto colon = spec.find(':');
    return QString::fromStdString(spec.substr(0, colon));
}

void addItems(QComboBox *box, const QList<QPair<QString, QString>> &items)
{
    for (const auto &[data, label] : items)
        box->addItem(label, data);
}

void select(QComboBox *box, const QString &data)
{
    const int index = box->findData(data);
    if (index >= 0)
        box->setCurrentIndex(index);
}

QString current(const QComboBox *box) { return box->currentData().toString(); }

} // namespace

ControlPanel::ControlPanel(QWidget *parent) : QWidget(parent)
{
    build();
    showFields();
}

void ControlPanel::build()
{
    auto *outer = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->addItem(tr("Choose a preset…"), QString());
    for (const QString &name : ui::presetNames())
        m_preset->addItem(presetTitle(name).isEmpty() ? name : presetTitle(name), name);
    form->addRow(tr("Preset"), m_preset);
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        const QString name = m_preset->itemData(index).toString();
        if (!name.isEmpty())
            emit presetChosen(name);
    });

    m_dataset = new QComboBox(this);
    m_dataset->setObjectName(QStringLiteral("dataset"));
    addItems(m_dataset, {{QStringLiteral("spiral"), tr("Spiral")},
                         {QStringLiteral("circles"), tr("Circles")},
                         {QStringLiteral("moons"), tr("Moons")},
                         {QStringLiteral("xor"), tr("XOR")},
                         {QStringLiteral("blobs"), tr("Gaussian blobs")},
                         {QStringLiteral("gaussian"), tr("Gaussian input (500-D)")},
                         {QStringLiteral("fashion-mnist"), tr("Fashion-MNIST")}});
    form->addRow(tr("Data"), m_dataset);
    m_samples = new QSpinBox(this);
    m_samples->setRange(20, 100000);
    m_samples->setSingleStep(100);
    form->addRow(tr("Samples"), m_samples);
    m_noise = new QDoubleSpinBox(this);
    m_noise->setRange(0.0, 2.0);
    m_noise->setSingleStep(0.05);
    form->addRow(tr("Noise"), m_noise);
    m_split = new QDoubleSpinBox(this);
    m_split->setRange(0.05, 1.0);
    m_split->setSingleStep(0.05);
    form->addRow(tr("Training fraction"), m_split);

    m_depth = new QSpinBox(this);
    m_depth->setObjectName(QStringLiteral("depth"));
    m_depth->setRange(1, core::kMaxDepth);
    form->addRow(tr("Hidden layers"), m_depth);
    m_width = new QSpinBox(this);
    m_width->setObjectName(QStringLiteral("width"));
    m_width->setRange(1, core::kMaxWidth);
    form->addRow(tr("Units per layer"), m_width);
    m_activation = new QComboBox(this);
    m_activation->setObjectName(QStringLiteral("activation"));
    addItems(m_activation, {{QStringLiteral("sigmoid"), tr("Sigmoid")},
                            {QStringLiteral("tanh"), tr("tanh")},
                            {QStringLiteral("relu"), tr("ReLU")},
                            {QStringLiteral("leaky_relu"), tr("Leaky ReLU")},
                            {QStringLiteral("elu"), tr("ELU")},
                            {QStringLiteral("maxout"), tr("Maxout")},
                            {QStringLiteral("linear"), tr("Linear")}});
    form->addRow(tr("Activation"), m_activation);
    m_init = new QComboBox(this);
    m_init->setObjectName(QStringLiteral("init"));
    addItems(m_init, {{QStringLiteral("zeros"), tr("Zeros")},
                      {QStringLiteral("constant"), tr("Constant")},
                      {QStringLiteral("normal"), tr("Normal N(0, σ²)")},
                      {QStringLiteral("uniform"), tr("Uniform")},
                      {QStringLiteral("xavier_normal"), tr("Xavier/Glorot normal")},
                      {QStringLiteral("xavier_uniform"), tr("Xavier/Glorot uniform")},
                      {QStringLiteral("he_normal"), tr("He/Kaiming normal")},
                      {QStringLiteral("he_uniform"), tr("He/Kaiming uniform")},
                      {QStringLiteral("lecun_normal"), tr("LeCun normal")},
                      {QStringLiteral("orthogonal"), tr("Orthogonal")}});
    form->addRow(tr("Initialisation"), m_init);
    m_initStd = new QDoubleSpinBox(this);
    m_initStd->setObjectName(QStringLiteral("initStd"));
    m_initStd->setDecimals(4);
    m_initStd->setRange(0.0001, 10.0);
    m_initStd->setSingleStep(0.01);
    form->addRow(tr("σ (normal)"), m_initStd);
    m_batchNorm = new QCheckBox(tr("Batch Normalization"), this);
    m_batchNorm->setObjectName(QStringLiteral("batchNorm"));
    form->addRow(QString(), m_batchNorm);
    m_bnInference = new QComboBox(this);
    addItems(m_bnInference, {{QStringLiteral("ema"), tr("Moving average")},
                             {QStringLiteral("population"), tr("Population (last batches)")}});
    form->addRow(tr("BN at inference"), m_bnInference);
    m_dropout = new QDoubleSpinBox(this);
    m_dropout->setObjectName(QStringLiteral("dropout"));
    m_dropout->setRange(0.0, 0.9);
    m_dropout->setSingleStep(0.1);
    form->addRow(tr("Dropout"), m_dropout);
    m_loss = new QComboBox(this);
    addItems(m_loss, {{QStringLiteral("cross_entropy"), tr("Cross-entropy")}, {QStringLiteral("mse"), tr("Mean squared error")}});
    form->addRow(tr("Loss"), m_loss);
    m_optimizer = new QComboBox(this);
    addItems(m_optimizer, {{QStringLiteral("sgd"), tr("SGD")}, {QStringLiteral("momentum"), tr("Momentum")},
                           {QStringLiteral("adam"), tr("Adam")}});
    form->addRow(tr("Optimizer"), m_optimizer);

    auto *lrRow = new QHBoxLayout;
    m_lrSlider = new QSlider(Qt::Horizontal, this);
    m_lrSlider->setObjectName(QStringLiteral("lrSlider"));
    m_lrSlider->setRange(kLrSliderMin, kLrSliderMax);
    m_lr = new QDoubleSpinBox(this);
    m_lr->setObjectName(QStringLiteral("lr"));
    m_lr->setDecimals(5);
    m_lr->setRange(1e-5, 10.0);
    m_lr->setSingleStep(0.001);
    lrRow->addWidget(m_lrSlider, 1);
    lrRow->addWidget(m_lr);
    form->addRow(tr("Learning rate"), lrRow);
    m_batchSize = new QSpinBox(this);
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_batchSize->setRange(1, core::kMaxBatchSize);
    form->addRow(tr("Batch size"), m_batchSize);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1'000'000'000);
    form->addRow(tr("Seed"), m_seed);
    m_every = new QSpinBox(this);
    m_every->setRange(1, 10000);
    form->addRow(tr("Statistics every"), m_every);

    // The combo boxes shrink to the dock and elide what does not fit (the full text drops down).
    for (auto *box : findChildren<QComboBox *>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }

    // Every user edit reads all fields; the guard drops the echo of programmatic updates.
    for (auto *box : {m_dataset, m_activation, m_init, m_bnInference, m_loss, m_optimizer})
        connect(box, &QComboBox::currentIndexChanged, this, &ControlPanel::readFields);
    for (auto *spin : {m_samples, m_depth, m_width, m_batchSize, m_seed, m_every})
        connect(spin, &QSpinBox::valueChanged, this, &ControlPanel::readFields);
    for (auto *spin : {m_noise, m_split, m_initStd, m_dropout, m_lr})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ControlPanel::readFields);
    connect(m_batchNorm, &QCheckBox::toggled, this, &ControlPanel::readFields);
    connect(m_lrSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_updating)
            return;
        m_updating = true;
        m_lr->setValue(sliderToLr(position));
        m_updating = false;
        readFields();
    });
}

void ControlPanel::setConfig(const core::RunConfig &config)
{
    m_config = config;
    showFields();
}

void ControlPanel::showFields()
{
    m_updating = true;
    const core::RunConfig &c = m_config;
    select(m_dataset, datasetKind(c.data.spec));
    m_samples->setValue(c.data.samples);
    m_noise->setValue(c.data.noise);
    m_split->setValue(c.data.split);
    m_depth->setValue(c.network.depth);
    m_width->setValue(c.network.widths.front());
    select(m_activation, QString::fromUtf8(core::activationName(c.network.activation).data()));
    select(m_init, QString::fromUtf8(core::initName(c.network.init.kind).data()));
    m_initStd->setValue(c.network.init.std);
    m_batchNorm->setChecked(c.network.batchNorm);
    select(m_bnInference, QString::fromUtf8(core::bnInferenceName(c.network.bnInference).data()));
    m_dropout->setValue(c.network.dropout);
    select(m_loss, QString::fromUtf8(core::lossName(c.network.loss).data()));
    select(m_optimizer, QString::fromUtf8(core::optimizerName(c.optimizer.kind).data()));
    m_lr->setValue(c.optimizer.lr);
    m_lrSlider->setValue(lrToSlider(c.optimizer.lr));
    m_batchSize->setValue(c.batchSize);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(c.seed, 1'000'000'000ULL)));
    m_every->setValue(c.every);
    updateEnabled();
    m_updating = false;
}

void ControlPanel::updateEnabled()
{
    const QString data = current(m_dataset);
    const bool toy = data != QLatin1String("fashion-mnist");
    m_samples->setEnabled(toy);
    m_noise->setEnabled(toy && data != QLatin1String("gaussian"));
    m_initStd->setEnabled(current(m_init) == QLatin1String("normal"));
    m_bnInference->setEnabled(m_batchNorm->isChecked());
}

void ControlPanel::readFields()
{
    if (m_updating)
        return;
    core::RunConfig c = m_config;
    const QString data = current(m_dataset);
    // Keep the spec's own fields (spiral:5, gaussian:N:D:C, a path) while its kind is unchanged.
    if (datasetKind(c.data.spec) != data)
        c.data.spec = data == QLatin1String("gaussian") ? std::string("gaussian:1000:500:10") : data.toStdString();
    c.data.samples = m_samples->value();
    c.data.noise = m_noise->value();
    c.data.split = m_split->value();
    c.network.depth = m_depth->value();
    c.network.widths = {m_width->value()};
    c.network.activation = core::activationFromName(current(m_activation).toStdString());
    c.network.init.kind = core::initFromName(current(m_init).toStdString());
    c.network.init.std = m_initStd->value();
    c.network.batchNorm = m_batchNorm->isChecked();
    c.network.bnInference = core::bnInferenceFromName(current(m_bnInference).toStdString());
    c.network.dropout = m_dropout->value();
    c.network.loss = core::lossFromName(current(m_loss).toStdString());
    c.optimizer.kind = core::optimizerFromName(current(m_optimizer).toStdString());
    c.optimizer.lr = m_lr->value();
    c.batchSize = m_batchSize->value();
    if (c.network.batchNorm && c.batchSize < 2)
        c.batchSize = 2; // BatchNorm needs two samples; the field follows below
    c.seed = static_cast<std::uint64_t>(m_seed->value());
    c.every = m_every->value();
    c.syncSeed();
    m_config = c;
    m_updating = true;
    m_lrSlider->setValue(lrToSlider(c.optimizer.lr));
    m_batchSize->setValue(c.batchSize);
    updateEnabled();
    m_updating = false;
    emit configEdited(m_config);
}

} // namespace layerlens::ui
