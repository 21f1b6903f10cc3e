#include "core/atomicfile.h"

#include "core/fileerror.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace layerlens::core {

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path))
{
    const std::filesystem::path target(m_path);
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    m_temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    m_fd = ::mkstemp(m_temp.data());
    if (m_fd < 0)
        throw FileError(m_path, "", "cannot write in folder '" + folder.string() + "': " + std::strerror(errno));
    // mkstemp makes the file 0600; a saved file gets the usual permissions.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(m_fd, 0666 & ~mask);
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        ::unlink(m_temp.c_str());
    }
}

void AtomicFile::fail(const std::string &what, int error)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    ::unlink(m_temp.c_str());
    throw FileError(m_path, "", what + ": " + std::strerror(error));
}

void AtomicFile::write(std::string_view data)
{
    if (m_fd < 0)
        throw FileError(m_path, "", "write after commit");
    while (!data.empty()) {
        const ssize_t written = ::write(m_fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            fail("cannot write", errno);
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
}

void AtomicFile::commit()
{
    if (m_fd < 0)
        throw FileError(m_path, "", "commit twice");
    if (::fsync(m_fd) != 0)
        fail("cannot flush to disk", errno);
    if (::close(m_fd) != 0) {
        m_fd = -1;
        fail("cannot close", errno);
    }
    m_fd = -1;
    if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
        const int error = errno;
        ::unlink(m_temp.c_str());
        throw FileError(m_path, "", std::string("cannot replace the file: ") + std::strerror(error));
    }
}

void writeFileAtomically(const std::string &path, std::string_view content)
{
    AtomicFile file(path);
    file.write(content);
    file.commit();
}

} // namespace layerlens::core
