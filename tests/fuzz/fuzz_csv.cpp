// Fuzz target: CSV text through parseCsv, the in-memory body of loadCsv.

#include "tests/fuzz/fuzztargets.h"

#include "core/csv.h"
#include "core/fileerror.h"

namespace layerlens::fuzz {

std::string runCsv(Bytes input)
{
    try {
        const core::LabelledData data = core::parseCsv(textOf(input), "<fuzz csv>");
        // What the loader promises about an accepted file.
        if (data.features.cols() != static_cast<Eigen::Index>(data.labels.size()) || data.features.rows() < 1
            || !data.features.allFinite() || data.classes < 1 || data.classes > core::kMaxCsvLabel + 1)
            std::abort();
        return {};
    } catch (const core::FileError &e) {
        return refusal(e);
    }
}

} // namespace layerlens::fuzz

LAYERLENS_FUZZ_ENTRY(layerlens::fuzz::runCsv)
