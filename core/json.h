#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// A small strict JSON (RFC 8259) reader and writer for the core, which must not depend on Qt.
//
// Numbers keep both a double and, for literals written without '.' or exponent that fit
// int64 or uint64, the exact integer, so 64-bit seeds survive a round trip. JSON has no NaN
// or Infinity: serialize() writes non-finite doubles as `null`, and parse() rejects them.
namespace layerlens::core::json {

/// A JSON value: null, boolean, number, string, array or object (members in insertion order).
class Value {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    /// Null.
    Value();
    /// Null.
    Value(std::nullptr_t);
    /// A boolean.
    Value(bool b);
    /// A number that is not an integer (isInteger() is false), even when d has no fraction.
    Value(double d);
    /// An exact integer.
    Value(int i);
    /// An exact integer (std::int64_t on LP64 systems, where it is not long long).
    Value(long i);
    /// An exact integer.
    Value(long long i);
    /// An exact integer.
    Value(unsigned int u);
    /// An exact integer (std::uint64_t on LP64 systems, where it is not unsigned long long).
    Value(unsigned long u);
    /// An exact integer, e.g. a 64-bit seed.
    Value(unsigned long long u);
    /// A string, UTF-8.
    Value(std::string s);
    /// A string, UTF-8; throws std::invalid_argument for a null pointer.
    Value(const char *s);

    /// An empty array.
    static Value array();
    /// An empty object.
    static Value object();

    /// The kind of value held.
    Type type() const;
    /// True for null.
    bool isNull() const;
    /// True for true and false.
    bool isBool() const;
    /// True for any number, integer or not.
    bool isNumber() const;
    /// True for a string.
    bool isString() const;
    /// True for an array.
    bool isArray() const;
    /// True for an object.
    bool isObject() const;
    /// True for a number written/constructed as an integer that fits int64 or uint64 exactly.
    /// "1.0", "1e2" and "-0" (kept as the double -0.0 so its sign survives) are not integers.
    bool isInteger() const;

    /// The boolean; throws TypeError if not a boolean.
    bool asBool() const;
    /// The number as a double (integers correctly rounded); throws TypeError if not a number.
    double asNumber() const;
    /// The exact integer; throws TypeError if not an integer in int64 range.
    long long asInt64() const;
    /// The exact integer; throws TypeError if not a non-negative integer in uint64 range.
    unsigned long long asUint64() const;
    /// The string; throws TypeError if not a string.
    const std::string &asString() const;
    /// The elements; throws TypeError if not an array.
    const std::vector<Value> &asArray() const;
    /// The elements, modifiable; throws TypeError if not an array.
    std::vector<Value> &asArray();
    /// The members in insertion order; throws TypeError if not an object.
    const std::vector<std::pair<std::string, Value>> &asObject() const;
    /// The members in insertion order, modifiable; throws TypeError if not an object.
    std::vector<std::pair<std::string, Value>> &asObject();

    /// The value of member `key` (linear search), or nullptr if absent or this is not an object.
    const Value *find(std::string_view key) const;
    /// The value of member `key`, appended as null if absent; a null becomes an empty object
    /// first. Throws TypeError for any other type. Like a vector element reference, the result
    /// is invalidated by later appends to this object.
    Value &operator[](std::string_view key);
    /// Appends to an array; a null becomes an empty array first. Throws TypeError otherwise.
    void push_back(Value v);
    /// Number of elements of an array or members of an object, 0 for any other type.
    std::size_t size() const;

    /// "null", "boolean", "number", "string", "array" or "object".
    static std::string_view typeName(Type t);

    /// Equal types and contents; objects compare equal with their members in any order, and
    /// numbers compare by exact mathematical value (so the integer 1 equals the double 1.0).
    friend bool operator==(const Value &a, const Value &b);

private:
    // Which exact integer a number carries besides its double. Non-negative integers that fit
    // int64 are always Signed, so equal integers have equal representations.
    enum class IntegerKind : std::uint8_t { None, Signed, Unsigned };

    struct Number {
        double real = 0.0;
        IntegerKind kind = IntegerKind::None;
        std::int64_t signedValue = 0;    ///< valid when kind == Signed
        std::uint64_t unsignedValue = 0; ///< valid when kind == Unsigned (> INT64_MAX)
    };

    // The alternatives are in the order of Type, so type() is the variant index.
    using Array = std::vector<Value>;
    using Object = std::vector<std::pair<std::string, Value>>;
    using Data = std::variant<std::nullptr_t, bool, Number, std::string, Array, Object>;

    static Number signedInteger(std::int64_t i);
    static Number unsignedInteger(std::uint64_t u);
    [[noreturn]] void throwTypeError(std::string_view expected) const;
    static bool sameNumber(const Number &a, const Number &b);

    Data m_data;
};

/// Equal types and contents (see Value's friend declaration).
bool operator==(const Value &a, const Value &b);

/// Thrown when a Value is read as a type it does not hold; the message names both types.
struct TypeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Thrown by parse(); what() is "<source>:<line>:<column>: <cause>".
struct ParseError : std::runtime_error {
    /// Line and column are 1-based; the column counts UTF-8 characters, not bytes.
    ParseError(const std::string &source, int line, int column, const std::string &cause);
    int line;
    int column;
};

/// Parses one strict RFC 8259 document. Containers nested deeper than maxDepth (≥ 0) are an
/// error; maxDepth also bounds the recursion of copying, comparing, serializing and destroying
/// the result, so keep it in the hundreds. Throws ParseError naming `source`.
Value parse(std::string_view text, const std::string &source = "<input>", int maxDepth = 64);

/// Compact: no whitespace. Pretty: one element or member per line, 2-space indent.
enum class Style { Compact, Pretty };

/// The value as JSON text, without a final newline. Doubles are written in the shortest form
/// that parses back bit-identical, with ".0" added to integral ones so they stay non-integers;
/// NaN and ±Infinity are written as null because JSON has no such numbers. Strings are
/// written as given (UTF-8 is not validated), with '"', '\\' and control characters escaped.
std::string serialize(const Value &v, Style style = Style::Compact);

} // namespace layerlens::core::json
