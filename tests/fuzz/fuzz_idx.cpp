// Fuzz target: an IDX images file and an IDX labels file, each plain or gzip, through parseIdx (the
// in-memory body of loadIdx). The first 4 bytes (big-endian) give the images part's length, the
// rest after it is the labels part; a length past the end takes everything.

#include "tests/fuzz/fuzztargets.h"

#include "core/fileerror.h"
#include "core/idx.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace layerlens::fuzz {

std::string runIdx(Bytes input)
{
    if (input.size() < 4)
        return "input shorter than the 4-byte split point";
    const std::size_t split = std::min<std::size_t>(
        std::uint32_t{input[0]} << 24 | std::uint32_t{input[1]} << 16 | std::uint32_t{input[2]} << 8 | input[3],
        input.size() - 4);
    const Bytes images = input.subspan(4, split);
    const Bytes labels = input.subspan(4 + split);
    try {
        // maxSamples from the last byte, so that the truncation path runs too.
        const int maxSamples = input.back() % 4;
        const core::LabelledData data =
            core::parseIdx({images.begin(), images.end()}, "<fuzz images>", {labels.begin(), labels.end()},
                           "<fuzz labels>", maxSamples);
        if (data.features.cols() != static_cast<Eigen::Index>(data.labels.size())
            || data.features.rows() != static_cast<Eigen::Index>(data.imageRows) * data.imageCols
            || data.classes < 1 || data.classes > 256)
            std::abort();
        return {};
    } catch (const core::FileError &e) {
        return refusal(e);
    }
}

} // namespace layerlens::fuzz

LAYERLENS_FUZZ_ENTRY(layerlens::fuzz::runIdx)
