// The control panel is bound both ways with a guard: showing a config emits nothing, each user
// edit emits exactly one complete config.

#include "ui/controlpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QtTest>

using namespace layerlens;
using layerlens::ui::ControlPanel;

class TestControlPanel : public QObject {
    Q_OBJECT
private slots:
    void programmaticUpdateDoesNotEcho();
    void userEditEmitsOnce();
    void learningRateSliderIsLogarithmic();
    void presetsListed();
};

void TestControlPanel::programmaticUpdateDoesNotEcho()
{
    ControlPanel panel;
    QSignalSpy edited(&panel, &ControlPanel::configEdited);
    core::RunConfig c;
    c.network.depth = 7;
    c.network.activation = core::ActivationKind::Relu;
    c.optimizer.lr = 0.003;
    panel.setConfig(c);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(panel.findChild<QSpinBox *>(QStringLiteral("depth"))->value(), 7);
    QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("activation"))->currentData().toString(), QStringLiteral("relu"));
    QCOMPARE(panel.findChild<QDoubleSpinBox *>(QStringLiteral("lr"))->value(), 0.003);
}

void TestControlPanel::userEditEmitsOnce()
{
    ControlPanel panel;
    panel.setConfig(core::RunConfig{});
    QSignalSpy edited(&panel, &ControlPanel::configEdited);
    panel.findChild<QSpinBox *>(QStringLiteral("depth"))->setValue(12);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.last().first().value<core::RunConfig>().network.depth, 12);
    panel.findChild<QCheckBox *>(QStringLiteral("batchNorm"))->setChecked(true);
    QCOMPARE(edited.count(), 2);
    const auto c = edited.last().first().value<core::RunConfig>();
    QVERIFY(c.network.batchNorm);
    QCOMPARE(c.network.depth, 12); // the whole config, not just the field
}

void TestControlPanel::learningRateSliderIsLogarithmic()
{
    ControlPanel panel;
    panel.setConfig(core::RunConfig{});
    QSignalSpy edited(&panel, &ControlPanel::configEdited);
    auto *slider = panel.findChild<QSlider *>(QStringLiteral("lrSlider"));
    slider->setValue(-300); // 10^-3
    QCOMPARE(edited.count(), 1);
    QVERIFY(std::abs(edited.last().first().value<core::RunConfig>().optimizer.lr - 1e-3) < 1e-12);
    QVERIFY(std::abs(panel.findChild<QDoubleSpinBox *>(QStringLiteral("lr"))->value() - 1e-3) < 1e-9);
    panel.findChild<QDoubleSpinBox *>(QStringLiteral("lr"))->setValue(0.1);
    QCOMPARE(slider->value(), -100); // the number field moves the slider without a second edit
    QCOMPARE(edited.count(), 2);
}

void TestControlPanel::presetsListed()
{
    ControlPanel panel;
    auto *presets = panel.findChild<QComboBox *>(QStringLiteral("preset"));
    QVERIFY(presets->count() >= 4); // the prompt and the built-in presets
    QSignalSpy chosen(&panel, &ControlPanel::presetChosen);
    presets->activated(2);
    QCOMPARE(chosen.count(), 1);
    QVERIFY(!chosen.first().first().toString().isEmpty());
}

QTEST_MAIN(TestControlPanel)
#include "tst_controlpanel.moc"
