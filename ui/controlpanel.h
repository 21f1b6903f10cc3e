#pragma once

#include "core/config.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSlider;
class QSpinBox;
QT_END_NAMESPACE

namespace layerlens::ui {

/// The settings of a run, bound both ways: `setConfig()` shows a config without echoing it back,
/// and every user edit emits `configEdited()` with the whole new config.
class ControlPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlPanel(QWidget *parent = nullptr);

    /// Shows `config` in the fields. Emits nothing.
    void setConfig(const core::RunConfig &config);
    /// The config the fields describe.
    const core::RunConfig &config() const { return m_config; }

signals:
    /// The user changed a field; `config` is the complete new config.
    void configEdited(const core::RunConfig &config);
    /// The user chose a preset.
    void presetChosen(const QString &name);

private:
    void build();
    void readFields();   // fields → m_config, then configEdited (unless updating)
    void showFields();   // m_config → fields, guarded
    void updateEnabled();

    core::RunConfig m_config;
    bool m_updating = false; // the guard: programmatic updates are not user edits

    QComboBox *m_preset = nullptr;
    QComboBox *m_dataset = nullptr;
    QSpinBox *m_samples = nullptr;
    QDoubleSpinBox *m_noise = nullptr;
    QDoubleSpinBox *m_split = nullptr;
    QSpinBox *m_depth = nullptr;
    QSpinBox *m_width = nullptr;
    QComboBox *m_activation = nullptr;
    QComboBox *m_init = nullptr;
    QDoubleSpinBox *m_initStd = nullptr;
    QCheckBox *m_batchNorm = nullptr;
    QComboBox *m_bnInference = nullptr;
    QDoubleSpinBox *m_dropout = nullptr;
    QComboBox *m_loss = nullptr;
    QComboBox *m_optimizer = nullptr;
    QSlider *m_lrSlider = nullptr;
    QDoubleSpinBox *m_lr = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_every = nullptr;
};

} // namespace layerlens::ui
