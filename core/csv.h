#pragma once

#include "core/idx.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace layerlens::core {

/// Largest CSV file accepted.
inline constexpr std::size_t kMaxCsvBytes = std::size_t{1} << 30;

/// Largest label accepted, so that one stray big number cannot ask for a huge output layer.
inline constexpr int kMaxCsvLabel = 65535;

/// Reads comma-separated numeric features with the label (an integer in [0, kMaxCsvLabel]) in the last column.
/// A first line whose cells are not all numbers is a header (its names appear in error messages). Blank lines,
/// a missing or trailing final newline, CRLF line ends, a UTF-8 byte-order mark and spaces around cells are
/// accepted. Throws FileError(path, "line N", cause) for a non-numeric, NaN or infinite cell, a row with the
/// wrong number of cells, a bad label, fewer than 2 columns or no data rows.
LabelledData loadCsv(const std::string &path);

/// Parses CSV text as loadCsv() does; errors name `source` in place of the path.
LabelledData parseCsv(std::string_view text, const std::string &source);

} // namespace layerlens::core
