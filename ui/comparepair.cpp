#include "ui/comparepair.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace layerlens::ui {

namespace {


QString valueOf(const core::RunConfig &config, std::string_view key)
{
    return QString::fromStdString(core::configValueText(config, key));
}

bool isHe(core::InitKind kind) { return kind == core::InitKind::HeNormal || kind == core::InitKind::HeUniform; }

// A pair over `key`: B gets `other` when A has `value` (as `aHasValue` tells), else `value`, so B
// always differs from A.
ComparePair toggle(const char *id, const QString &label, std::string key, bool (*aHasValue)(const core::RunConfig &),
                   std::string value, std::string other)
{
    return {QString::fromLatin1(id), label, [=](const core::RunConfig &a) {
                return ConfigOverrides{{key, aHasValue(a) ? other : value}};
            }};
}

} // namespace

ComparePair ComparePair::fixed(ConfigOverrides overrides, const QString &label)
{
    QString name = label;
    if (name.isEmpty()) {
        QStringList parts;
        for (const auto &[key, value] : overrides)
            parts << QString::fromStdString(key + "=" + value);
        name = parts.isEmpty() ? QCoreApplication::translate("ComparePair", "Nothing (B = A)") : parts.join(QStringLiteral(", "));
    }
    return {QStringLiteral("custom"), name, [overrides](const core::RunConfig &) { return overrides; }};
}

const std::vector<ComparePair> &builtInPairs()
{
    static const std::vector<ComparePair> pairs = [] {
        std::vector<ComparePair> p;
        p.push_back(toggle("batchnorm", QCoreApplication::translate("ComparePair", "BatchNorm on/off"), "batchnorm",
                           [](const core::RunConfig &a) { return !a.network.batchNorm; }, "false", "true"));
        p.push_back(toggle("init", QCoreApplication::translate("ComparePair", "He vs Xavier init"), "init",
                           [](const core::RunConfig &a) { return !isHe(a.network.init.kind); }, "xavier_normal",
                           "he_normal"));
        p.push_back(toggle("activation", QCoreApplication::translate("ComparePair", "Leaky ReLU vs ReLU"), "activation",
                           [](const core::RunConfig &a) { return a.network.activation != core::ActivationKind::LeakyRelu; },
                           "relu", "leaky_relu"));
        p.push_back(toggle("dropout", QCoreApplication::translate("ComparePair", "Dropout 0.5 vs none"), "dropout",
                           [](const core::RunConfig &a) { return a.network.dropout == 0.0; }, "0", "0.5"));
        p.push_back(ComparePair::fixed({{"batch_size", "1"}}, QCoreApplication::translate("ComparePair", "Batch size 1 (SGD)")));
        p.back().id = QStringLiteral("batch1");
        p.push_back(ComparePair::fixed({{"batch_size", std::to_string(core::kMaxBatchSize)}}, QCoreApplication::translate("ComparePair", "Full batch (GD)")));
        p.back().id = QStringLiteral("fullbatch");
        p.push_back({QStringLiteral("lr10"), QCoreApplication::translate("ComparePair", "Learning rate ×10"), [](const core::RunConfig &a) {
                         const double lr = std::min(100.0, a.optimizer.lr * 10.0);
                         return ConfigOverrides{{"lr", QString::number(lr, 'g', 6).toStdString()}};
                     }});
        p.push_back(ComparePair::fixed({}, QCoreApplication::translate("ComparePair", "Nothing (B = A)")));
        p.back().id = QStringLiteral("none");
        return p;
    }();
    return pairs;
}

core::RunConfig withOverrides(core::RunConfig config, const ConfigOverrides &overrides)
{
    for (const auto &[key, value] : overrides)
        core::setConfigValue(config, key, value);
    return config;
}

std::vector<std::string> differingKeys(const core::RunConfig &a, const core::RunConfig &b)
{
    std::vector<std::string> keys;
    for (const core::ConfigKey &key : core::configKeys())
        if (core::configValueText(a, key.name) != core::configValueText(b, key.name))
            keys.emplace_back(key.name);
    return keys;
}

ConfigOverrides differences(const core::RunConfig &a, const core::RunConfig &b)
{
    ConfigOverrides overrides;
    for (const std::string &key : differingKeys(a, b)) {
        std::string value = core::configValueText(b, key);
        if (key == "width") { // a list is "[32,16]" as JSON; --set takes "32,16"
            value.erase(std::remove_if(value.begin(), value.end(), [](char c) { return c == '[' || c == ']'; }),
                        value.end());
        }
        overrides.emplace_back(key, std::move(value));
    }
    return overrides;
}

QString describeKeys(const core::RunConfig &config, const std::vector<std::string> &keys)
{
    QStringList parts;
    for (const std::string &key : keys) {
        if (key == "activation") {
            parts << valueOf(config, key);
        } else if (key == "init") {
            QString init = valueOf(config, key);
            if (config.network.init.kind == core::InitKind::Normal)
                init += QStringLiteral(" σ=") + valueOf(config, "init_std");
            else if (config.network.init.kind == core::InitKind::Uniform)
                init += QStringLiteral(" a=") + valueOf(config, "init_bound");
            else if (config.network.init.kind == core::InitKind::Constant)
                init += QStringLiteral(" c=") + valueOf(config, "init_constant");
            parts << init;
        } else if (key == "batchnorm") {
            parts << (config.network.batchNorm ? QCoreApplication::translate("ComparePair", "BN on") : QCoreApplication::translate("ComparePair", "BN off"));
        } else if (key == "batch_size") {
            parts << (config.batchSize >= core::kMaxBatchSize ? QCoreApplication::translate("ComparePair", "full batch")
                                                              : QCoreApplication::translate("ComparePair", "batch %1").arg(config.batchSize));
        } else {
            // Numbers as people write them: "dropout 0", not the JSON "0.0".
            QString value = valueOf(config, key);
            bool number = false;
            const double x = value.toDouble(&number);
            if (number)
                value = QString::number(x, 'g', 6);
            parts << QString::fromStdString(key) + QLatin1Char(' ') + value;
        }
    }
    return parts.join(QStringLiteral(" · "));
}

QString describeConfig(const core::RunConfig &config, const std::vector<std::string> &extraKeys)
{
    std::vector<std::string> keys = {"activation", "init", "batchnorm"};
    for (const std::string &key : extraKeys)
        if (std::find(keys.begin(), keys.end(), key) == keys.end()
            && !(key.rfind("init_", 0) == 0)) // σ, bound and constant go with the initialiser
            keys.push_back(key);
    return describeKeys(config, keys);
}

} // namespace layerlens::ui
