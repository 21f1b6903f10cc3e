#include "core/json.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <limits>
#include <system_error>
#include <unordered_set>

namespace layerlens::core::json {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string hex(unsigned value, int digits)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, value >>= 4)
        out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
    return out;
}

/// Appends code point `cp` (≤ U+10FFFF, not a surrogate) as UTF-8.
void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Length of the well-formed UTF-8 sequence that starts `s`, 0 if it is malformed.
std::size_t utf8SequenceLength(std::string_view s)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    // The second byte's range excludes overlong forms, surrogates and code points > U+10FFFF.
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (s.size() < length || byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(i) < 0x80 || byte(i) > 0xBF)
            return 0;
    return length;
}

/// How the character at `pos` is named in messages: "character 'x'", "control character
/// U+0009", "character 'é'", "byte 0xFF" or "end of input".
std::string describeAt(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return "end of input";
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x20 || c == 0x7F)
        return "control character U+" + hex(c, 4);
    if (c < 0x80)
        return std::string("character '") + static_cast<char>(c) + "'";
    const std::size_t length = utf8SequenceLength(text.substr(pos));
    if (length == 0)
        return "byte 0x" + hex(c, 2);
    return "character '" + std::string(text.substr(pos, length)) + "'";
}

/// Appends `s` with '"', '\\' and control characters escaped, without the quotes.
void appendEscaped(std::string &out, std::string_view s)
{
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: out += "\\u" + hex(c, 4); break;
        }
    }
    out.append(s.data() + runStart, s.size() - runStart);
}

/// Decimal exponent of the first non-zero digit of a validated number literal, saturated. It
/// tells whether a literal that std::from_chars rejects as out of range overflowed (≥ 0) or
/// underflowed (< 0): from_chars reports both the same way and leaves the value unset.
long long leadingDigitExponent(std::string_view literal)
{
    std::size_t i = literal[0] == '-' ? 1 : 0;
    const std::size_t intStart = i;
    while (i < literal.size() && isDigit(literal[i]))
        ++i;
    const std::size_t intEnd = i;
    std::size_t fracStart = intEnd, fracEnd = intEnd;
    if (i < literal.size() && literal[i] == '.') {
        fracStart = ++i;
        while (i < literal.size() && isDigit(literal[i]))
            ++i;
        fracEnd = i;
    }
    long long exponent = 0;
    if (i < literal.size() && (literal[i] == 'e' || literal[i] == 'E')) {
        ++i;
        const bool negative = i < literal.size() && literal[i] == '-';
        if (i < literal.size() && (literal[i] == '-' || literal[i] == '+'))
            ++i;
        constexpr long long kSaturation = 1'000'000'000'000'000LL;
        for (; i < literal.size(); ++i)
            exponent = std::min(kSaturation, exponent * 10 + (literal[i] - '0'));
        if (negative)
            exponent = -exponent;
    }
    for (std::size_t k = intStart; k < intEnd; ++k)
        if (literal[k] != '0')
            return static_cast<long long>(intEnd - 1 - k) + exponent;
    for (std::size_t k = fracStart; k < fracEnd; ++k)
        if (literal[k] != '0')
            return -static_cast<long long>(k - fracStart + 1) + exponent;
    return -1; // all zeros: from_chars never rejects these, but they are certainly not large
}

/// An iterative parser: containers live on an explicit stack rather than the call stack, so
/// the nesting limit, not the thread's stack size, decides what is accepted.
class Parser {
public:
    Parser(std::string_view text, const std::string &source, int maxDepth)
        : m_text(text), m_source(source), m_maxDepth(static_cast<std::size_t>(maxDepth))
    {
    }

    /// The one value of the document; throws ParseError.
    Value parseDocument();

private:
    struct Frame {
        Value container;
        std::string key;                      ///< object: the member whose value is being parsed
        std::unordered_set<std::string> keys; ///< object: duplicate check once it is large
    };

    // Below this many members a linear scan finds duplicate keys faster than hashing.
    static constexpr std::size_t kIndexedMembers = 16;

    bool atEnd() const { return m_pos >= m_text.size(); }
    bool at(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }
    void skipWhitespace();
    bool beginValue(Value &out);
    void parseKey(Frame &frame, bool afterComma);
    Value parseScalar();
    Value parseLiteral(std::string_view word, Value value);
    Value parseNumber();
    std::string parseString();
    std::uint32_t parseUnicodeEscape(std::size_t escape);
    std::uint32_t parseHex4(std::size_t escape);
    [[noreturn]] void fail(std::size_t pos, const std::string &cause) const;
    [[noreturn]] void failExpected(const std::string &what) const;
    [[noreturn]] void failNonFinite(std::size_t pos) const;

    std::string_view m_text;
    const std::string &m_source;
    std::size_t m_maxDepth;
    std::size_t m_pos = 0;
    std::vector<Frame> m_stack;
};

Value Parser::parseDocument()
{
    skipWhitespace();
    if (atEnd())
        fail(m_pos, "empty document");
    Value value;
    for (;;) {
        // A value starts at m_pos, whitespace already skipped.
        if (!beginValue(value))
            continue; // a container opened and its first element starts at m_pos
        // `value` is complete: hand it to the enclosing container, closing those that end here.
        for (bool nextValue = false; !nextValue;) {
            skipWhitespace();
            if (m_stack.empty()) {
                if (!atEnd())
                    fail(m_pos, "unexpected " + describeAt(m_text, m_pos) + " after the value");
                return value;
            }
            Frame &frame = m_stack.back();
            if (frame.container.isArray()) {
                frame.container.asArray().push_back(std::move(value));
                if (at(',')) {
                    ++m_pos;
                    skipWhitespace();
                    if (at(']'))
                        fail(m_pos, "trailing comma before ']'");
                    nextValue = true;
                } else if (at(']')) {
                    ++m_pos;
                    value = std::move(frame.container);
                    m_stack.pop_back();
                } else {
                    failExpected("expected ',' or ']' after array element");
                }
            } else {
                frame.container.asObject().emplace_back(std::move(frame.key), std::move(value));
                if (at(',')) {
                    ++m_pos;
                    skipWhitespace();
                    if (at('}'))
                        fail(m_pos, "trailing comma before '}'");
                    parseKey(frame, true);
                    nextValue = true;
                } else if (at('}')) {
                    ++m_pos;
                    value = std::move(frame.container);
                    m_stack.pop_back();
                } else {
                    failExpected("expected ',' or '}' after object member");
                }
            }
        }
    }
}

void Parser::skipWhitespace()
{
    while (m_pos < m_text.size() && isWhitespace(m_text[m_pos]))
        ++m_pos;
}

// Returns true with `out` set when a whole value was read (a scalar or an empty container),
// false when a container was opened whose first element must be parsed next.
bool Parser::beginValue(Value &out)
{
    if (atEnd())
        fail(m_pos, "unexpected end of input, expected a value");
    const char open = m_text[m_pos];
    if (open != '[' && open != '{') {
        out = parseScalar();
        return true;
    }
    if (m_stack.size() >= m_maxDepth)
        fail(m_pos, "nesting deeper than " + std::to_string(m_maxDepth) + (m_maxDepth == 1 ? " level" : " levels"));
    ++m_pos;
    m_stack.push_back({open == '[' ? Value::array() : Value::object(), {}, {}});
    skipWhitespace();
    if (at(open == '[' ? ']' : '}')) {
        ++m_pos;
        out = std::move(m_stack.back().container);
        m_stack.pop_back();
        return true;
    }
    if (open == '{')
        parseKey(m_stack.back(), false);
    return false;
}

// Reads `"key" :` and the whitespace after it into frame.key.
void Parser::parseKey(Frame &frame, bool afterComma)
{
    if (!at('"'))
        failExpected(afterComma ? "expected string key after ','" : "expected string key or '}'");
    const std::size_t keyStart = m_pos;
    std::string key = parseString();
    const auto &members = frame.container.asObject();
    bool duplicate = false;
    if (members.size() < kIndexedMembers) {
        duplicate = std::any_of(members.begin(), members.end(), [&](const auto &m) { return m.first == key; });
    } else {
        if (frame.keys.empty())
            for (const auto &m : members)
                frame.keys.insert(m.first);
        duplicate = !frame.keys.insert(key).second;
    }
    if (duplicate) {
        std::string cause = "duplicate key '";
        appendEscaped(cause, key);
        fail(keyStart, cause + "'");
    }
    skipWhitespace();
    if (!at(':'))
        failExpected("expected ':' after object key");
    ++m_pos;
    skipWhitespace();
    frame.key = std::move(key);
}

Value Parser::parseScalar()
{
    const char c = m_text[m_pos];
    switch (c) {
    case '"': return Value(parseString());
    case 't': return parseLiteral("true", Value(true));
    case 'f': return parseLiteral("false", Value(false));
    case 'n': return parseLiteral("null", Value());
    default: break;
    }
    if (c == '-' || isDigit(c))
        return parseNumber();
    const std::string_view rest = m_text.substr(m_pos);
    if (rest.starts_with("NaN") || rest.starts_with("Infinity"))
        failNonFinite(m_pos);
    fail(m_pos, "unexpected " + describeAt(m_text, m_pos));
}

Value Parser::parseLiteral(std::string_view word, Value value)
{
    if (m_text.substr(m_pos, word.size()) != word)
        fail(m_pos, "invalid literal, expected '" + std::string(word) + "'");
    m_pos += word.size();
    return value;
}

// RFC 8259 grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
Value Parser::parseNumber()
{
    const std::size_t start = m_pos;
    const bool negative = at('-');
    if (negative) {
        ++m_pos;
        if (atEnd() || !isDigit(m_text[m_pos])) {
            if (m_text.substr(m_pos).starts_with("Infinity"))
                failNonFinite(start);
            failExpected("expected digit after '-'");
        }
    }
    const bool zero = at('0');
    if (zero) {
        ++m_pos;
        if (!atEnd() && isDigit(m_text[m_pos]))
            fail(start, "leading zeros are not allowed");
    } else {
        while (!atEnd() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    bool integral = true;
    if (at('.')) {
        integral = false;
        ++m_pos;
        if (atEnd() || !isDigit(m_text[m_pos]))
            failExpected("expected digit after '.'");
        while (!atEnd() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    if (at('e') || at('E')) {
        integral = false;
        ++m_pos;
        if (at('+') || at('-'))
            ++m_pos;
        if (atEnd() || !isDigit(m_text[m_pos]))
            failExpected("expected digit in exponent");
        while (!atEnd() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    const char *first = m_text.data() + start;
    const char *last = m_text.data() + m_pos;
    // "-0" stays a double: no integer type holds a negative zero, and its sign must survive.
    if (integral && !(negative && zero)) {
        if (negative) {
            std::int64_t i = 0;
            if (const auto [ptr, ec] = std::from_chars(first, last, i); ec == std::errc() && ptr == last)
                return Value(i);
        } else {
            std::uint64_t u = 0;
            if (const auto [ptr, ec] = std::from_chars(first, last, u); ec == std::errc() && ptr == last)
                return Value(u);
        }
    }
    double d = 0.0;
    const auto [ptr, ec] = std::from_chars(first, last, d);
    if (ec == std::errc::result_out_of_range) {
        if (leadingDigitExponent(m_text.substr(start, m_pos - start)) >= 0)
            fail(start, "number out of range");
        d = negative ? -0.0 : 0.0; // underflow rounds to zero, as IEEE arithmetic would
    } else if (ec != std::errc() || ptr != last) {
        fail(start, "invalid number");
    }
    return Value(d);
}

std::string Parser::parseString()
{
    const std::size_t open = m_pos++;
    std::string out;
    for (;;) {
        const std::size_t runStart = m_pos;
        while (m_pos < m_text.size()) {
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"' || c == '\\' || c < 0x20)
                break;
            ++m_pos;
        }
        out.append(m_text.data() + runStart, m_pos - runStart);
        if (atEnd())
            fail(open, "unterminated string");
        if (at('"')) {
            ++m_pos;
            return out;
        }
        if (!at('\\'))
            fail(m_pos, "unescaped " + describeAt(m_text, m_pos) + " in string");
        const std::size_t escape = m_pos++;
        if (atEnd())
            fail(open, "unterminated string");
        const char e = m_text[m_pos++];
        switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': appendUtf8(out, parseUnicodeEscape(escape)); break;
        default:
            if (e > 0x20 && e < 0x7F)
                fail(escape, std::string("invalid escape '\\") + e + "'");
            fail(escape, "invalid escape: '\\' followed by " + describeAt(m_text, escape + 1));
        }
    }
}

// m_pos is just past "\u" of the escape starting at `escape`; UTF-16 surrogates must pair up.
std::uint32_t Parser::parseUnicodeEscape(std::size_t escape)
{
    const std::uint32_t unit = parseHex4(escape);
    const std::string written(m_text.substr(escape, 6));
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        fail(escape, "lone surrogate '" + written + "' (low surrogate without a high one before it)");
    if (unit < 0xD800 || unit > 0xDBFF)
        return unit;
    if (m_text.substr(m_pos, 2) != "\\u")
        fail(escape, "lone surrogate '" + written + "' (high surrogate not followed by a low one)");
    const std::size_t second = m_pos;
    m_pos += 2;
    const std::uint32_t low = parseHex4(second);
    if (low < 0xDC00 || low > 0xDFFF)
        fail(escape, "lone surrogate '" + written + "' (high surrogate not followed by a low one)");
    return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
}

std::uint32_t Parser::parseHex4(std::size_t escape)
{
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i, ++m_pos) {
        const char c = atEnd() ? '\0' : m_text[m_pos];
        std::uint32_t digit = 0;
        if (isDigit(c))
            digit = static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
        else
            fail(escape, "invalid \\u escape, expected 4 hex digits");
        value = value * 16 + digit;
    }
    return value;
}

void Parser::fail(std::size_t pos, const std::string &cause) const
{
    pos = std::min(pos, m_text.size());
    // Lines end at "\n", "\r\n" or a lone "\r"; columns count UTF-8 characters, as editors do.
    long long line = 1, column = 1;
    for (std::size_t i = 0; i < pos; ++i) {
        const char c = m_text[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= m_text.size() || m_text[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column;
        }
    }
    throw ParseError(m_source, static_cast<int>(std::min<long long>(line, INT_MAX)),
                     static_cast<int>(std::min<long long>(column, INT_MAX)), cause);
}

void Parser::failExpected(const std::string &what) const
{
    fail(m_pos, what + ", found " + describeAt(m_text, m_pos));
}

void Parser::failNonFinite(std::size_t pos) const
{
    fail(pos, "NaN and Infinity are not valid JSON numbers");
}

/// Appends a number: integers exactly, doubles in their shortest round-trip form.
void writeNumber(std::string &out, const Value &v)
{
    char buffer[32]; // the longest shortest double, "-2.2250738585072014e-308", has 24
    std::to_chars_result result{};
    if (v.isInteger()) {
        // asNumber() < 0 exactly for negative integers, as "-0" is never an integer.
        result = v.asNumber() < 0 ? std::to_chars(buffer, buffer + sizeof buffer, v.asInt64())
                                  : std::to_chars(buffer, buffer + sizeof buffer, v.asUint64());
        out.append(buffer, result.ptr);
        return;
    }
    const double d = v.asNumber();
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    result = std::to_chars(buffer, buffer + sizeof buffer, d);
    out.append(buffer, result.ptr);
    // An integral double such as 3.0 comes out as "3", which would parse back as an integer.
    if (std::find_if(buffer, result.ptr, [](char c) { return c == '.' || c == 'e'; }) == result.ptr)
        out += ".0";
}

void newline(std::string &out, int depth)
{
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

void writeValue(std::string &out, const Value &v, bool pretty, int depth)
{
    switch (v.type()) {
    case Value::Type::Null: out += "null"; break;
    case Value::Type::Bool: out += v.asBool() ? "true" : "false"; break;
    case Value::Type::Number: writeNumber(out, v); break;
    case Value::Type::String:
        out += '"';
        appendEscaped(out, v.asString());
        out += '"';
        break;
    case Value::Type::Array: {
        const auto &elements = v.asArray();
        if (elements.empty()) {
            out += "[]";
            break;
        }
        out += '[';
        for (std::size_t i = 0; i < elements.size(); ++i) {
            if (i > 0)
                out += ',';
            if (pretty)
                newline(out, depth + 1);
            writeValue(out, elements[i], pretty, depth + 1);
        }
        if (pretty)
            newline(out, depth);
        out += ']';
        break;
    }
    case Value::Type::Object: {
        const auto &members = v.asObject();
        if (members.empty()) {
            out += "{}";
            break;
        }
        out += '{';
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i > 0)
                out += ',';
            if (pretty)
                newline(out, depth + 1);
            out += '"';
            appendEscaped(out, members[i].first);
            out += pretty ? "\": " : "\":";
            writeValue(out, members[i].second, pretty, depth + 1);
        }
        if (pretty)
            newline(out, depth);
        out += '}';
        break;
    }
    }
}

} // namespace

Value::Value() = default;

Value::Value(std::nullptr_t) {}

Value::Value(bool b) : m_data(std::in_place_type<bool>, b) {}

Value::Value(double d) : m_data(std::in_place_type<Number>, Number{d, IntegerKind::None, 0, 0}) {}

Value::Value(int i) : m_data(signedInteger(i)) {}

Value::Value(long i) : m_data(signedInteger(i)) {}

Value::Value(long long i) : m_data(signedInteger(i)) {}

Value::Value(unsigned int u) : m_data(unsignedInteger(u)) {}

Value::Value(unsigned long u) : m_data(unsignedInteger(u)) {}

Value::Value(unsigned long long u) : m_data(unsignedInteger(u)) {}

Value::Value(std::string s) : m_data(std::in_place_type<std::string>, std::move(s)) {}

Value::Value(const char *s)
{
    if (s == nullptr)
        throw std::invalid_argument("json: Value from a null const char* string");
    m_data.emplace<std::string>(s);
}

Value Value::array()
{
    Value v;
    v.m_data.emplace<Array>();
    return v;
}

Value Value::object()
{
    Value v;
    v.m_data.emplace<Object>();
    return v;
}

Value::Number Value::signedInteger(std::int64_t i)
{
    return Number{static_cast<double>(i), IntegerKind::Signed, i, 0};
}

Value::Number Value::unsignedInteger(std::uint64_t u)
{
    if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return signedInteger(static_cast<std::int64_t>(u));
    return Number{static_cast<double>(u), IntegerKind::Unsigned, 0, u};
}

Value::Type Value::type() const { return static_cast<Type>(m_data.index()); }

bool Value::isNull() const { return type() == Type::Null; }

bool Value::isBool() const { return type() == Type::Bool; }

bool Value::isNumber() const { return type() == Type::Number; }

bool Value::isString() const { return type() == Type::String; }

bool Value::isArray() const { return type() == Type::Array; }

bool Value::isObject() const { return type() == Type::Object; }

bool Value::isInteger() const
{
    const auto *n = std::get_if<Number>(&m_data);
    return n != nullptr && n->kind != IntegerKind::None;
}

void Value::throwTypeError(std::string_view expected) const
{
    throw TypeError("json: expected " + std::string(expected) + ", got " + std::string(typeName(type())));
}

bool Value::asBool() const
{
    if (const auto *b = std::get_if<bool>(&m_data))
        return *b;
    throwTypeError("boolean");
}

double Value::asNumber() const
{
    if (const auto *n = std::get_if<Number>(&m_data))
        return n->real;
    throwTypeError("number");
}

long long Value::asInt64() const
{
    const auto *n = std::get_if<Number>(&m_data);
    if (n == nullptr)
        throwTypeError("integer");
    if (n->kind == IntegerKind::Signed)
        return n->signedValue;
    if (n->kind == IntegerKind::Unsigned)
        throw TypeError("json: expected integer in int64 range, got " + std::to_string(n->unsignedValue));
    throw TypeError("json: expected integer, got non-integer number " + serialize(*this));
}

unsigned long long Value::asUint64() const
{
    const auto *n = std::get_if<Number>(&m_data);
    if (n == nullptr)
        throwTypeError("non-negative integer");
    if (n->kind == IntegerKind::Unsigned)
        return n->unsignedValue;
    if (n->kind == IntegerKind::Signed && n->signedValue >= 0)
        return static_cast<unsigned long long>(n->signedValue);
    if (n->kind == IntegerKind::Signed)
        throw TypeError("json: expected non-negative integer, got " + std::to_string(n->signedValue));
    throw TypeError("json: expected non-negative integer, got non-integer number " + serialize(*this));
}

const std::string &Value::asString() const
{
    if (const auto *s = std::get_if<std::string>(&m_data))
        return *s;
    throwTypeError("string");
}

const std::vector<Value> &Value::asArray() const
{
    if (const auto *a = std::get_if<Array>(&m_data))
        return *a;
    throwTypeError("array");
}

std::vector<Value> &Value::asArray()
{
    if (auto *a = std::get_if<Array>(&m_data))
        return *a;
    throwTypeError("array");
}

const std::vector<std::pair<std::string, Value>> &Value::asObject() const
{
    if (const auto *o = std::get_if<Object>(&m_data))
        return *o;
    throwTypeError("object");
}

std::vector<std::pair<std::string, Value>> &Value::asObject()
{
    if (auto *o = std::get_if<Object>(&m_data))
        return *o;
    throwTypeError("object");
}

const Value *Value::find(std::string_view key) const
{
    const auto *o = std::get_if<Object>(&m_data);
    if (o == nullptr)
        return nullptr;
    const auto it = std::find_if(o->begin(), o->end(), [&](const auto &m) { return m.first == key; });
    return it == o->end() ? nullptr : &it->second;
}

Value &Value::operator[](std::string_view key)
{
    if (isNull())
        m_data.emplace<Object>();
    auto &members = asObject();
    const auto it = std::find_if(members.begin(), members.end(), [&](const auto &m) { return m.first == key; });
    if (it != members.end())
        return it->second;
    return members.emplace_back(std::string(key), Value()).second;
}

void Value::push_back(Value v)
{
    if (isNull())
        m_data.emplace<Array>();
    asArray().push_back(std::move(v));
}

std::size_t Value::size() const
{
    if (const auto *a = std::get_if<Array>(&m_data))
        return a->size();
    if (const auto *o = std::get_if<Object>(&m_data))
        return o->size();
    return 0;
}

std::string_view Value::typeName(Type t)
{
    switch (t) {
    case Type::Null: return "null";
    case Type::Bool: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
    }
    return "unknown";
}

bool Value::sameNumber(const Number &a, const Number &b)
{
    const bool aInteger = a.kind != IntegerKind::None, bInteger = b.kind != IntegerKind::None;
    if (aInteger && bInteger) // integers are normalised, so equal ones have equal kinds
        return a.kind == b.kind && a.signedValue == b.signedValue && a.unsignedValue == b.unsignedValue;
    if (!aInteger && !bInteger)
        return a.real == b.real;
    // Mixed: equal only if the double is exactly the integer (not merely its rounding).
    const Number &integer = aInteger ? a : b;
    const double real = aInteger ? b.real : a.real;
    if (!(real == std::trunc(real))) // also rejects NaN
        return false;
    constexpr double kTwo63 = 9223372036854775808.0, kTwo64 = 18446744073709551616.0;
    if (integer.kind == IntegerKind::Signed)
        return real >= -kTwo63 && real < kTwo63 && static_cast<std::int64_t>(real) == integer.signedValue;
    return real >= kTwo63 && real < kTwo64 && static_cast<std::uint64_t>(real) == integer.unsignedValue;
}

bool operator==(const Value &a, const Value &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Null: return true;
    case Value::Type::Bool: return a.asBool() == b.asBool();
    case Value::Type::Number:
        return Value::sameNumber(std::get<Value::Number>(a.m_data), std::get<Value::Number>(b.m_data));
    case Value::Type::String: return a.asString() == b.asString();
    case Value::Type::Array: return a.asArray() == b.asArray();
    case Value::Type::Object: {
        const auto &x = a.asObject(), &y = b.asObject();
        if (x.size() != y.size())
            return false;
        // Members in the same order are the usual case and need no lookups.
        std::size_t i = 0;
        for (; i < x.size() && x[i].first == y[i].first; ++i)
            if (!(x[i].second == y[i].second))
                return false;
        // Otherwise match by key, both ways so that duplicate keys (possible only by editing
        // asObject() directly) cannot make unequal objects look equal.
        for (std::size_t k = i; k < x.size(); ++k) {
            const Value *other = b.find(x[k].first);
            if (other == nullptr || !(x[k].second == *other))
                return false;
        }
        for (std::size_t k = i; k < y.size(); ++k)
            if (a.find(y[k].first) == nullptr)
                return false;
        return true;
    }
    }
    return false;
}

ParseError::ParseError(const std::string &source, int line, int column, const std::string &cause)
    : std::runtime_error(source + ':' + std::to_string(line) + ':' + std::to_string(column) + ": " + cause),
      line(line), column(column)
{
}

Value parse(std::string_view text, const std::string &source, int maxDepth)
{
    if (maxDepth < 0)
        throw std::invalid_argument("json: maxDepth must be >= 0");
    return Parser(text, source, maxDepth).parseDocument();
}

std::string serialize(const Value &v, Style style)
{
    std::string out;
    writeValue(out, v, style == Style::Pretty, 0);
    return out;
}

} // namespace layerlens::core::json
