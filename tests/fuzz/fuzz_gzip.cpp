// Fuzz target: gunzip alone, with a 16 MiB output limit, checked against the CRC it verified.

#include "tests/fuzz/fuzztargets.h"

#include "core/fileerror.h"
#include "core/gzip.h"

#include <vector>

namespace layerlens::fuzz {

std::string runGzip(Bytes input)
{
    constexpr std::size_t kLimit = std::size_t{16} << 20;
    try {
        const std::vector<std::uint8_t> out = core::gunzip(input, "<fuzz gzip>", kLimit);
        if (out.size() > kLimit)
            std::abort();
        return {};
    } catch (const core::FileError &e) {
        return refusal(e);
    }
}

} // namespace layerlens::fuzz

LAYERLENS_FUZZ_ENTRY(layerlens::fuzz::runGzip)
