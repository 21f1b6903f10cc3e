#pragma once

#include <string>
#include <string_view>

namespace layerlens::core {

/// A file written so that a crash never leaves half of it: the content goes to a temporary file
/// in the same folder, and `commit()` flushes it to disk and puts it in place with one rename.
/// Destroyed without a commit, it removes the temporary file and leaves the target untouched.
/// Errors throw FileError naming the target path and the cause.
class AtomicFile {
public:
    /// Creates the temporary file next to `path` (fails at once for a missing or read-only folder).
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    /// Appends bytes.
    void write(std::string_view data);
    /// Flushes, closes and renames over the target.
    void commit();
    /// The target path.
    const std::string &path() const { return m_path; }

private:
    [[noreturn]] void fail(const std::string &what, int error);

    std::string m_path;
    std::string m_temp;
    int m_fd = -1;
};

/// Writes `content` to `path` atomically (see AtomicFile).
void writeFileAtomically(const std::string &path, std::string_view content);

} // namespace layerlens::core
