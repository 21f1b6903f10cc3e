// Strict JSON: round trips (doubles bit-identical, 64-bit integers exact), escapes, pretty
// output, error positions and causes for malformed input, and type errors.

#include "core/json.h"

#include <QtTest>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

using namespace layerlens::core::json;

namespace {

std::string_view view(const QByteArray &bytes) { return {bytes.constData(), static_cast<std::size_t>(bytes.size())}; }

QByteArray bytes(const std::string &s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

/// Stricter than operator==: same types, same integer-ness and bit-identical doubles, so that
/// -0.0 ≠ 0.0 and an integral double ≠ the integer it equals.
bool identical(const Value &a, const Value &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Null: return true;
    case Value::Type::Bool: return a.asBool() == b.asBool();
    case Value::Type::Number:
        if (a.isInteger() != b.isInteger())
            return false;
        if ((a.asNumber() < 0) != (b.asNumber() < 0))
            return false;
        if (a.isInteger() && a.asNumber() >= 0)
            return a.asUint64() == b.asUint64();
        if (a.isInteger())
            return a.asInt64() == b.asInt64();
        return std::bit_cast<std::uint64_t>(a.asNumber()) == std::bit_cast<std::uint64_t>(b.asNumber());
    case Value::Type::String: return a.asString() == b.asString();
    case Value::Type::Array:
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!identical(a.asArray()[i], b.asArray()[i]))
                return false;
        return true;
    case Value::Type::Object:
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a.asObject()[i].first != b.asObject()[i].first
                || !identical(a.asObject()[i].second, b.asObject()[i].second))
                return false;
        return true;
    }
    return false;
}

} // namespace

// Readable QCOMPARE failure output for std::string, std::string_view and Value::Type.
namespace QTest {
template <>
char *toString(const std::string &s)
{
    return toPrettyCString(s.data(), static_cast<qsizetype>(s.size()));
}
template <>
char *toString(const std::string_view &s)
{
    return toPrettyCString(s.data(), static_cast<qsizetype>(s.size()));
}
template <>
char *toString(const Value::Type &t)
{
    return qstrdup(std::string(Value::typeName(t)).c_str());
}
} // namespace QTest

class TestJson : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void doublesBitIdentical_data();
    void doublesBitIdentical();
    void integers_data();
    void integers();
    void constructedNumbers();
    void nonFiniteWrittenAsNull();
    void escapes_data();
    void escapes();
    void serializeEscapes_data();
    void serializeEscapes();
    void pretty();
    void malformed_data();
    void malformed();
    void maxDepth();
    void deepNestingFailsQuickly();
    void largeObjects();
    void typeErrors_data();
    void typeErrors();
    void building();
    void equality();
    void parseTenMegabytes();
};

void TestJson::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("compact"); // the exact compact serialization
    QTest::newRow("null") << QByteArray("null") << QByteArray("null");
    QTest::newRow("true") << QByteArray("true") << QByteArray("true");
    QTest::newRow("false") << QByteArray(" false ") << QByteArray("false");
    QTest::newRow("zero") << QByteArray("0") << QByteArray("0");
    QTest::newRow("negative integer") << QByteArray("-42") << QByteArray("-42");
    QTest::newRow("double") << QByteArray("3.25") << QByteArray("3.25");
    QTest::newRow("integral double") << QByteArray("2.0") << QByteArray("2.0");
    QTest::newRow("exponent") << QByteArray("1.5e-7") << QByteArray("1.5e-07");
    QTest::newRow("capital E") << QByteArray("2E+10") << QByteArray("2e+10");
    QTest::newRow("negative zero") << QByteArray("-0") << QByteArray("-0.0");
    QTest::newRow("underflow to zero") << QByteArray("-1e-400") << QByteArray("-0.0");
    QTest::newRow("uint64 max") << QByteArray("18446744073709551615") << QByteArray("18446744073709551615");
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << QByteArray("-9223372036854775808");
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << QByteArray("9223372036854775807");
    QTest::newRow("2^63") << QByteArray("9223372036854775808") << QByteArray("9223372036854775808");
    QTest::newRow("beyond uint64") << QByteArray("18446744073709551616") << QByteArray("18446744073709551616.0");
    QTest::newRow("string") << QByteArray("\"hi\"") << QByteArray("\"hi\"");
    QTest::newRow("empty string") << QByteArray("\"\"") << QByteArray("\"\"");
    QTest::newRow("unicode") << QByteArray("\"\\u00e9\\uD83D\\uDE00 \xC3\xA9\"")
                             << QByteArray("\"\xC3\xA9\xF0\x9F\x98\x80 \xC3\xA9\"");
    QTest::newRow("empty array") << QByteArray("[ ]") << QByteArray("[]");
    QTest::newRow("empty object") << QByteArray("{ }") << QByteArray("{}");
    QTest::newRow("whitespace everywhere") << QByteArray(" \t\r\n[ 1 ,\n{ \"a\" : 2 } ] \n")
                                           << QByteArray("[1,{\"a\":2}]");
    QTest::newRow("nested") << QByteArray("{\"z\":[1,2.5,{\"b\":null,\"a\":[[]]}],\"c\":\"x\",\"d\":true}")
                            << QByteArray("{\"z\":[1,2.5,{\"b\":null,\"a\":[[]]}],\"c\":\"x\",\"d\":true}");
}

void TestJson::roundTrip()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, compact);
    const Value v = parse(view(text));
    const std::string written = serialize(v);
    QCOMPARE(bytes(written), compact);
    const Value back = parse(written);
    QVERIFY(back == v);
    QVERIFY(identical(back, v));
    const std::string pretty = serialize(v, Style::Pretty);
    QVERIFY2(pretty.empty() || pretty.back() != '\n', pretty.c_str());
    const Value fromPretty = parse(pretty);
    QVERIFY(identical(fromPretty, v));
    QCOMPARE(bytes(serialize(fromPretty)), compact);
}

void TestJson::doublesBitIdentical_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("0.1") << 0.1;
    QTest::newRow("0.1+0.2") << 0.1 + 0.2;
    QTest::newRow("1e-300") << 1e-300;
    QTest::newRow("5e-324 (smallest subnormal)") << 5e-324;
    QTest::newRow("largest subnormal") << 2.2250738585072009e-308;
    QTest::newRow("smallest normal") << std::numeric_limits<double>::min();
    QTest::newRow("-0.0") << -0.0;
    QTest::newRow("0.0") << 0.0;
    QTest::newRow("max") << 1.7976931348623157e308;
    QTest::newRow("-max") << -std::numeric_limits<double>::max();
    QTest::newRow("1/3") << 1.0 / 3.0;
    QTest::newRow("pi") << std::numbers::pi;
    QTest::newRow("-1.5e-7") << -1.5e-7;
    QTest::newRow("1e21") << 1e21;
    QTest::newRow("1e22") << 1e22;
    QTest::newRow("2^53+2") << 9007199254740994.0;
    QTest::newRow("integral 123456789") << 123456789.0;
    QTest::newRow("integral -2") << -2.0;
    QTest::newRow("2^64") << 18446744073709551616.0;
    QTest::newRow("float 0.1") << static_cast<double>(0.1f);
}

void TestJson::doublesBitIdentical()
{
    QFETCH(double, value);
    const auto expected = std::bit_cast<std::uint64_t>(value);
    for (const Style style : {Style::Compact, Style::Pretty}) {
        Value holder;
        holder["x"].push_back(Value(value));
        const std::string text = serialize(holder, style);
        const Value back = parse(text);
        const Value &number = back.find("x")->asArray().at(0);
        QVERIFY2(!number.isInteger(), text.c_str());
        QCOMPARE(std::bit_cast<std::uint64_t>(number.asNumber()), expected);
        // The written form is the shortest that round-trips.
        char shortest[32];
        const auto end = std::to_chars(shortest, shortest + sizeof shortest, value).ptr;
        QVERIFY2(text.find(std::string(shortest, end)) != std::string::npos, text.c_str());
    }
    // The same double written by other means parses to the same bits.
    char precise[40];
    const auto end = std::to_chars(precise, precise + sizeof precise, value, std::chars_format::scientific, 16).ptr;
    QCOMPARE(std::bit_cast<std::uint64_t>(parse(std::string_view(precise, static_cast<std::size_t>(end - precise))).asNumber()),
             expected);
}

void TestJson::integers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("fitsInt64");
    QTest::addColumn<qlonglong>("int64");
    QTest::addColumn<bool>("fitsUint64");
    QTest::addColumn<qulonglong>("uint64");
    const auto i64max = std::numeric_limits<qlonglong>::max();
    const auto i64min = std::numeric_limits<qlonglong>::min();
    const auto u64max = std::numeric_limits<qulonglong>::max();
    QTest::newRow("0") << QByteArray("0") << true << 0LL << true << 0ULL;
    QTest::newRow("-1") << QByteArray("-1") << true << -1LL << false << 0ULL;
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << true << i64max << true
                               << static_cast<qulonglong>(i64max);
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << true << i64min << false << 0ULL;
    QTest::newRow("2^63") << QByteArray("9223372036854775808") << false << 0LL << true << 9223372036854775808ULL;
    QTest::newRow("uint64 max") << QByteArray("18446744073709551615") << false << 0LL << true << u64max;
    QTest::newRow("2^64") << QByteArray("18446744073709551616") << false << 0LL << false << 0ULL;
    QTest::newRow("-2^63-1") << QByteArray("-9223372036854775809") << false << 0LL << false << 0ULL;
    QTest::newRow("1.0") << QByteArray("1.0") << false << 0LL << false << 0ULL;
    QTest::newRow("1e2") << QByteArray("1e2") << false << 0LL << false << 0ULL;
    QTest::newRow("-0") << QByteArray("-0") << false << 0LL << false << 0ULL;
}

void TestJson::integers()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, fitsInt64);
    QFETCH(qlonglong, int64);
    QFETCH(bool, fitsUint64);
    QFETCH(qulonglong, uint64);
    const Value v = parse(view(text));
    QVERIFY(v.isNumber());
    const bool integerLiteral = !text.contains('.') && !text.contains('e') && text != "-0";
    QCOMPARE(v.isInteger(), integerLiteral && (fitsInt64 || fitsUint64));
    if (fitsInt64)
        QCOMPARE(v.asInt64(), int64);
    else
        QVERIFY_THROWS_EXCEPTION(TypeError, v.asInt64());
    if (fitsUint64)
        QCOMPARE(v.asUint64(), uint64);
    else
        QVERIFY_THROWS_EXCEPTION(TypeError, v.asUint64());
    if (v.isInteger())
        QCOMPARE(bytes(serialize(v)), text);
}

void TestJson::constructedNumbers()
{
    const std::uint64_t seed = 0xFEDCBA9876543210ULL; // std::uint64_t is unsigned long here
    QCOMPARE(serialize(Value(seed)), std::string("18364758544493064720"));
    QCOMPARE(parse(serialize(Value(seed))).asUint64(), seed);
    QCOMPARE(serialize(Value(std::numeric_limits<unsigned long long>::max())), std::string("18446744073709551615"));
    QCOMPARE(serialize(Value(std::numeric_limits<long long>::min())), std::string("-9223372036854775808"));
    QCOMPARE(serialize(Value(std::int64_t{-5})), std::string("-5"));
    QCOMPARE(serialize(Value(7u)), std::string("7"));
    QCOMPARE(serialize(Value(-3)), std::string("-3"));
    QVERIFY(Value(3).isInteger());
    QVERIFY(!Value(3.0).isInteger());
    QCOMPARE(serialize(Value(3.0)), std::string("3.0"));
    QCOMPARE(serialize(Value(2.5f)), std::string("2.5"));
    QCOMPARE(Value(42).asNumber(), 42.0);
    // The double of a large integer is its correct rounding.
    QCOMPARE(Value(std::numeric_limits<unsigned long long>::max()).asNumber(), 18446744073709551616.0);
}

void TestJson::nonFiniteWrittenAsNull()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QCOMPARE(serialize(Value(nan)), std::string("null"));
    QCOMPARE(serialize(Value(inf)), std::string("null"));
    QCOMPARE(serialize(Value(-inf)), std::string("null"));
    Value array = Value::array();
    array.push_back(Value(nan));
    array.push_back(1);
    QCOMPARE(serialize(array), std::string("[null,1]"));
    QVERIFY(parse(serialize(array)).asArray()[0].isNull());
}

void TestJson::escapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("quote") << QByteArray(R"("\"")") << QByteArray("\"");
    QTest::newRow("backslash") << QByteArray(R"("\\")") << QByteArray("\\");
    QTest::newRow("slash") << QByteArray(R"("\/")") << QByteArray("/");
    QTest::newRow("short escapes") << QByteArray(R"("\b\f\n\r\t")") << QByteArray("\b\f\n\r\t");
    QTest::newRow("u0041") << QByteArray(R"("\u0041")") << QByteArray("A");
    QTest::newRow("u00e9 two bytes") << QByteArray(R"("\u00e9")") << QByteArray("\xC3\xA9");
    QTest::newRow("u20AC three bytes") << QByteArray(R"("\u20AC")") << QByteArray("\xE2\x82\xAC");
    QTest::newRow("uFFFF") << QByteArray(R"("\uFFFF")") << QByteArray("\xEF\xBF\xBF");
    QTest::newRow("surrogate pair") << QByteArray(R"("\uD83D\uDE00")") << QByteArray("\xF0\x9F\x98\x80");
    QTest::newRow("surrogate pair lowercase") << QByteArray(R"("\ud83d\ude00")") << QByteArray("\xF0\x9F\x98\x80");
    QTest::newRow("highest code point") << QByteArray(R"("\uDBFF\uDFFF")") << QByteArray("\xF4\x8F\xBF\xBF");
    QTest::newRow("u0000 embedded nul") << QByteArray(R"("a\u0000b")") << QByteArray("a\0b", 3);
    QTest::newRow("mixed") << QByteArray(R"(">\"\u00e9\\n<")") << QByteArray(">\"\xC3\xA9\\n<");
    QTest::newRow("raw UTF-8") << QByteArray("\"\xC3\xA9\xE2\x82\xAC\"") << QByteArray("\xC3\xA9\xE2\x82\xAC");
    QTest::newRow("invalid UTF-8 passes") << QByteArray("\"\xFF\xFE\"") << QByteArray("\xFF\xFE");
    QTest::newRow("DEL raw") << QByteArray("\"\x7F\"") << QByteArray("\x7F");
}

void TestJson::escapes()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    const Value v = parse(view(json));
    QCOMPARE(bytes(v.asString()), expected);
    QCOMPARE(bytes(parse(serialize(v)).asString()), expected);
    // The same string as an object key.
    std::string member = "{";
    member += view(json);
    member += ":1}";
    const Value object = parse(member);
    QCOMPARE(bytes(object.asObject().at(0).first), expected);
    QCOMPARE(bytes(parse(serialize(object)).asObject().at(0).first), expected);
}

void TestJson::serializeEscapes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray(R"("abc")");
    QTest::newRow("quote") << QByteArray("a\"b") << QByteArray(R"("a\"b")");
    QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray(R"("a\\b")");
    QTest::newRow("newline") << QByteArray("a\nb") << QByteArray(R"("a\nb")");
    QTest::newRow("tab cr bs ff") << QByteArray("\t\r\b\f") << QByteArray(R"("\t\r\b\f")");
    QTest::newRow("0x01") << QByteArray("\x01") << QByteArray(R"("\u0001")");
    QTest::newRow("0x1F") << QByteArray("\x1F") << QByteArray(R"("\u001F")");
    QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray(R"("a\u0000b")");
    QTest::newRow("DEL not escaped") << QByteArray("\x7F") << QByteArray("\"\x7F\"");
    QTest::newRow("slash not escaped") << QByteArray("a/b") << QByteArray(R"("a/b")");
    QTest::newRow("UTF-8 not escaped") << QByteArray("\xC3\xA9") << QByteArray("\"\xC3\xA9\"");
}

void TestJson::serializeEscapes()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const std::string s(view(input));
    QCOMPARE(bytes(serialize(Value(s))), expected);
    Value object;
    object[s] = 1;
    QCOMPARE(bytes(serialize(object)), "{" + expected + ":1}");
    QCOMPARE(parse(serialize(object)).asObject().at(0).first, s);
}

void TestJson::pretty()
{
    Value config;
    config["name"] = "mnist";
    config["layers"].push_back(64);
    config["layers"].push_back(32);
    config["lr"] = 0.001;
    config["empty"] = Value::array();
    config["nested"]["deep"] = true;
    config["none"] = nullptr;
    config["no members"] = Value::object();
    const std::string expected = "{\n"
                                 "  \"name\": \"mnist\",\n"
                                 "  \"layers\": [\n"
                                 "    64,\n"
                                 "    32\n"
                                 "  ],\n"
                                 "  \"lr\": 0.001,\n"
                                 "  \"empty\": [],\n"
                                 "  \"nested\": {\n"
                                 "    \"deep\": true\n"
                                 "  },\n"
                                 "  \"none\": null,\n"
                                 "  \"no members\": {}\n"
                                 "}";
    QCOMPARE(serialize(config, Style::Pretty), expected);
    QCOMPARE(serialize(config), std::string(R"({"name":"mnist","layers":[64,32],"lr":0.001,"empty":[],)"
                                            R"("nested":{"deep":true},"none":null,"no members":{}})"));
    QVERIFY(identical(parse(expected), config));
    QCOMPARE(serialize(Value(1), Style::Pretty), std::string("1"));
    QCOMPARE(serialize(Value::array(), Style::Pretty), std::string("[]"));
}

void TestJson::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("cause");
    const auto row = [](const char *name, const QByteArray &text, int line, int column, const char *cause) {
        QTest::newRow(name) << text << line << column << QString::fromUtf8(cause);
    };
    row("empty", "", 1, 1, "empty document");
    row("only whitespace", " \n\t ", 2, 3, "empty document");
    row("trailing comma/array", "[1,2,]", 1, 6, "trailing comma before ']'");
    row("trailing comma/object", R"({"a":1,})", 1, 8, "trailing comma before '}'");
    row("leading zero", "[01]", 1, 2, "leading zeros are not allowed");
    row("leading zero/negative", "-007", 1, 1, "leading zeros are not allowed");
    row("NaN", "[NaN]", 1, 2, "NaN and Infinity are not valid JSON numbers");
    row("-Infinity", "-Infinity", 1, 1, "NaN and Infinity are not valid JSON numbers");
    row("unterminated string", R"({"a": "abc)", 1, 7, "unterminated string");
    row("unterminated escape", "\"ab\\", 1, 1, "unterminated string");
    row("bad escape", R"("a\qb")", 1, 3, "invalid escape '\\q'");
    row("escaped control char", "\"\\\x01\"", 1, 2, "invalid escape: '\\' followed by control character U+0001");
    row("lone high surrogate", R"("\uD800")", 1, 2,
        "lone surrogate '\\uD800' (high surrogate not followed by a low one)");
    row("lone low surrogate", R"("x\uDC00")", 1, 3,
        "lone surrogate '\\uDC00' (low surrogate without a high one before it)");
    row("high surrogate then non-low", R"("\uD800\u0041")", 1, 2,
        "lone surrogate '\\uD800' (high surrogate not followed by a low one)");
    row("short \\u escape", R"("\u12")", 1, 2, "invalid \\u escape, expected 4 hex digits");
    row("non-hex \\u escape", R"("\u12G4")", 1, 2, "invalid \\u escape, expected 4 hex digits");
    row("control char/tab", "\"a\tb\"", 1, 3, "unescaped control character U+0009 in string");
    row("control char/raw newline", "[\"a\nb\"]", 1, 4, "unescaped control character U+000A in string");
    row("duplicate key", R"({"x":1,"x":2})", 1, 8, "duplicate key 'x'");
    row("duplicate key/nested", "{\"a\":{\"k\":1},\n \"b\":{\"k\":1,\"k\":2}}", 2, 13, "duplicate key 'k'");
    row("trailing garbage", "[1] x", 1, 5, "unexpected character 'x' after the value");
    row("two values", "1 2", 1, 3, "unexpected character '2' after the value");
    row("trailing comment", "[1] // c", 1, 5, "unexpected character '/' after the value");
    row("hex number", "0x10", 1, 2, "unexpected character 'x' after the value");
    row("1e999", "1e999", 1, 1, "number out of range");
    row("-1e999 in array", "[0, -1e999]", 1, 5, "number out of range");
    row("huge integer", "1" + QByteArray(400, '0'), 1, 1, "number out of range");
    row("100000 nested [", QByteArray(100000, '['), 1, 65, "nesting deeper than 64 levels");
    row("100000 nested objects", QByteArray(R"({"a":)").repeated(100000), 1, 321, "nesting deeper than 64 levels");
    row("unclosed object", R"({"a":1)", 1, 7, "expected ',' or '}' after object member, found end of input");
    row("unclosed array", "[1,2", 1, 5, "expected ',' or ']' after array element, found end of input");
    row("unclosed nested", "[[[", 1, 4, "unexpected end of input, expected a value");
    row("value missing", R"({"a":)", 1, 6, "unexpected end of input, expected a value");
    row("missing colon", R"({"a" 1})", 1, 6, "expected ':' after object key, found character '1'");
    row("missing comma", R"({"a":1 "b":2})", 1, 8, "expected ',' or '}' after object member, found character '\"'");
    row("missing comma/array", "[1 2]", 1, 4, "expected ',' or ']' after array element, found character '2'");
    row("non-string key", "{1:2}", 1, 2, "expected string key or '}', found character '1'");
    row("single quotes", "['a']", 1, 2, "unexpected character '''");
    row("comment", "// c\n1", 1, 1, "unexpected character '/'");
    row("bad literal", "[tru]", 1, 2, "invalid literal, expected 'true'");
    row("capitalised literal", "True", 1, 1, "unexpected character 'T'");
    row("plus sign", "+1", 1, 1, "unexpected character '+'");
    row("missing fraction", "1.", 1, 3, "expected digit after '.', found end of input");
    row("missing exponent digits", "1e+", 1, 4, "expected digit in exponent, found end of input");
    row("lone minus", "-", 1, 2, "expected digit after '-', found end of input");
    row("leading dot", ".5", 1, 1, "unexpected character '.'");
    row("error on line 3 column 5", "{\n  \"a\": 1,\n    x\n}", 3, 5,
        "expected string key after ',', found character 'x'");
    row("CRLF counts as one line", "[\r\n1,\r\n\r\n  ]", 4, 3, "trailing comma before ']'");
    row("lone CR ends a line", "[1,\r]", 2, 1, "trailing comma before ']'");
    row("column counts characters", "\"\xC3\xA9\" x", 1, 5, "unexpected character 'x' after the value");
    row("non-ASCII character", "\xC3\xA9", 1, 1, "unexpected character '\xC3\xA9'");
    row("invalid UTF-8 byte", "\xFF", 1, 1, "unexpected byte 0xFF");
    // 20 distinct keys move the duplicate check from a linear scan to a hash set.
    QByteArray large = "{";
    for (int i = 0; i < 20; ++i)
        large += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
    large += "\"k7\":0}";
    row("duplicate key/large object", large, 1, static_cast<int>(large.lastIndexOf("\"k7\"")) + 1, "duplicate key 'k7'");
}

void TestJson::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, cause);
    try {
        const Value v = parse(view(text), "test.json");
        QFAIL(qPrintable("parsed as " + QString::fromStdString(serialize(v))));
    } catch (const ParseError &e) {
        const QString message = QString::fromUtf8(e.what());
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QCOMPARE(message, QString("test.json:%1:%2: ").arg(line).arg(column) + cause);
    }
}

void TestJson::maxDepth()
{
    QVERIFY(parse("[[1]]", "<input>", 2) == parse("[[1]]"));
    QVERIFY(parse("1", "<input>", 0).isInteger());
    try {
        parse("[[1]]", "depth.json", 1);
        QFAIL("no exception");
    } catch (const ParseError &e) {
        QCOMPARE(QString(e.what()), QString("depth.json:1:2: nesting deeper than 1 level"));
    }
    QVERIFY_THROWS_EXCEPTION(ParseError, parse("[]", "<input>", 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parse("1", "<input>", -1));
    // Exactly at the limit is accepted, one deeper is not.
    const std::string at64 = std::string(64, '[') + std::string(64, ']');
    QCOMPARE(parse(at64).size(), std::size_t{1});
    QVERIFY_THROWS_EXCEPTION(ParseError, parse("[" + at64 + "]"));
    // A deep document under a raised limit comes back unchanged.
    const std::string deep = std::string(1000, '[') + "{\"a\":1}" + std::string(1000, ']');
    const Value v = parse(deep, "<input>", 1001);
    QCOMPARE(serialize(v), deep);
    QVERIFY(identical(parse(serialize(v, Style::Pretty), "<input>", 1001), v));
}

void TestJson::deepNestingFailsQuickly()
{
    // The parser stops at the 65th '[' (the default limit is 64 levels) instead of reading or
    // recursing through all ten million: the error points there. (A wall-clock limit here would
    // fail on a loaded machine or under a sanitizer; the column says the same thing exactly.)
    const std::string text(10'000'000, '[');
    try {
        parse(text);
        QFAIL("no ParseError");
    } catch (const ParseError &e) {
        QCOMPARE(e.line, 1);
        QCOMPARE(e.column, 65);
        QVERIFY2(std::string(e.what()).find("nesting deeper than 64 levels") != std::string::npos, e.what());
    }
}

void TestJson::largeObjects()
{
    Value object;
    for (int i = 0; i < 1000; ++i)
        object["key" + std::to_string(i)] = i;
    const Value back = parse(serialize(object));
    QCOMPARE(back.size(), std::size_t{1000});
    QVERIFY(identical(back, object));
    QCOMPARE(back.find("key999")->asInt64(), 999LL);
    QCOMPARE(back.asObject().front().first, std::string("key0"));
}

void TestJson::typeErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *text, const char *call, const char *message) {
        QTest::newRow(name) << QByteArray(text) << QString(call) << QString(message);
    };
    row("asBool on number", "1", "asBool", "json: expected boolean, got number");
    row("asNumber on string", "\"1\"", "asNumber", "json: expected number, got string");
    row("asNumber on bool", "true", "asNumber", "json: expected number, got boolean");
    row("asString on null", "null", "asString", "json: expected string, got null");
    row("asArray on object", "{}", "asArray", "json: expected array, got object");
    row("mutable asArray on string", "\"a\"", "asArrayMutable", "json: expected array, got string");
    row("asObject on array", "[]", "asObject", "json: expected object, got array");
    row("mutable asObject on number", "2", "asObjectMutable", "json: expected object, got number");
    row("asInt64 on 1.5", "1.5", "asInt64", "json: expected integer, got non-integer number 1.5");
    row("asInt64 on 2^63", "9223372036854775808", "asInt64",
        "json: expected integer in int64 range, got 9223372036854775808");
    row("asInt64 on string", "\"7\"", "asInt64", "json: expected integer, got string");
    row("asUint64 on -1", "-1", "asUint64", "json: expected non-negative integer, got -1");
    row("asUint64 on 2.0", "2.0", "asUint64", "json: expected non-negative integer, got non-integer number 2.0");
    row("asUint64 on bool", "false", "asUint64", "json: expected non-negative integer, got boolean");
    row("operator[] on array", "[1]", "index", "json: expected object, got array");
    row("push_back on object", "{}", "push_back", "json: expected array, got object");
    row("push_back on number", "0", "push_back", "json: expected array, got number");
}

void TestJson::typeErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, call);
    QFETCH(QString, message);
    Value v = parse(view(text));
    const Value &c = v;
    try {
        if (call == "asBool")
            c.asBool();
        else if (call == "asNumber")
            c.asNumber();
        else if (call == "asString")
            c.asString();
        else if (call == "asArray")
            c.asArray();
        else if (call == "asArrayMutable")
            v.asArray();
        else if (call == "asObject")
            c.asObject();
        else if (call == "asObjectMutable")
            v.asObject();
        else if (call == "asInt64")
            c.asInt64();
        else if (call == "asUint64")
            c.asUint64();
        else if (call == "index")
            v["k"];
        else if (call == "push_back")
            v.push_back(1);
        else
            QFAIL("unknown call");
        QFAIL("no exception");
    } catch (const TypeError &e) {
        QCOMPARE(QString(e.what()), message);
    }
    QVERIFY(identical(v, parse(view(text)))); // a failed call leaves the value alone
}

void TestJson::building()
{
    Value v;
    QVERIFY(v.isNull());
    QCOMPARE(v.size(), std::size_t{0});
    QCOMPARE(v.find("a"), nullptr);
    v["b"] = 1;
    QVERIFY(v.isObject());
    v["a"] = "x";
    v["b"] = 2; // an existing key is replaced in place, not appended
    QCOMPARE(v.size(), std::size_t{2});
    QCOMPARE(serialize(v), std::string(R"({"b":2,"a":"x"})"));
    QVERIFY(v.find("a") != nullptr);
    QCOMPARE(v.find("a")->asString(), std::string("x"));
    QCOMPARE(v.find("missing"), nullptr);
    QCOMPARE(Value(1).find("a"), nullptr);

    Value list;
    list.push_back(true);
    list.push_back(Value());
    list.push_back("s");
    QVERIFY(list.isArray());
    QCOMPARE(list.size(), std::size_t{3});
    QCOMPARE(serialize(list), std::string(R"([true,null,"s"])"));
    list.asArray()[1] = Value::object();
    QCOMPARE(serialize(list), std::string(R"([true,{},"s"])"));
    QCOMPARE(Value("abc").size(), std::size_t{0});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Value(static_cast<const char *>(nullptr)));

    QCOMPARE(Value::typeName(Value::Type::Null), std::string_view("null"));
    QCOMPARE(Value::typeName(Value::Type::Bool), std::string_view("boolean"));
    QCOMPARE(Value::typeName(Value::Type::Number), std::string_view("number"));
    QCOMPARE(Value::typeName(Value::Type::String), std::string_view("string"));
    QCOMPARE(Value::typeName(Value::Type::Array), std::string_view("array"));
    QCOMPARE(Value::typeName(Value::Type::Object), std::string_view("object"));
    QCOMPARE(Value(nullptr).type(), Value::Type::Null);
    QCOMPARE(Value(false).type(), Value::Type::Bool);
    QCOMPARE(Value(std::string("s")).type(), Value::Type::String);
}

void TestJson::equality()
{
    QVERIFY(parse(R"({"a":1,"b":[1,2]})") == parse(R"({"b":[1,2],"a":1})"));
    QVERIFY(!(parse(R"({"a":1,"b":2})") == parse(R"({"a":1,"c":2})")));
    QVERIFY(!(parse(R"({"a":1})") == parse(R"({"a":1,"b":2})")));
    QVERIFY(!(parse("[1,2]") == parse("[2,1]")));
    QVERIFY(parse("1") == Value(1.0));
    QVERIFY(parse("1") != parse("true"));
    QVERIFY(parse("null") != parse("0"));
    QVERIFY(parse("\"1\"") != parse("1"));
    QVERIFY(Value(9007199254740992LL) == Value(9007199254740992.0));
    QVERIFY(Value(9007199254740993LL) != Value(9007199254740992.0)); // the double is only its rounding
    QVERIFY(Value(std::numeric_limits<unsigned long long>::max()) != Value(18446744073709551616.0));
    QVERIFY(Value(9223372036854775808ULL) == Value(9223372036854775808.0));
    QVERIFY(Value(-1) != Value(std::numeric_limits<unsigned long long>::max()));
    QVERIFY(Value(0.0) == Value(-0.0));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(Value(nan) != Value(nan));
    QVERIFY(Value(1) != Value(nan));
    // Duplicate keys can only be made by editing asObject(); they must not fake equality.
    Value dup = Value::object();
    dup.asObject().emplace_back("a", 1);
    dup.asObject().emplace_back("a", 1);
    QVERIFY(dup != parse(R"({"a":1,"b":1})"));
    QVERIFY(parse(R"({"a":1,"b":1})") != dup);
}

void TestJson::parseTenMegabytes()
{
    // About 10 MB: integers, doubles and a few nested arrays.
    std::string text = "[";
    text.reserve(10'500'000);
    long long count = 0;
    char buffer[32];
    while (text.size() < 10'000'000) {
        if (count > 0)
            text += ',';
        const auto end = (count % 2 == 0) ? std::to_chars(buffer, buffer + sizeof buffer, count * 7919).ptr
                                          : std::to_chars(buffer, buffer + sizeof buffer, count * 0.37).ptr;
        text.append(buffer, end);
        ++count;
    }
    text += ']';
    QElapsedTimer timer;
    timer.start();
    const Value v = parse(text);
    const qint64 elapsed = timer.elapsed();
    qInfo("parsed %zu bytes, %lld numbers in %lld ms", text.size(), count, static_cast<long long>(elapsed));
    QCOMPARE(v.size(), static_cast<std::size_t>(count));
    QCOMPARE(v.asArray()[2].asInt64(), 2LL * 7919);
    QVERIFY(v.asArray()[3].asNumber() == 3 * 0.37); // exact, not QCOMPARE's fuzzy double compare
    QVERIFY(v.asArray()[static_cast<std::size_t>(count - 1)].asNumber()
            == ((count - 1) % 2 == 0 ? static_cast<double>((count - 1) * 7919) : (count - 1) * 0.37));
    QCOMPARE(serialize(v).size(), text.size());
}

QTEST_APPLESS_MAIN(TestJson)
#include "tst_json.moc"
