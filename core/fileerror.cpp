#include "core/fileerror.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>
#include <system_error>

namespace layerlens::core {

namespace {

std::string tooLarge(std::size_t maxBytes)
{
    return "file is larger than the limit of " + std::to_string(maxBytes) + " bytes";
}

} // namespace

std::vector<std::uint8_t> readFile(const std::string &path, std::size_t maxBytes)
{
    std::error_code ec;
    // fopen() succeeds on a directory on Linux and only the read fails, with a less helpful message.
    if (std::filesystem::is_directory(path, ec))
        throw FileError(path, "", "is a directory, expected a file");
    errno = 0;
    const std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        throw FileError(path, "", "cannot open: " + std::generic_category().message(errno));

    // The size is only a hint (the file may be a pipe or grow while read); the limit is enforced on what is read.
    const std::uintmax_t reported = std::filesystem::file_size(path, ec);
    if (!ec && reported > maxBytes)
        throw FileError(path, "", "file is " + std::to_string(reported) + " bytes, larger than the limit of "
                                      + std::to_string(maxBytes) + " bytes");
    // One byte more than the limit is enough to tell that a file is too large.
    const std::size_t cap = maxBytes == std::numeric_limits<std::size_t>::max() ? maxBytes : maxBytes + 1;
    std::vector<std::uint8_t> bytes(ec ? std::min<std::size_t>(cap, 1 << 16) : static_cast<std::size_t>(reported) + 1);
    std::size_t size = 0;
    for (;;) {
        if (size == bytes.size()) {
            if (size > maxBytes)
                throw FileError(path, "", tooLarge(maxBytes));
            bytes.resize(std::min(size * 2, cap));
        }
        const std::size_t got = std::fread(bytes.data() + size, 1, bytes.size() - size, file.get());
        if (got == 0)
            break;
        size += got;
    }
    if (std::ferror(file.get()))
        throw FileError(path, "", "read failed: " + std::generic_category().message(errno));
    if (size > maxBytes)
        throw FileError(path, "", tooLarge(maxBytes));
    bytes.resize(size);
    return bytes;
}

} // namespace layerlens::core
