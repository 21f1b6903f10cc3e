#include "ui/presets.h"

#include "core/json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <stdexcept>

namespace layerlens::ui {

namespace {

core::json::Value readPreset(const QString &name)
{
    QFile file(QStringLiteral(":/presets/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        const QStringList names = presetNames();
        throw std::invalid_argument("--preset: unknown preset '" + name.toStdString() + "' (available: "
                                    + (names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))).toStdString()
                                    + ")");
    }
    const QByteArray bytes = file.readAll();
    return core::json::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                             "preset " + name.toStdString());
}

} // namespace

QStringList presetNames()
{
    QStringList names;
    for (const QString &entry : QDir(QStringLiteral(":/presets")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names << QFileInfo(entry).completeBaseName();
    return names;
}

core::RunConfig presetConfig(const QString &name)
{
    const core::json::Value doc = readPreset(name);
    // A preset is a config plus lesson text; only its "config" object holds run settings.
    const core::json::Value *config = doc.find("config");
    return core::configFromJson(config ? *config : doc);
}

QString presetTitle(const QString &name)
{
    const core::json::Value doc = readPreset(name);
    const core::json::Value *title = doc.find("title");
    return title && title->isString() ? QString::fromStdString(title->asString()) : QString();
}

} // namespace layerlens::ui
