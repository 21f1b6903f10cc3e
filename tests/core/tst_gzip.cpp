// gzip and DEFLATE decoding: fixtures written by gzip(1) and zlib, hand-made DEFLATE streams that reach
// every block type and code path, and one corruption of each kind, each with its cause and offset.
//
// Fixtures in tests/core/data: gzip-text.txt is 6 KB of pseudo-English; gzip-text-best.gz is `gzip -9` (with
// FNAME), gzip-text-fast.gz `gzip -1 -n`, gzip-text-stored.gz Python zlib level 0 with a full flush every
// 2000 bytes (stored blocks and empty ones), gzip-text-headers.gz a hand-written header with FTEXT, FHCRC,
// FEXTRA, FNAME and FCOMMENT around zlib's raw DEFLATE, gzip-text-members.gz the two halves gzipped apart and
// concatenated, gzip-empty.gz Python's gzip.compress(b""). tiny-*-ubyte.gz (for tst_idx) are `gzip -9` of
// the IDX files tst_idx.cpp describes.

#include "core/fileerror.h"
#include "core/gzip.h"

#include <QtTest>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace layerlens::core;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes fixture(const char *name)
{
    return readFile(std::string(LAYERLENS_TEST_DATA) + "/" + name, 1 << 20);
}

Bytes bytesOf(std::string_view text)
{
    return Bytes(text.begin(), text.end());
}

QByteArray toQt(const Bytes &bytes)
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

Bytes fromQt(const QByteArray &bytes)
{
    return Bytes(bytes.begin(), bytes.end());
}

constexpr std::array<int, 29> kLengthBase{3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                          31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<int, 29> kLengthExtra{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<int, 30> kDistanceBase{1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                            33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                            1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<int, 30> kDistanceExtra{0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                             6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/// Writes a DEFLATE stream (RFC 1951): numbers least significant bit first, Huffman codes most
/// significant bit first. Tracks what a decoder must produce in `expected`.
class DeflateWriter {
public:
    void bits(std::uint32_t value, int count)
    {
        for (int i = 0; i < count; ++i)
            put((value >> i) & 1);
    }
    void code(std::uint32_t code, int length)
    {
        for (int i = length - 1; i >= 0; --i)
            put((code >> i) & 1);
    }
    void align()
    {
        while (m_bit != 0)
            put(0);
    }
    /// A block header: BFINAL and BTYPE.
    void block(bool last, int type)
    {
        bits(last ? 1 : 0, 1);
        bits(static_cast<std::uint32_t>(type), 2);
    }
    /// A stored block holding `text`.
    void stored(bool last, std::string_view text)
    {
        block(last, 0);
        align();
        bits(static_cast<std::uint32_t>(text.size()), 16);
        bits(static_cast<std::uint32_t>(text.size()) ^ 0xFFFF, 16);
        for (char c : text) {
            bits(static_cast<std::uint8_t>(c), 8);
            expected.push_back(static_cast<std::uint8_t>(c));
        }
    }
    /// A symbol of the fixed literal/length code (RFC 1951 §3.2.6).
    void fixedSymbol(int s)
    {
        if (s < 144)
            code(0x30 + s, 8);
        else if (s < 256)
            code(0x190 + s - 144, 9);
        else if (s < 280)
            code(s - 256, 7);
        else
            code(0xC0 + s - 280, 8);
    }
    void fixedLiteral(std::uint8_t byte)
    {
        fixedSymbol(byte);
        expected.push_back(byte);
    }
    void fixedLiterals(std::string_view text)
    {
        for (char c : text)
            fixedLiteral(static_cast<std::uint8_t>(c));
    }
    void fixedMatch(int length, int distance)
    {
        int l = 28;
        while (kLengthBase[l] > length)
            --l;
        fixedSymbol(257 + l);
        bits(static_cast<std::uint32_t>(length - kLengthBase[l]), kLengthExtra[l]);
        int d = 29;
        while (kDistanceBase[d] > distance)
            --d;
        code(static_cast<std::uint32_t>(d), 5);
        bits(static_cast<std::uint32_t>(distance - kDistanceBase[d]), kDistanceExtra[d]);
        for (int i = 0; i < length; ++i)
            expected.push_back(expected[expected.size() - static_cast<std::size_t>(distance)]);
    }
    Bytes finish()
    {
        align();
        return m_bytes;
    }

    Bytes expected;

private:
    void put(std::uint32_t bit)
    {
        if (m_bit == 0)
            m_bytes.push_back(0);
        m_bytes.back() = static_cast<std::uint8_t>(m_bytes.back() | bit << m_bit);
        m_bit = (m_bit + 1) % 8;
    }

    Bytes m_bytes;
    int m_bit = 0;
};

/// Canonical Huffman codes (RFC 1951 §3.2.2) for the given lengths: {code, length} per symbol.
std::vector<std::pair<std::uint32_t, int>> canonicalCodes(const std::vector<int> &lengths)
{
    std::array<int, 16> count{};
    for (int l : lengths)
        ++count[static_cast<std::size_t>(l)];
    count[0] = 0;
    std::array<std::uint32_t, 16> next{};
    std::uint32_t code = 0;
    for (std::size_t bits = 1; bits < 16; ++bits) {
        code = (code + static_cast<std::uint32_t>(count[bits - 1])) << 1;
        next[bits] = code;
    }
    std::vector<std::pair<std::uint32_t, int>> codes(lengths.size());
    for (std::size_t s = 0; s < lengths.size(); ++s)
        if (lengths[s] > 0)
            codes[s] = {next[static_cast<std::size_t>(lengths[s])]++, lengths[s]};
    return codes;
}

/// A final dynamic block with the given literal/length and distance code lengths (each sent with a
/// 4-bit code-length code, symbols 0–15 only), then `symbols` (literal/length; a length symbol is followed
/// by the distance symbol in the next slot, without extra bits) and end-of-block when the code has one.
DeflateWriter dynamicBlock(const std::vector<int> &literalLengths, const std::vector<int> &distanceLengths,
                           const std::vector<int> &symbols)
{
    DeflateWriter w;
    w.block(true, 2);
    w.bits(static_cast<std::uint32_t>(literalLengths.size() - 257), 5);
    w.bits(static_cast<std::uint32_t>(distanceLengths.size() - 1), 5);
    w.bits(15, 4); // all 19 code-length code lengths
    const int order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    for (int s : order)
        w.bits(s < 16 ? 4 : 0, 3); // 16 codes of 4 bits: symbol s has code s
    for (int l : literalLengths)
        w.code(static_cast<std::uint32_t>(l), 4);
    for (int l : distanceLengths)
        w.code(static_cast<std::uint32_t>(l), 4);
    const auto literalCodes = canonicalCodes(literalLengths);
    const auto distanceCodes = canonicalCodes(distanceLengths);
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        const auto [code, length] = literalCodes[static_cast<std::size_t>(symbols[i])];
        w.code(code, length);
        if (symbols[i] < 256) {
            w.expected.push_back(static_cast<std::uint8_t>(symbols[i]));
        } else if (symbols[i] > 256) {
            const int distanceSymbol = symbols[++i];
            const auto [dcode, dlength] = distanceCodes[static_cast<std::size_t>(distanceSymbol)];
            w.code(dcode, dlength);
            const int matchLength = kLengthBase[static_cast<std::size_t>(symbols[i - 1] - 257)];
            const int distance = kDistanceBase[static_cast<std::size_t>(distanceSymbol)];
            for (int k = 0; k < matchLength; ++k)
                w.expected.push_back(w.expected[w.expected.size() - static_cast<std::size_t>(distance)]);
        }
    }
    if (literalLengths.size() > 256 && literalLengths[256] > 0)
        w.code(literalCodes[256].first, literalCodes[256].second);
    return w;
}

/// A minimal gzip header (no optional fields) followed by a raw DEFLATE stream, without a trailer.
Bytes withHeader(const Bytes &deflate)
{
    const std::array<std::uint8_t, 10> header{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff};
    Bytes out(header.size() + deflate.size());
    std::copy(header.begin(), header.end(), out.begin());
    std::copy(deflate.begin(), deflate.end(), out.begin() + header.size());
    return out;
}

/// A gzip member around a raw DEFLATE stream, with the trailer of `original`.
Bytes gzipOf(const Bytes &deflate, const Bytes &original)
{
    Bytes out = withHeader(deflate);
    const std::uint32_t crc = crc32(original);
    const auto size = static_cast<std::uint32_t>(original.size());
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(crc >> (8 * i)));
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(size >> (8 * i)));
    return out;
}

Bytes gzipOf(DeflateWriter &w)
{
    return gzipOf(w.finish(), w.expected);
}

/// A 257-symbol literal/length code with lengths 7 (symbols 0–126), 14 (127–252) and 15 (253–256):
/// complete (127/2^7 + 126/2^14 + 4/2^15 = 1), and most codes need the second-level tables.
std::vector<int> longLiteralLengths()
{
    std::vector<int> lengths(257);
    for (int s = 0; s < 257; ++s)
        lengths[static_cast<std::size_t>(s)] = s < 127 ? 7 : s < 253 ? 14 : 15;
    return lengths;
}

} // namespace

class TestGzip : public QObject {
    Q_OBJECT
private slots:
    void crc32KnownAnswers();
    void magic();
    void fixtures_data();
    void fixtures();
    void craftedStreams_data();
    void craftedStreams();
    void malformed_data();
    void malformed();
    void maxOutputIsInclusive();
};

void TestGzip::crc32KnownAnswers()
{
    QCOMPARE(crc32(bytesOf("")), 0u);
    QCOMPARE(crc32(bytesOf("a")), 0xE8B7BE43u);
    QCOMPARE(crc32(bytesOf("123456789")), 0xCBF43926u); // the CRC-32 check value
    QCOMPARE(crc32(bytesOf("The quick brown fox jumps over the lazy dog")), 0x414FA339u);
    // Continuing from a previous result equals one pass, for every split (the 8-byte loop and the tail).
    const Bytes text = fixture("gzip-text.txt");
    const std::span<const std::uint8_t> all(text);
    for (std::size_t split : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{13}, text.size() / 2})
        QCOMPARE(crc32(all.subspan(split), crc32(all.first(split))), crc32(all));
}

void TestGzip::magic()
{
    QVERIFY(isGzip(bytesOf("\x1f\x8b")));
    QVERIFY(isGzip(fixture("gzip-text-best.gz")));
    QVERIFY(!isGzip(bytesOf("\x1f")));
    QVERIFY(!isGzip(bytesOf("")));
    QVERIFY(!isGzip(bytesOf("\x8b\x1f")));
    QVERIFY(!isGzip(fixture("gzip-text.txt")));
}

void TestGzip::fixtures_data()
{
    QTest::addColumn<QString>("compressed");
    QTest::addColumn<QString>("original");
    QTest::newRow("gzip -9 (dynamic blocks, FNAME)") << "gzip-text-best.gz" << "gzip-text.txt";
    QTest::newRow("gzip -1 (dynamic blocks)") << "gzip-text-fast.gz" << "gzip-text.txt";
    QTest::newRow("zlib level 0 (stored blocks, empty flush blocks)") << "gzip-text-stored.gz" << "gzip-text.txt";
    QTest::newRow("FTEXT FHCRC FEXTRA FNAME FCOMMENT") << "gzip-text-headers.gz" << "gzip-text.txt";
    QTest::newRow("two members") << "gzip-text-members.gz" << "gzip-text.txt";
    QTest::newRow("empty (fixed block)") << "gzip-empty.gz" << "";
}

void TestGzip::fixtures()
{
    QFETCH(QString, compressed);
    QFETCH(QString, original);
    const Bytes input = fixture(qPrintable(compressed));
    const Bytes expected = original.isEmpty() ? Bytes{} : fixture(qPrintable(original));
    const Bytes output = gunzip(input, compressed.toStdString(), 1 << 20);
    QCOMPARE(output.size(), expected.size());
    QVERIFY(output == expected);
}

void TestGzip::craftedStreams_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char *name, DeflateWriter &w) {
        const Bytes expected = w.expected;
        QTest::newRow(name) << toQt(gzipOf(w)) << toQt(expected);
    };
    {
        DeflateWriter w;
        w.block(true, 1);
        w.fixedLiterals("hello");
        w.fixedSymbol(256);
        row("fixed/literals", w);
    }
    {
        DeflateWriter w;
        w.block(true, 1);
        w.fixedLiteral('a');
        w.fixedMatch(258, 1); // overlapping: a run
        w.fixedMatch(3, 1);
        w.fixedLiteral('b');
        w.fixedMatch(10, 2); // overlapping with period 2
        w.fixedSymbol(256);
        row("fixed/overlapping runs", w);
    }
    {
        // 32768 bytes of literals, then every length code with every distance code at its smallest and
        // largest distance, up to the window limit of 32768.
        DeflateWriter w;
        w.block(true, 1);
        for (int i = 0; i < 32768; ++i)
            w.fixedLiteral(static_cast<std::uint8_t>((i * 7 + i / 251) % 256));
        std::vector<int> distances;
        for (std::size_t d = 0; d < 30; ++d) {
            distances.push_back(kDistanceBase[d]);
            distances.push_back(kDistanceBase[d] + (1 << kDistanceExtra[d]) - 1);
        }
        for (int length = 3, i = 0; length <= 258; ++length, ++i)
            w.fixedMatch(length, distances[static_cast<std::size_t>(i) % distances.size()]);
        w.fixedMatch(258, 32768);
        w.fixedSymbol(256);
        row("fixed/all length and distance codes", w);
    }
    {
        DeflateWriter w;
        w.stored(false, "hello ");
        w.block(false, 1);
        w.fixedLiterals("wor");
        w.fixedSymbol(256);
        w.stored(false, "");
        w.block(true, 1);
        w.fixedLiterals("ld");
        w.fixedSymbol(256);
        row("stored, fixed, empty stored, fixed", w);
    }
    {
        DeflateWriter w;
        w.stored(true, "");
        row("stored/empty final block", w);
    }
    {
        std::vector<int> literals(258, 0);
        literals['a'] = 1;
        literals[256] = 2;
        literals[257] = 2;
        DeflateWriter w = dynamicBlock(literals, {1}, {'a', 257, 0});
        row("dynamic/one distance code of length 1", w);
    }
    {
        std::vector<int> literals(257, 0);
        literals['a'] = 1;
        literals[256] = 1;
        DeflateWriter w = dynamicBlock(literals, {0}, {'a', 'a'});
        row("dynamic/no distance codes", w);
    }
    {
        std::vector<int> symbols;
        for (int s = 0; s < 256; ++s)
            symbols.push_back(255 - s);
        DeflateWriter w = dynamicBlock(longLiteralLengths(), {0}, symbols);
        row("dynamic/codes of 14 and 15 bits", w);
    }
}

void TestGzip::craftedStreams()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Bytes output = gunzip(fromQt(input), "crafted.gz", 1 << 20);
    QCOMPARE(output.size(), static_cast<std::size_t>(expected.size()));
    QVERIFY(output == fromQt(expected));
}

void TestGzip::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qulonglong>("maxOutput");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("where"); // empty: not checked

    const Bytes best = fixture("gzip-text-best.gz");
    const Bytes text = fixture("gzip-text.txt");
    const qulonglong big = 1 << 20;
    const auto at = [](std::size_t offset) { return QString("offset %1").arg(offset); };
    const auto changed = [](Bytes bytes, std::size_t index, std::uint8_t value) {
        bytes[index] = value;
        return toQt(bytes);
    };

    // Corruptions of fixtures.
    QTest::newRow("empty input") << QByteArray() << big << "truncated data" << at(0);
    QTest::newRow("truncated header") << toQt(Bytes(best.begin(), best.begin() + 6)) << big << "truncated data: the gzip header"
                                      << at(6);
    QTest::newRow("unterminated FNAME") << toQt(Bytes(best.begin(), best.begin() + 15)) << big
                                        << "truncated data: the FNAME field is not terminated" << at(15);
    QTest::newRow("truncated in the middle") << toQt(Bytes(best.begin(), best.begin() + best.size() / 2)) << big
                                             << "truncated data" << at(best.size() / 2);
    QTest::newRow("truncated trailer") << toQt(Bytes(best.begin(), best.end() - 3)) << big
                                       << "truncated data: the gzip trailer" << at(best.size() - 3);
    QTest::newRow("bad magic") << changed(best, 0, 0x50) << big << "bad magic 0x508b, expected 0x1f8b" << at(0);
    QTest::newRow("not gzip at all") << toQt(text) << big << "bad magic" << at(0);
    QTest::newRow("bad method") << changed(best, 2, 7) << big << "unsupported compression method 7" << at(2);
    QTest::newRow("reserved flag") << changed(best, 3, best[3] | 0x40) << big << "reserved flag bits set" << at(3);
    {
        // The FHCRC field follows 10 + 2 + 8 (FEXTRA) + 14 (FNAME) + 32 (FCOMMENT) header bytes.
        Bytes headers = fixture("gzip-text-headers.gz");
        headers[40] ^= 0x01; // inside the comment
        QTest::newRow("header CRC16 mismatch") << toQt(headers) << big << "header CRC16 mismatch" << at(66);
    }
    {
        Bytes stored = fixture("gzip-text-stored.gz");
        stored[100] ^= 0x20; // a payload byte of a stored block: only the CRC can tell
        QTest::newRow("flipped data byte") << toQt(stored) << big << "CRC32 mismatch" << at(stored.size() - 8);
    }
    QTest::newRow("flipped CRC byte") << changed(best, best.size() - 8, best[best.size() - 8] ^ 1) << big
                                      << "CRC32 mismatch" << at(best.size() - 8);
    QTest::newRow("flipped ISIZE byte") << changed(best, best.size() - 1, 1) << big << "ISIZE mismatch" << at(best.size() - 4);
    {
        Bytes members = fixture("gzip-text-members.gz");
        members[members.size() - 5] ^= 0x80; // the second member's CRC
        QTest::newRow("second member corrupt") << toQt(members) << big << "CRC32 mismatch" << at(members.size() - 8);
    }
    {
        Bytes garbage = best;
        garbage.insert(garbage.end(), {'x', 'y', 'z'});
        QTest::newRow("trailing garbage") << toQt(garbage) << big << "3 bytes of trailing garbage" << at(best.size());
    }
    QTest::newRow("maxOutput one byte short") << toQt(best) << qulonglong(text.size() - 1)
                                              << QString("decompressed size exceeds the limit of %1 bytes").arg(text.size() - 1)
                                              << QString();

    // Hand-made DEFLATE streams.
    {
        DeflateWriter w;
        w.block(true, 3);
        QTest::newRow("block type 3") << toQt(gzipOf(w)) << big << "invalid block type 3" << at(10);
    }
    {
        DeflateWriter w;
        w.block(true, 0);
        w.align();
        w.bits(5, 16);
        w.bits(5, 16); // should be 0xfffa
        QTest::newRow("stored LEN/NLEN mismatch") << toQt(gzipOf(w)) << big << "invalid stored block length" << QString();
    }
    {
        DeflateWriter w;
        w.block(true, 0);
        w.align();
        w.bits(100, 16);
        w.bits(100 ^ 0xFFFF, 16);
        w.bits(0x41, 8);
        const Bytes input = withHeader(w.finish());
        QTest::newRow("stored payload truncated") << toQt(input) << big << "truncated data" << at(input.size());
    }
    {
        DeflateWriter w;
        w.block(true, 1);
        w.fixedLiterals("abc");
        const Bytes input = withHeader(w.finish());
        QTest::newRow("no end-of-block") << toQt(input) << big << "truncated data" << at(input.size());
    }
    {
        DeflateWriter w;
        w.block(true, 1);
        w.fixedSymbol(256);
        const Bytes input = withHeader(w.finish());
        QTest::newRow("no trailer") << toQt(input) << big << "truncated data: the gzip trailer" << at(input.size());
    }
    {
        DeflateWriter w;
        w.block(true, 1);
        w.fixedLiteral('a');
        w.fixedSymbol(286);
        w.fixedSymbol(256);
        QTest::newRow("fixed/literal-length symbol 286") << toQt(gzipOf(w)) << big << "invalid literal/length symbol 286"
                                                         << QString();
    }
    {
        DeflateWriter w;
        w.block(true, 1);
        w.fixedLiteral('a');
        w.fixedSymbol(257);
        w.code(30, 5);
        w.fixedSymbol(256);
        QTest::newRow("fixed/distance symbol 30") << toQt(gzipOf(w)) << big << "invalid distance symbol 30" << QString();
    }
    {
        DeflateWriter w;
        w.block(true, 1);
        w.fixedLiteral('a');
        w.fixedSymbol(257); // length 3
        w.code(1, 5);       // distance 2, with one byte written
        w.fixedSymbol(256);
        QTest::newRow("distance too far back") << toQt(gzipOf(w)) << big << "distance too far back: 2 bytes, but only 1"
                                               << QString();
    }
    {
        // A zip bomb: each 258-byte match costs under 2 bytes of input.
        DeflateWriter w;
        w.block(true, 1);
        w.fixedLiteral('a');
        for (int i = 0; i < 10000; ++i)
            w.fixedMatch(258, 1);
        w.fixedSymbol(256);
        QTest::newRow("zip bomb over maxOutput") << toQt(gzipOf(w)) << qulonglong(1 << 20)
                                                 << "decompressed size exceeds the limit of 1048576 bytes" << QString();
    }
    {
        std::vector<int> literals(258, 0);
        literals['a'] = 1;
        literals[256] = 2;
        DeflateWriter w = dynamicBlock(literals, {1}, {'a'});
        QTest::newRow("dynamic/incomplete literal-length code")
            << toQt(gzipOf(w)) << big << "invalid Huffman code: the literal/length code is incomplete" << QString();
    }
    {
        std::vector<int> literals(257, 0);
        literals['a'] = 1;
        literals[256] = 1;
        literals['b'] = 1;
        DeflateWriter w = dynamicBlock(literals, {1}, {'a'});
        QTest::newRow("dynamic/over-subscribed literal-length code")
            << toQt(gzipOf(w)) << big << "invalid Huffman code: the literal/length code is over-subscribed" << QString();
    }
    {
        std::vector<int> literals(258, 0);
        literals['a'] = 1;
        literals[256] = 2;
        literals[257] = 2;
        DeflateWriter w = dynamicBlock(literals, {1, 2}, {'a'});
        QTest::newRow("dynamic/incomplete distance code of two codes")
            << toQt(gzipOf(w)) << big << "invalid Huffman code: the distance code is incomplete" << QString();
    }
    {
        std::vector<int> literals(257, 0);
        literals['a'] = 1;
        literals['b'] = 1;
        DeflateWriter w = dynamicBlock(literals, {1}, {'a'});
        QTest::newRow("dynamic/no end-of-block code")
            << toQt(gzipOf(w)) << big << "invalid code lengths: no code for end-of-block" << QString();
    }
    {
        std::vector<int> literals(258, 0);
        literals['a'] = 1;
        literals[256] = 2;
        literals[257] = 2;
        DeflateWriter w = dynamicBlock(literals, {0}, {'a', 257, 0});
        QTest::newRow("dynamic/match with no distance code") << toQt(gzipOf(w)) << big << "invalid Huffman code"
                                                             << QString();
    }
    {
        DeflateWriter w;
        w.block(true, 2);
        w.bits(30, 5); // 287 literal/length codes
        w.bits(0, 5);
        w.bits(0, 4);
        w.bits(0, 16);
        QTest::newRow("dynamic/287 literal-length codes") << toQt(gzipOf(w)) << big << "too many literal/length codes (287"
                                                          << QString();
    }
    {
        DeflateWriter w;
        w.block(true, 2);
        w.bits(0, 5);
        w.bits(30, 5); // 31 distance codes
        w.bits(0, 4);
        w.bits(0, 16);
        QTest::newRow("dynamic/31 distance codes") << toQt(gzipOf(w)) << big << "too many distance codes (31" << QString();
    }
    {
        DeflateWriter w;
        w.block(true, 2);
        w.bits(0, 5);
        w.bits(0, 5);
        w.bits(0, 4); // 4 code-length codes: 16, 17, 18, 0, all of length 1
        for (int i = 0; i < 4; ++i)
            w.bits(1, 3);
        w.bits(0, 16);
        QTest::newRow("dynamic/over-subscribed code-length code")
            << toQt(gzipOf(w)) << big << "invalid Huffman code: the code-length code is over-subscribed" << QString();
    }
    {
        DeflateWriter w;
        w.block(true, 2);
        w.bits(0, 5);
        w.bits(0, 5);
        w.bits(0, 4);
        w.bits(0, 3);
        w.bits(0, 3);
        w.bits(1, 3); // only symbol 18, of length 1
        w.bits(0, 3);
        w.bits(0, 16);
        QTest::newRow("dynamic/incomplete code-length code")
            << toQt(gzipOf(w)) << big << "invalid Huffman code: the code-length code is incomplete" << QString();
    }
    {
        // Code-length code {0: "0", 16: "1"}; the first length is a repeat.
        DeflateWriter w;
        w.block(true, 2);
        w.bits(0, 5);
        w.bits(0, 5);
        w.bits(0, 4);
        w.bits(1, 3); // 16
        w.bits(0, 3); // 17
        w.bits(0, 3); // 18
        w.bits(1, 3); // 0
        w.code(1, 1);
        w.bits(0, 16);
        QTest::newRow("dynamic/repeat with no previous length")
            << toQt(gzipOf(w)) << big << "invalid code lengths: repeat code 16 with no previous length" << QString();
    }
    {
        // Code-length code {0: "0", 18: "1"}; 138 + 138 zeros overrun 257 + 1 lengths.
        DeflateWriter w;
        w.block(true, 2);
        w.bits(0, 5);
        w.bits(0, 5);
        w.bits(0, 4);
        w.bits(0, 3); // 16
        w.bits(0, 3); // 17
        w.bits(1, 3); // 18
        w.bits(1, 3); // 0
        for (int i = 0; i < 2; ++i) {
            w.code(1, 1);
            w.bits(127, 7);
        }
        w.bits(0, 16);
        QTest::newRow("dynamic/repeat past the last code")
            << toQt(gzipOf(w)) << big << "invalid code lengths: a repeat runs past the last code" << QString();
    }
}

void TestGzip::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(qulonglong, maxOutput);
    QFETCH(QString, cause);
    QFETCH(QString, where);
    try {
        const Bytes output = gunzip(fromQt(input), "bad.gz", maxOutput);
        QFAIL(qPrintable(QString("no exception; %1 bytes out").arg(output.size())));
    } catch (const FileError &e) {
        QCOMPARE(QString::fromStdString(e.path()), QString("bad.gz"));
        QVERIFY2(QString::fromStdString(e.cause()).startsWith(cause), e.what());
        if (!where.isEmpty())
            QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY2(QString(e.what()).startsWith("bad.gz: offset "), e.what());
    }
}

void TestGzip::maxOutputIsInclusive()
{
    const Bytes text = fixture("gzip-text.txt");
    QVERIFY(gunzip(fixture("gzip-text-best.gz"), "best.gz", text.size()) == text);
    QVERIFY(gunzip(fixture("gzip-text-members.gz"), "members.gz", text.size()) == text);
    QVERIFY(gunzip(fixture("gzip-empty.gz"), "empty.gz", 0).empty());
}

QTEST_APPLESS_MAIN(TestGzip)
#include "tst_gzip.moc"
