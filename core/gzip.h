#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace layerlens::core {

/// Decompresses gzip data (RFC 1952 members around RFC 1951 DEFLATE: stored, fixed and dynamic Huffman blocks).
/// Concatenated members are decompressed one after the other, as gzip(1) does; anything else after the last
/// member is refused. Throws FileError(source, "offset N", cause) on malformed input: bad magic, unsupported method,
/// reserved flags, truncated data, invalid Huffman code, distance too far back, CRC32 or ISIZE mismatch, or output
/// that would exceed maxOutput bytes (checked as it grows, so a zip bomb is refused before it is allocated).
std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> data, const std::string &source, std::size_t maxOutput);

/// True when data starts with the gzip magic 1f 8b.
bool isGzip(std::span<const std::uint8_t> data);

/// CRC-32 (IEEE 802.3, as in gzip and PNG) of data, continuing from a previous result `crc` (0 to start).
std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc = 0);

} // namespace layerlens::core
