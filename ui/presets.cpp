#include "ui/presets.h"

#include "core/json.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

namespace layerlens::ui {

namespace {

using core::json::Value;

QStringList presetFileNames()
{
    QStringList names;
    for (const QString &entry : QDir(QStringLiteral(":/presets")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names << QFileInfo(entry).completeBaseName();
    return names;
}

/// The compiled-in file of preset `name`; throws std::invalid_argument for an unknown name.
QByteArray readPresetBytes(const QString &name)
{
    QFile file(QStringLiteral(":/presets/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        const QStringList names = presetFileNames();
        throw std::invalid_argument("--preset: unknown preset '" + name.toStdString() + "' (available: "
                                    + (names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))).toStdString()
                                    + ")");
    }
    return file.readAll();
}

Value parsePreset(const QString &name, const QByteArray &bytes)
{
    return core::json::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                             "preset " + name.toStdString());
}

Value readPreset(const QString &name)
{
    return parsePreset(name, readPresetBytes(name));
}

/// Errors of a lesson field: "preset NAME: FIELD: cause".
[[noreturn]] void fail(const QString &name, const std::string &field, const std::string &cause)
{
    throw std::invalid_argument("preset " + name.toStdString() + ": " + field + ": " + cause);
}

void rejectUnknownKeys(const Value &object, std::initializer_list<std::string_view> known, const QString &name,
                       const std::string &where)
{
    for (const auto &[key, value] : object.asObject())
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            // Written as a JSON string when it holds control or non-ASCII characters: a NUL would end the message.
            const bool plain = std::all_of(key.begin(), key.end(), [](char c) { return c >= ' ' && c < 127; });
            fail(name, where + (plain ? key : core::json::serialize(Value(key))), "unknown key");
        }
}

/// A non-empty English string; its translation is looked up as "NAME: FIELD".
LessonString textFrom(const Value *value, const QString &name, const std::string &field)
{
    if (!value || !value->isString() || value->asString().empty())
        fail(name, field, "expected a non-empty string (English; the Korean is in resources/translations)");
    return {QString::fromStdString(value->asString()), name + QStringLiteral(": ") + QString::fromStdString(field)};
}

std::vector<core::DiagnosticKind> expectsFrom(const Value *value, const QString &name, const std::string &field)
{
    if (!value || !value->isArray())
        fail(name, field, "expected a list of diagnostic names");
    std::vector<core::DiagnosticKind> kinds;
    for (const Value &v : value->asArray()) {
        if (!v.isString())
            fail(name, field, "expected a list of diagnostic names");
        try {
            kinds.push_back(core::diagnosticFromName(v.asString()));
        } catch (const std::invalid_argument &e) {
            fail(name, field, e.what());
        }
    }
    return kinds;
}

core::RunConfig configFrom(const Value &config, const QString &name, const std::string &field)
{
    try {
        return core::configFromJson(config);
    } catch (const std::invalid_argument &e) {
        fail(name, field, e.what());
    }
}

} // namespace

QString LessonString::translated() const
{
    return QCoreApplication::translate("Lesson", source.toUtf8().constData(), id.toUtf8().constData());
}

QStringList presetNames()
{
    // In lesson order; a preset without an order goes last, and ties keep the name order.
    QStringList names = presetFileNames();
    std::vector<std::pair<long long, QString>> ordered;
    for (const QString &name : names) {
        long long order = std::numeric_limits<long long>::max();
        try {
            const Value doc = readPreset(name);
            if (const Value *o = doc.find("order"); o && o->isNumber() && o->isInteger())
                order = o->asInt64();
        } catch (const std::exception &) {
            // A malformed preset still gets listed; presetConfig() reports what is wrong with it.
        }
        ordered.emplace_back(order, name);
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    names.clear();
    for (const auto &entry : ordered)
        names << entry.second;
    return names;
}

core::RunConfig presetConfig(const QString &name)
{
    const Value doc = readPreset(name);
    // A preset is a config plus lesson text; only its "config" object holds run settings.
    const Value *config = doc.find("config");
    return core::configFromJson(config ? *config : doc);
}

QString presetTitle(const QString &name)
{
    const Value doc = readPreset(name);
    const Value *title = doc.find("title");
    if (!title || !title->isString())
        return {};
    return LessonString{QString::fromStdString(title->asString()), name + QStringLiteral(": title")}.translated();
}

Lesson lesson(const QString &name)
{
    return parseLesson(name, readPresetBytes(name));
}

Lesson parseLesson(const QString &name, const QByteArray &document)
{
    const Value doc = parsePreset(name, document);
    if (!doc.isObject())
        fail(name, "(top level)", "expected an object");
    rejectUnknownKeys(doc, {"order", "title", "question", "explanation", "expects", "test_steps", "config", "compare"},
                      name, "");
    Lesson l;
    l.name = name;
    const Value *order = doc.find("order");
    if (!order || !order->isNumber() || !order->isInteger() || order->asInt64() < 1 || order->asInt64() > 10000)
        fail(name, "order", "expected an integer in [1, 10000]");
    l.order = static_cast<int>(order->asInt64());
    l.title = textFrom(doc.find("title"), name, "title");
    l.question = textFrom(doc.find("question"), name, "question");
    l.explanation = textFrom(doc.find("explanation"), name, "explanation");
    l.expects = expectsFrom(doc.find("expects"), name, "expects");
    if (const Value *steps = doc.find("test_steps")) {
        if (!steps->isNumber() || !steps->isInteger() || steps->asInt64() < 1)
            fail(name, "test_steps", "expected a positive integer");
        l.testSteps = steps->asInt64();
    }
    const Value *config = doc.find("config");
    if (!config || !config->isObject())
        fail(name, "config", "expected an object of config keys");
    l.config = configFrom(*config, name, "config");
    if (const Value *compare = doc.find("compare")) {
        if (!compare->isObject())
            fail(name, "compare", "expected an object");
        rejectUnknownKeys(*compare, {"title", "config", "expects"}, name, "compare.");
        LessonComparison c;
        c.title = textFrom(compare->find("title"), name, "compare.title");
        const Value *changes = compare->find("config");
        if (!changes || !changes->isObject() || changes->size() == 0)
            fail(name, "compare.config", "expected an object with the keys that differ");
        // The comparison is the lesson's config with these keys replaced.
        Value merged = *config;
        for (const auto &[key, value] : changes->asObject())
            merged[key] = value;
        c.config = configFrom(merged, name, "compare.config");
        if (const Value *expects = compare->find("expects"))
            c.expects = expectsFrom(expects, name, "compare.expects");
        l.compare = std::move(c);
    }
    return l;
}

std::vector<Lesson> lessons()
{
    std::vector<Lesson> all;
    for (const QString &name : presetFileNames())
        all.push_back(lesson(name));
    std::stable_sort(all.begin(), all.end(), [](const Lesson &a, const Lesson &b) { return a.order < b.order; });
    return all;
}

} // namespace layerlens::ui
