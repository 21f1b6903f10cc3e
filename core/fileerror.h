#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace layerlens::core {

/// A malformed or unreadable input file. what() is "<path>: <where>: <cause>", or "<path>: <cause>" when no
/// position applies. <where> is "offset N" (bytes from the start of the file), "decompressed offset N" (bytes
/// from the start of a gzip file's content) or "line N" (1-based).
class FileError : public std::runtime_error {
public:
    /// An error in `path` at `where` (empty when no position applies) because of `cause`.
    FileError(std::string path, std::string where, std::string cause)
        : std::runtime_error(compose(path, where, cause)), m_path(std::move(path)), m_where(std::move(where)),
          m_cause(std::move(cause))
    {
    }

    /// An error at byte `offset` of `path`.
    static FileError atOffset(std::string path, std::size_t offset, std::string cause)
    {
        return {std::move(path), "offset " + std::to_string(offset), std::move(cause)};
    }

    /// An error on 1-based line `line` of `path`.
    static FileError atLine(std::string path, std::size_t line, std::string cause)
    {
        return {std::move(path), "line " + std::to_string(line), std::move(cause)};
    }

    /// The file at fault.
    const std::string &path() const { return m_path; }
    /// "offset N", "decompressed offset N", "line N", or empty.
    const std::string &where() const { return m_where; }
    /// What is wrong, without the path and the position.
    const std::string &cause() const { return m_cause; }

private:
    static std::string compose(const std::string &path, const std::string &where, const std::string &cause)
    {
        return where.empty() ? path + ": " + cause : path + ": " + where + ": " + cause;
    }

    std::string m_path;
    std::string m_where;
    std::string m_cause;
};

/// The whole file as bytes. Throws FileError naming the path and the cause ("No such file or directory",
/// "is a directory", ...) when it cannot be read, and refuses a file larger than maxBytes without reading it all.
std::vector<std::uint8_t> readFile(const std::string &path, std::size_t maxBytes);

} // namespace layerlens::core
