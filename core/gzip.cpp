#include "core/gzip.h"

#include "core/fileerror.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstring>
#include <limits>

namespace layerlens::core {

namespace {

// ---- CRC-32, slicing by 8: eight table look-ups per 8 input bytes instead of one per byte. ----

using CrcTables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr CrcTables makeCrcTables()
{
    CrcTables t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1; // reflected polynomial 0x04C11DB7
        t[0][i] = c;
    }
    // t[s][i] is the CRC of byte i followed by s zero bytes.
    for (std::size_t s = 1; s < 8; ++s)
        for (std::size_t i = 0; i < 256; ++i)
            t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
    return t;
}

constexpr CrcTables kCrcTables = makeCrcTables();

std::uint32_t littleEndian32(const std::uint8_t *p)
{
    return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
}

std::uint64_t littleEndian64(const std::uint8_t *p)
{
    if constexpr (std::endian::native == std::endian::little) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        return word;
    } else {
        return std::uint64_t{littleEndian32(p)} | std::uint64_t{littleEndian32(p + 4)} << 32;
    }
}

std::string hex(std::uint32_t value, int digits)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%0*x", digits, static_cast<unsigned>(value));
    return text;
}

// ---- Bit input, least significant bit first (RFC 1951 §3.1.1). ----

/// Reads a DEFLATE stream's bits through a 64-bit buffer refilled eight bytes at a time.
/// Invariant: the bits of m_buffer at and above m_count, when present, are the true next bits of the
/// input, so refilling may OR the same bytes in twice without harm.
class BitReader {
public:
    BitReader(std::span<const std::uint8_t> data, std::size_t pos, const std::string &source)
        : m_data(data.data()), m_size(data.size()), m_pos(pos), m_source(source)
    {
    }

    /// Tops the buffer up to at least 56 bits, or to all that is left of the input.
    void refill()
    {
        if (m_size - m_pos >= 8) {
            m_buffer |= littleEndian64(m_data + m_pos) << m_count;
            m_pos += (63 - m_count) >> 3;
            m_count |= 56;
        } else {
            while (m_count <= 56 && m_pos < m_size) {
                m_buffer |= std::uint64_t{m_data[m_pos++]} << m_count;
                m_count += 8;
            }
        }
    }

    /// Buffered bits.
    unsigned count() const { return m_count; }
    /// The next bits without consuming them (beyond count() they are the input's next bits or zeros).
    std::uint64_t peek() const { return m_buffer; }
    /// Drops n ≤ count() bits.
    void consume(unsigned n)
    {
        m_buffer >>= n;
        m_count -= n;
    }

    /// The next n ≤ 32 bits as a number.
    std::uint32_t bits(unsigned n)
    {
        if (m_count < n) {
            refill();
            if (m_count < n)
                truncated();
        }
        const auto value = static_cast<std::uint32_t>(m_buffer & ((std::uint64_t{1} << n) - 1));
        consume(n);
        return value;
    }

    /// Skips to the next byte boundary and returns the position of that byte in the input.
    std::size_t alignToByte()
    {
        consume(m_count % 8);
        return m_pos - m_count / 8;
    }

    /// Moves a byte-aligned reader `n` whole bytes ahead and returns where they start (for stored blocks).
    std::size_t skipBytes(std::size_t n)
    {
        const std::size_t start = alignToByte();
        if (m_size - start < n)
            truncated();
        m_pos = start + n;
        m_buffer = 0;
        m_count = 0;
        return start;
    }

    /// Throws FileError at the byte being read.
    [[noreturn]] void fail(const std::string &cause) const
    {
        throw FileError::atOffset(m_source, (m_pos * 8 - m_count) / 8, cause);
    }

    /// Throws FileError for input that ends too early.
    [[noreturn]] void truncated() const
    {
        throw FileError::atOffset(m_source, m_size, "truncated data: the deflate stream ends before its last block");
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos;
    const std::string &m_source;
    std::uint64_t m_buffer = 0;
    unsigned m_count = 0;
};

// ---- Canonical Huffman codes as lookup tables (RFC 1951 §3.2.2). ----

/// A canonical Huffman code decoded with one table look-up for codes of up to kPrimaryBits bits and a second
/// one, in a sub-table, for the longer ones (as zlib's inflate does). Codes arrive most significant bit
/// first inside the LSB-first stream, so the tables are indexed by bit-reversed codes.
class HuffmanTable {
public:
    static constexpr int kMaxLength = 15;

    /// Builds the tables from one code length per symbol (0 = unused). An incomplete code is accepted only
    /// when `allowSingle` and it is a single code of length 1 (RFC 1951 allows one distance code).
    /// Returns nullptr, or what is wrong with the lengths.
    const char *build(const std::uint8_t *lengths, int symbols, bool allowSingle)
    {
        std::array<int, kMaxLength + 1> perLength{};
        for (int s = 0; s < symbols; ++s)
            ++perLength[lengths[s]];
        perLength[0] = 0;
        int maxLength = 0;
        int codes = 0;
        for (int len = 1; len <= kMaxLength; ++len) {
            codes += perLength[len];
            if (perLength[len] > 0)
                maxLength = len;
        }
        if (maxLength == 0) { // no codes at all: every look-up is invalid
            m_primaryBits = 1;
            m_entries.assign(2, kInvalid);
            return nullptr;
        }
        // Kraft: `left` counts the unused codes of each length; below zero the lengths over-subscribe.
        int left = 1;
        for (int len = 1; len <= kMaxLength; ++len) {
            left = 2 * left - perLength[len];
            if (left < 0)
                return "over-subscribed";
        }
        if (left > 0 && !(allowSingle && codes == 1 && maxLength == 1))
            return "incomplete";

        std::array<std::uint32_t, kMaxLength + 1> nextCode{};
        for (int len = 1, code = 0; len <= kMaxLength; ++len) {
            code = (code + perLength[len - 1]) << 1;
            nextCode[len] = static_cast<std::uint32_t>(code);
        }

        m_primaryBits = std::min(maxLength, kPrimaryBits);
        const std::uint32_t primarySize = 1u << m_primaryBits;
        m_entries.assign(primarySize, kInvalid);
        m_subBits.assign(primarySize, 0);
        m_long.clear();
        for (int s = 0; s < symbols; ++s) {
            const int len = lengths[s];
            if (len == 0)
                continue;
            const std::uint32_t reversed = reverse(nextCode[len]++, len);
            if (len <= m_primaryBits) {
                // Every index whose low `len` bits are the code decodes to s.
                for (std::uint32_t i = reversed; i < primarySize; i += 1u << len)
                    m_entries[i] = leaf(s, len);
            } else {
                const std::uint32_t prefix = reversed & (primarySize - 1);
                m_subBits[prefix] = std::max<std::uint8_t>(m_subBits[prefix], static_cast<std::uint8_t>(len - m_primaryBits));
                m_long.push_back({s, reversed, len});
            }
        }
        if (m_long.empty())
            return nullptr;
        std::uint32_t next = primarySize;
        for (std::uint32_t prefix = 0; prefix < primarySize; ++prefix) {
            if (m_subBits[prefix] > 0) {
                m_entries[prefix] = next << 16 | kLink | m_subBits[prefix];
                next += 1u << m_subBits[prefix];
            }
        }
        m_entries.resize(next, kInvalid);
        for (const LongCode &c : m_long) {
            const std::uint32_t link = m_entries[c.reversed & (primarySize - 1)];
            const std::uint32_t base = link >> 16;
            const std::uint32_t size = 1u << (link & 0xFF);
            for (std::uint32_t i = c.reversed >> m_primaryBits; i < size; i += 1u << (c.length - m_primaryBits))
                m_entries[base + i] = leaf(c.symbol, c.length);
        }
        return nullptr;
    }

    /// Decodes one symbol.
    int decode(BitReader &in) const
    {
        if (in.count() < kMaxLength)
            in.refill();
        const std::uint64_t bits = in.peek();
        std::uint32_t entry = m_entries[bits & ((1u << m_primaryBits) - 1)];
        if (entry & kLink)
            entry = m_entries[(entry >> 16) + ((bits >> m_primaryBits) & ((1u << (entry & 0xFF)) - 1))];
        if (entry & kInvalid)
            in.fail("invalid Huffman code");
        const unsigned length = entry & 0xFF;
        if (length > in.count())
            in.truncated();
        in.consume(length);
        return static_cast<int>(entry >> 16);
    }

private:
    // An entry is symbol << 16 | length for a leaf, offset << 16 | kLink | index bits for a sub-table.
    static constexpr int kPrimaryBits = 10;
    static constexpr std::uint32_t kLink = 0x100;
    static constexpr std::uint32_t kInvalid = 0x200;

    struct LongCode {
        int symbol;
        std::uint32_t reversed;
        int length;
    };

    static std::uint32_t leaf(int symbol, int length)
    {
        return static_cast<std::uint32_t>(symbol) << 16 | static_cast<std::uint32_t>(length);
    }

    static std::uint32_t reverse(std::uint32_t code, int length)
    {
        std::uint32_t reversed = 0;
        for (int i = 0; i < length; ++i, code >>= 1)
            reversed = reversed << 1 | (code & 1);
        return reversed;
    }

    std::vector<std::uint32_t> m_entries;
    std::vector<std::uint8_t> m_subBits; // per primary index: bits of its sub-table (scratch for build)
    std::vector<LongCode> m_long;        // codes longer than the primary table (scratch for build)
    int m_primaryBits = 1;
};

// ---- DEFLATE (RFC 1951 §3.2). ----

constexpr std::array<std::uint16_t, 29> kLengthBase{3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                    31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                    2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistanceBase{1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                                      33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                                      1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistanceExtra{0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                      6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block lists the code lengths of the code-length alphabet.
constexpr std::array<std::uint8_t, 19> kCodeLengthOrder{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

constexpr int kEndOfBlock = 256;
constexpr int kMaxLiteralCodes = 286;
constexpr int kMaxDistanceCodes = 30;

/// The fixed codes of block type 1, built once.
struct FixedCodes {
    HuffmanTable literals;
    HuffmanTable distances;

    FixedCodes()
    {
        std::array<std::uint8_t, 288> lengths{};
        std::fill(lengths.begin(), lengths.begin() + 144, 8);
        std::fill(lengths.begin() + 144, lengths.begin() + 256, 9);
        std::fill(lengths.begin() + 256, lengths.begin() + 280, 7);
        std::fill(lengths.begin() + 280, lengths.end(), 8);
        literals.build(lengths.data(), 288, false);
        // Symbols 30 and 31 have codes but never occur; decoding them is an error.
        lengths.fill(5);
        distances.build(lengths.data(), 32, false);
    }
};

const FixedCodes &fixedCodes()
{
    static const FixedCodes codes;
    return codes;
}

/// Decompresses one DEFLATE stream, appending to `out` (whose size is capacity; `written` counts the real bytes).
class Inflater {
public:
    Inflater(std::span<const std::uint8_t> input, BitReader &in, std::vector<std::uint8_t> &out, std::size_t &written,
             std::size_t maxOutput)
        : m_input(input.data()), m_in(in), m_out(out), m_written(written), m_memberStart(written), m_maxOutput(maxOutput)
    {
    }

    /// Decodes blocks up to and including the final one.
    void run()
    {
        bool last = false;
        while (!last) {
            last = m_in.bits(1) == 1;
            switch (m_in.bits(2)) {
            case 0: storedBlock(); break;
            case 1: huffmanBlock(fixedCodes().literals, fixedCodes().distances); break;
            case 2:
                readDynamicCodes();
                huffmanBlock(m_literals, m_distances);
                break;
            default: m_in.fail("invalid block type 3");
            }
        }
    }

private:
    void storedBlock()
    {
        m_in.alignToByte();
        const std::uint32_t length = m_in.bits(16);
        const std::uint32_t complement = m_in.bits(16);
        if ((length ^ 0xFFFF) != complement)
            m_in.fail("invalid stored block length: LEN " + hex(length, 4) + " is not the complement of NLEN "
                      + hex(complement, 4));
        const std::size_t from = m_in.skipBytes(length);
        std::uint8_t *to = room(length);
        if (length > 0)
            std::memcpy(to, m_input + from, length);
        m_written += length;
    }

    void readDynamicCodes()
    {
        const int literalCodes = static_cast<int>(m_in.bits(5)) + 257;
        const int distanceCodes = static_cast<int>(m_in.bits(5)) + 1;
        const int codeLengthCodes = static_cast<int>(m_in.bits(4)) + 4;
        if (literalCodes > kMaxLiteralCodes)
            m_in.fail("too many literal/length codes (" + std::to_string(literalCodes) + ", at most 286)");
        if (distanceCodes > kMaxDistanceCodes)
            m_in.fail("too many distance codes (" + std::to_string(distanceCodes) + ", at most 30)");

        std::array<std::uint8_t, 19> codeLengthLengths{};
        for (int i = 0; i < codeLengthCodes; ++i)
            codeLengthLengths[kCodeLengthOrder[i]] = static_cast<std::uint8_t>(m_in.bits(3));
        if (const char *problem = m_codeLengths.build(codeLengthLengths.data(), 19, false))
            m_in.fail(std::string("invalid Huffman code: the code-length code is ") + problem);

        // Literal/length and distance code lengths form one sequence; a repeat may cross from one to the other.
        std::array<std::uint8_t, kMaxLiteralCodes + kMaxDistanceCodes> lengths{};
        const int total = literalCodes + distanceCodes;
        for (int n = 0; n < total;) {
            const int symbol = m_codeLengths.decode(m_in);
            if (symbol < 16) {
                lengths[n++] = static_cast<std::uint8_t>(symbol);
                continue;
            }
            std::uint8_t value = 0;
            int repeat = 0;
            if (symbol == 16) {
                if (n == 0)
                    m_in.fail("invalid code lengths: repeat code 16 with no previous length");
                value = lengths[n - 1];
                repeat = 3 + static_cast<int>(m_in.bits(2));
            } else if (symbol == 17) {
                repeat = 3 + static_cast<int>(m_in.bits(3));
            } else {
                repeat = 11 + static_cast<int>(m_in.bits(7));
            }
            if (repeat > total - n)
                m_in.fail("invalid code lengths: a repeat runs past the last code");
            std::fill_n(lengths.begin() + n, repeat, value);
            n += repeat;
        }
        if (lengths[kEndOfBlock] == 0)
            m_in.fail("invalid code lengths: no code for end-of-block");
        if (const char *problem = m_literals.build(lengths.data(), literalCodes, true))
            m_in.fail(std::string("invalid Huffman code: the literal/length code is ") + problem);
        if (const char *problem = m_distances.build(lengths.data() + literalCodes, distanceCodes, true))
            m_in.fail(std::string("invalid Huffman code: the distance code is ") + problem);
    }

    void huffmanBlock(const HuffmanTable &literals, const HuffmanTable &distances)
    {
        for (;;) {
            const int symbol = literals.decode(m_in);
            if (symbol < 256) {
                *room(1) = static_cast<std::uint8_t>(symbol);
                ++m_written;
                continue;
            }
            if (symbol == kEndOfBlock)
                return;
            if (symbol >= kMaxLiteralCodes)
                m_in.fail("invalid literal/length symbol " + std::to_string(symbol));
            const std::size_t lengthIndex = static_cast<std::size_t>(symbol - 257);
            const std::size_t length = kLengthBase[lengthIndex] + m_in.bits(kLengthExtra[lengthIndex]);
            const int distanceSymbol = distances.decode(m_in);
            if (distanceSymbol >= kMaxDistanceCodes)
                m_in.fail("invalid distance symbol " + std::to_string(distanceSymbol));
            const auto distanceIndex = static_cast<std::size_t>(distanceSymbol);
            const std::size_t distance = kDistanceBase[distanceIndex] + m_in.bits(kDistanceExtra[distanceIndex]);
            if (distance > m_written - m_memberStart)
                m_in.fail("distance too far back: " + std::to_string(distance) + " bytes, but only "
                          + std::to_string(m_written - m_memberStart) + " have been decompressed");
            copyMatch(room(length), distance, length);
            m_written += length;
        }
    }

    /// Appends `length` bytes from `distance` back to `to`. When distance < length the source overlaps what is
    /// being written (a run with period `distance`), so it must be copied front to back in steps of at most
    /// `distance` bytes.
    static void copyMatch(std::uint8_t *to, std::size_t distance, std::size_t length)
    {
        const std::uint8_t *from = to - distance;
        if (distance == 1) {
            std::memset(to, *from, length);
        } else if (distance >= length) {
            std::memcpy(to, from, length);
        } else if (distance >= 8) {
            std::size_t i = 0;
            for (; i + 8 <= length; i += 8)
                std::memcpy(to + i, from + i, 8);
            for (; i < length; ++i)
                to[i] = from[i];
        } else {
            for (std::size_t i = 0; i < length; ++i)
                to[i] = from[i];
        }
    }

    /// Where the next n output bytes go, growing the output (never beyond maxOutput) when needed.
    std::uint8_t *room(std::size_t n)
    {
        if (n > m_out.size() - m_written)
            grow(n);
        return m_out.data() + m_written;
    }

    void grow(std::size_t n)
    {
        if (n > m_maxOutput - m_written)
            m_in.fail("decompressed size exceeds the limit of " + std::to_string(m_maxOutput) + " bytes");
        constexpr std::size_t kMinimumSize = std::size_t{1} << 16;
        std::size_t target = std::max({m_out.size() * 2, m_written + n, kMinimumSize});
        // Stay inside the capacity reserved from the size hint rather than reallocating past it.
        if (m_written + n <= m_out.capacity())
            target = std::min(target, m_out.capacity());
        target = std::min(target, m_maxOutput);
        // reserve() first: resize() alone may allocate up to twice the request, past maxOutput.
        if (target > m_out.capacity())
            m_out.reserve(target);
        m_out.resize(target);
    }

    const std::uint8_t *m_input; // what `m_in` reads; stored blocks are copied from it directly
    BitReader &m_in;
    std::vector<std::uint8_t> &m_out;
    std::size_t &m_written;
    std::size_t m_memberStart;
    std::size_t m_maxOutput;
    HuffmanTable m_codeLengths;
    HuffmanTable m_literals;
    HuffmanTable m_distances;
};

// ---- The gzip wrapper (RFC 1952 §2.3). ----

constexpr std::uint8_t kFlagHeaderCrc = 0x02;
constexpr std::uint8_t kFlagExtra = 0x04;
constexpr std::uint8_t kFlagName = 0x08;
constexpr std::uint8_t kFlagComment = 0x10;
constexpr std::uint8_t kFlagReserved = 0xE0;
constexpr std::size_t kFixedHeaderSize = 10;
constexpr std::size_t kTrailerSize = 8;

/// Checks the member header at `start` and returns where its DEFLATE data begins.
std::size_t readHeader(std::span<const std::uint8_t> data, std::size_t start, const std::string &source)
{
    const std::size_t size = data.size();
    const auto truncated = [&](const std::string &what) {
        throw FileError::atOffset(source, size, "truncated data: " + what);
    };
    if ((size - start >= 1 && data[start] != 0x1f) || (size - start >= 2 && data[start + 1] != 0x8b)) {
        const std::uint32_t found = size - start >= 2 ? std::uint32_t{data[start]} << 8 | data[start + 1] : data[start];
        throw FileError::atOffset(source, start, "bad magic " + hex(found, size - start >= 2 ? 4 : 2)
                                                     + ", expected 0x1f8b (not gzip data)");
    }
    if (size - start < kFixedHeaderSize)
        truncated("the gzip header is incomplete");
    const std::uint8_t method = data[start + 2];
    const std::uint8_t flags = data[start + 3];
    if (method != 8)
        throw FileError::atOffset(source, start + 2, "unsupported compression method " + std::to_string(method)
                                                         + " (gzip defines only 8, deflate)");
    if (flags & kFlagReserved)
        throw FileError::atOffset(source, start + 3, "reserved flag bits set in the flags byte " + hex(flags, 2));
    std::size_t pos = start + kFixedHeaderSize;
    if (flags & kFlagExtra) {
        if (size - pos < 2)
            truncated("the FEXTRA length is incomplete");
        const std::size_t extra = std::size_t{data[pos]} | std::size_t{data[pos + 1]} << 8;
        if (size - pos - 2 < extra)
            truncated("the FEXTRA field is incomplete");
        pos += 2 + extra;
    }
    for (const std::uint8_t field : {kFlagName, kFlagComment}) {
        if (flags & field) {
            const auto end = std::find(data.begin() + static_cast<std::ptrdiff_t>(pos), data.end(), 0);
            if (end == data.end())
                truncated(field == kFlagName ? "the FNAME field is not terminated" : "the FCOMMENT field is not terminated");
            pos = static_cast<std::size_t>(end - data.begin()) + 1;
        }
    }
    if (flags & kFlagHeaderCrc) {
        if (size - pos < 2)
            truncated("the FHCRC field is incomplete");
        const std::uint32_t stored = std::uint32_t{data[pos]} | std::uint32_t{data[pos + 1]} << 8;
        const std::uint32_t computed = crc32(data.subspan(start, pos - start)) & 0xFFFF;
        if (stored != computed)
            throw FileError::atOffset(source, pos, "header CRC16 mismatch: stored " + hex(stored, 4) + ", computed "
                                                       + hex(computed, 4));
        pos += 2;
    }
    return pos;
}

} // namespace

std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc)
{
    const auto &t = kCrcTables;
    const std::uint8_t *p = data.data();
    std::size_t n = data.size();
    crc = ~crc;
    for (; n >= 8; p += 8, n -= 8) {
        const std::uint32_t low = crc ^ littleEndian32(p);
        const std::uint32_t high = littleEndian32(p + 4);
        crc = t[7][low & 0xFF] ^ t[6][(low >> 8) & 0xFF] ^ t[5][(low >> 16) & 0xFF] ^ t[4][low >> 24]
              ^ t[3][high & 0xFF] ^ t[2][(high >> 8) & 0xFF] ^ t[1][(high >> 16) & 0xFF] ^ t[0][high >> 24];
    }
    for (; n > 0; ++p, --n)
        crc = t[0][(crc ^ *p) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

bool isGzip(std::span<const std::uint8_t> data)
{
    return data.size() >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> data, const std::string &source, std::size_t maxOutput)
{
    std::vector<std::uint8_t> out;
    if (data.size() >= kFixedHeaderSize + kTrailerSize) {
        // The last ISIZE is the whole size of a single-member file (mod 2^32). It is only a hint, so it is capped
        // by what the input can truly produce (DEFLATE expands at most 1032:1) and by maxOutput.
        std::size_t hint = littleEndian32(data.data() + data.size() - 4);
        if (data.size() <= std::numeric_limits<std::size_t>::max() / 1032)
            hint = std::min(hint, data.size() * 1032);
        out.reserve(std::min(hint, maxOutput));
    }
    std::size_t written = 0;
    std::size_t pos = 0;
    do {
        pos = readHeader(data, pos, source);
        const std::size_t memberStart = written;
        BitReader in(data, pos, source);
        Inflater(data, in, out, written, maxOutput).run();
        pos = in.alignToByte();
        if (data.size() - pos < kTrailerSize)
            throw FileError::atOffset(source, data.size(),
                                      "truncated data: the gzip trailer (CRC32 and ISIZE) is incomplete");
        const std::uint32_t storedCrc = littleEndian32(data.data() + pos);
        const std::uint32_t storedSize = littleEndian32(data.data() + pos + 4);
        const std::uint32_t computedCrc = crc32({out.data() + memberStart, written - memberStart});
        if (storedCrc != computedCrc)
            throw FileError::atOffset(source, pos, "CRC32 mismatch: stored " + hex(storedCrc, 8) + ", computed "
                                                       + hex(computedCrc, 8));
        const auto computedSize = static_cast<std::uint32_t>(written - memberStart); // ISIZE is mod 2^32
        if (storedSize != computedSize)
            throw FileError::atOffset(source, pos + 4, "ISIZE mismatch: stored " + std::to_string(storedSize)
                                                           + ", decompressed " + std::to_string(computedSize) + " bytes");
        pos += kTrailerSize;
    } while (pos < data.size() && isGzip(data.subspan(pos)));
    if (pos < data.size())
        throw FileError::atOffset(source, pos, std::to_string(data.size() - pos)
                                                   + " bytes of trailing garbage after the gzip data");
    out.resize(written);
    return out;
}

} // namespace layerlens::core
