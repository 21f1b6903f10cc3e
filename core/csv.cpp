#include "core/csv.h"

#include "core/fileerror.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <system_error>

namespace layerlens::core {

namespace {

std::string_view trimmed(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

void splitCells(std::string_view line, std::vector<std::string_view> &cells)
{
    cells.clear();
    for (std::size_t start = 0;;) {
        const std::size_t comma = line.find(',', start);
        cells.push_back(trimmed(line.substr(start, comma == std::string_view::npos ? comma : comma - start)));
        if (comma == std::string_view::npos)
            return;
        start = comma + 1;
    }
}

enum class Cell { Number, NotANumber, NotFinite, OutOfRange };

/// Parses a whole cell as a decimal floating-point number that fits a float.
Cell parseNumber(std::string_view text, double &value)
{
    // std::from_chars takes no leading '+', which spreadsheets sometimes write.
    if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+')
        text.remove_prefix(1);
    const char *end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error == std::errc::invalid_argument || stop != end)
        return Cell::NotANumber;
    if (error == std::errc::result_out_of_range)
        return Cell::OutOfRange;
    if (!std::isfinite(value))
        return Cell::NotFinite;
    if (std::abs(value) > std::numeric_limits<float>::max())
        return Cell::OutOfRange;
    return Cell::Number;
}

bool parseLabel(std::string_view text, int &label)
{
    const char *end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, label);
    return !text.empty() && text[0] != '-' && error == std::errc{} && stop == end;
}

/// "column 3" or, with a header, "column 3 (petal_width)".
std::string columnName(std::size_t index, const std::vector<std::string> &header)
{
    std::string name = "column " + std::to_string(index + 1);
    if (index < header.size() && !header[index].empty())
        name += " (" + header[index] + ")";
    return name;
}

} // namespace

LabelledData loadCsv(const std::string &path)
{
    const std::vector<std::uint8_t> bytes = readFile(path, kMaxCsvBytes);
    return parseCsv(std::string_view(reinterpret_cast<const char *>(bytes.data()), bytes.size()), path);
}

LabelledData parseCsv(std::string_view text, const std::string &path)
{
    if (text.starts_with("\xEF\xBB\xBF")) // UTF-8 byte-order mark, as spreadsheet exports write
        text.remove_prefix(3);

    std::vector<std::string> header;
    std::vector<std::string_view> cells;
    std::size_t columns = 0; // 0 until the first non-blank line
    std::size_t headerLine = 0;
    std::vector<float> values; // features row by row, which is column-major features × samples
    std::vector<int> labels;
    std::size_t lineNumber = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t newline = text.find('\n', pos);
        std::string_view line = text.substr(pos, newline == std::string_view::npos ? newline : newline - pos);
        pos = newline == std::string_view::npos ? text.size() : newline + 1;
        ++lineNumber;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (trimmed(line).empty())
            continue;
        splitCells(line, cells);

        if (columns == 0) {
            columns = cells.size();
            if (columns < 2)
                throw FileError::atLine(path, lineNumber,
                                        "1 column; need at least 2 (numeric features, then the label)");
            const bool allNumbers = std::all_of(cells.begin(), cells.end(), [](std::string_view cell) {
                double value = 0.0;
                return parseNumber(cell, value) != Cell::NotANumber;
            });
            if (!allNumbers) {
                for (std::string_view cell : cells) {
                    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
                        cell = cell.substr(1, cell.size() - 2);
                    header.emplace_back(cell);
                }
                headerLine = lineNumber;
                continue;
            }
        }

        if (cells.size() != columns)
            throw FileError::atLine(path, lineNumber, std::to_string(cells.size()) + " cells, expected "
                                                          + std::to_string(columns));
        for (std::size_t c = 0; c + 1 < columns; ++c) {
            double value = 0.0;
            const std::string cellText(cells[c]);
            switch (parseNumber(cells[c], value)) {
            case Cell::Number: break;
            case Cell::NotANumber:
                throw FileError::atLine(path, lineNumber, columnName(c, header)
                                                              + (cellText.empty() ? ": empty cell"
                                                                              : ": '" + cellText + "' is not a number"));
            case Cell::NotFinite:
                throw FileError::atLine(path, lineNumber, columnName(c, header) + ": '" + cellText
                                                              + "' is not a finite number (NaN and Inf are refused)");
            case Cell::OutOfRange:
                throw FileError::atLine(path, lineNumber,
                                        columnName(c, header) + ": '" + cellText + "' is out of range for a float");
            }
            values.push_back(static_cast<float>(value));
        }
        int label = 0;
        const std::size_t labelColumn = columns - 1;
        if (!parseLabel(cells[labelColumn], label))
            throw FileError::atLine(path, lineNumber, "label '" + std::string(cells[labelColumn]) + "' in "
                                                          + columnName(labelColumn, header)
                                                          + " is not a non-negative integer");
        if (label > kMaxCsvLabel)
            throw FileError::atLine(path, lineNumber, "label " + std::to_string(label) + " in "
                                                          + columnName(labelColumn, header) + " exceeds the maximum of "
                                                          + std::to_string(kMaxCsvLabel));
        labels.push_back(label);
    }

    if (labels.empty())
        throw FileError(path, "", headerLine > 0 ? "no data rows after the header on line " + std::to_string(headerLine)
                                                 : std::string("no data rows"));
    LabelledData data;
    const auto features = static_cast<Eigen::Index>(columns - 1);
    const auto samples = static_cast<Eigen::Index>(labels.size());
    data.features = Eigen::Map<const Matrix<float>>(values.data(), features, samples);
    data.classes = *std::max_element(labels.begin(), labels.end()) + 1;
    data.labels = std::move(labels);
    return data;
}

} // namespace layerlens::core
