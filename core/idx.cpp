#include "core/idx.h"

#include "core/fileerror.h"
#include "core/gzip.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace layerlens::core {

namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803; // unsigned bytes (0x08), 3 dimensions
constexpr std::uint32_t kLabelsMagic = 0x00000801; // unsigned bytes (0x08), 1 dimension
constexpr const char *kInstallHint = "install it with `sudo apt-get install dataset-fashion-mnist`";

/// An IDX file's content, decompressed when the file is gzip; error offsets refer to this content.
struct IdxContent {
    std::string path;
    std::vector<std::uint8_t> bytes;
    bool compressed = false;

    FileError error(std::size_t offset, std::string cause) const
    {
        return {path, (compressed ? "decompressed offset " : "offset ") + std::to_string(offset), std::move(cause)};
    }
};

/// The content of `bytes` read from `path`: decompressed when they are gzip.
IdxContent decodeContent(const std::string &path, std::vector<std::uint8_t> bytes)
{
    IdxContent content{path, std::move(bytes)};
    if (isGzip(content.bytes)) {
        content.bytes = gunzip(content.bytes, path, kMaxIdxBytes);
        content.compressed = true;
    }
    return content;
}

IdxContent readContent(const std::string &path)
{
    return decodeContent(path, readFile(path, kMaxIdxBytes));
}

std::uint32_t bigEndian32(const std::uint8_t *p)
{
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | std::uint32_t{p[3]};
}

std::string hex32(std::uint32_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(value));
    return text;
}

/// Image count, rows and columns of an images file, or label count (then 1, 1) of a labels file.
using Dimensions = std::array<std::size_t, 3>;

/// Checks the header of an images (`images`) or labels file, and that exactly the data it announces follows,
/// before anything is allocated for it.
Dimensions checkHeader(const IdxContent &file, bool images)
{
    const std::uint32_t magic = images ? kImagesMagic : kLabelsMagic;
    const int rank = images ? 3 : 1;
    const std::size_t headerSize = 4 + 4 * static_cast<std::size_t>(rank);
    const std::vector<std::uint8_t> &b = file.bytes;
    if (b.size() >= 4 && bigEndian32(b.data()) != magic) {
        const std::uint32_t found = bigEndian32(b.data());
        std::string cause = "wrong magic " + hex32(found) + ", expected " + hex32(magic)
                            + (images ? " (IDX unsigned-byte images)" : " (IDX unsigned-byte labels)");
        if (found == (images ? kLabelsMagic : kImagesMagic))
            cause += images ? "; this is a labels file" : "; this is an images file";
        throw file.error(0, cause);
    }
    if (b.size() < headerSize)
        throw file.error(b.size(), "truncated header: " + std::to_string(b.size()) + " bytes, an IDX "
                                       + (images ? "images" : "labels") + " header has " + std::to_string(headerSize));

    static constexpr std::array<const char *, 3> kImageDimensions{"image count", "rows", "columns"};
    Dimensions dims{1, 1, 1};
    // Saturating product: three 32-bit dimensions can overflow 64 bits, and a lying header must not wrap
    // around to a small size that would pass the check below.
    std::size_t claimed = 1;
    bool overflow = false;
    for (int i = 0; i < rank; ++i) {
        const std::size_t at = 4 + 4 * static_cast<std::size_t>(i);
        dims[static_cast<std::size_t>(i)] = bigEndian32(b.data() + at);
        const std::size_t d = dims[static_cast<std::size_t>(i)];
        if (d == 0)
            throw file.error(at, std::string(images ? kImageDimensions[static_cast<std::size_t>(i)] : "label count")
                                     + " is 0");
        if (claimed > std::numeric_limits<std::size_t>::max() / d)
            overflow = true;
        else
            claimed *= d;
    }
    const std::size_t available = b.size() - headerSize;
    if (overflow || claimed > available) {
        const std::string what = images ? std::to_string(dims[0]) + " images of " + std::to_string(dims[1]) + "x"
                                              + std::to_string(dims[2]) + " pixels"
                                        : std::to_string(dims[0]) + " labels";
        throw file.error(b.size(), "truncated data: the header announces " + what + " ("
                                       + (overflow ? std::string("over 2^64") : std::to_string(claimed))
                                       + " bytes), but only " + std::to_string(available) + " bytes follow it");
    }
    if (claimed < available)
        throw file.error(headerSize + claimed, std::to_string(available - claimed) + " trailing bytes after the last "
                                                   + (images ? "image" : "label"));
    return dims;
}

/// `base` if it exists, else `base`.gz if that exists, else empty.
std::string existingVariant(const std::string &base)
{
    std::error_code ec;
    if (std::filesystem::exists(base, ec))
        return base;
    if (std::filesystem::exists(base + ".gz", ec))
        return base + ".gz";
    return {};
}

/// The samples of two checked files: `images` of `imageDims` and `labels` holding `labelCount` labels.
LabelledData assemble(const IdxContent &images, const Dimensions &imageDims, const IdxContent &labels,
                      std::size_t labelCount, int maxSamples)
{
    const auto [count, rows, cols] = imageDims;
    if (labelCount != count)
        throw labels.error(4, std::to_string(labelCount) + " labels, but " + images.path + " has "
                                  + std::to_string(count) + " images");

    // The header check bounds every size by kMaxIdxBytes, so they all fit Eigen::Index and int.
    const std::size_t samples = maxSamples > 0 ? std::min(count, static_cast<std::size_t>(maxSamples)) : count;
    const std::size_t pixels = rows * cols;
    LabelledData data;
    data.imageRows = static_cast<int>(rows);
    data.imageCols = static_cast<int>(cols);
    // The file stores image after image, each row by row: exactly a column-major pixels × samples matrix.
    data.features.resize(static_cast<Eigen::Index>(pixels), static_cast<Eigen::Index>(samples));
    std::array<float, 256> scaled{};
    for (std::size_t v = 0; v < scaled.size(); ++v)
        scaled[v] = static_cast<float>(v) / 255.0f; // 255 / 255.0f is exactly 1.0f
    const std::uint8_t *from = images.bytes.data() + 16;
    float *to = data.features.data();
    for (std::size_t i = 0; i < pixels * samples; ++i)
        to[i] = scaled[from[i]];
    data.labels.assign(labels.bytes.begin() + 8, labels.bytes.begin() + 8 + static_cast<std::ptrdiff_t>(samples));
    data.classes = *std::max_element(data.labels.begin(), data.labels.end()) + 1;
    return data;
}

} // namespace

LabelledData loadIdx(const std::string &imagesPath, const std::string &labelsPath, int maxSamples)
{
    if (maxSamples < 0)
        throw std::invalid_argument("loadIdx: maxSamples must be >= 0");
    const IdxContent images = readContent(imagesPath);
    const Dimensions imageDims = checkHeader(images, true);
    const IdxContent labels = readContent(labelsPath);
    const std::size_t labelCount = checkHeader(labels, false)[0];
    return assemble(images, imageDims, labels, labelCount, maxSamples);
}

LabelledData parseIdx(std::vector<std::uint8_t> imagesBytes, const std::string &imagesSource,
                      std::vector<std::uint8_t> labelsBytes, const std::string &labelsSource, int maxSamples)
{
    if (maxSamples < 0)
        throw std::invalid_argument("parseIdx: maxSamples must be >= 0");
    const IdxContent images = decodeContent(imagesSource, std::move(imagesBytes));
    const Dimensions imageDims = checkHeader(images, true);
    const IdxContent labels = decodeContent(labelsSource, std::move(labelsBytes));
    const std::size_t labelCount = checkHeader(labels, false)[0];
    return assemble(images, imageDims, labels, labelCount, maxSamples);
}

LabelledData loadIdxPrefix(const std::string &prefix, int maxSamples)
{
    const auto find = [](const std::string &base) {
        std::string path = existingVariant(base);
        if (path.empty())
            throw FileError(base, "", "no such file (nor " + base + ".gz)");
        return path;
    };
    const std::string images = find(prefix + "-images-idx3-ubyte");
    const std::string labels = find(prefix + "-labels-idx1-ubyte");
    return loadIdx(images, labels, maxSamples);
}

TrainTest loadFashionMnist(const std::string &dir, int maxTrain, int maxTest)
{
    if (maxTrain < 0 || maxTest < 0)
        throw std::invalid_argument("loadFashionMnist: maxTrain and maxTest must be >= 0");
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw FileError(dir, "", std::string("Fashion-MNIST directory not found; ") + kInstallHint);
    const std::filesystem::path root(dir);
    for (const char *name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                             "t10k-labels-idx1-ubyte"}) {
        const std::string base = (root / name).string();
        if (existingVariant(base).empty())
            throw FileError(base + ".gz", "", std::string("Fashion-MNIST file not found; ") + kInstallHint);
    }
    TrainTest splits{loadIdxPrefix((root / "train").string(), maxTrain),
                     loadIdxPrefix((root / "t10k").string(), maxTest)};
    if (splits.test.imageRows != splits.train.imageRows || splits.test.imageCols != splits.train.imageCols)
        throw FileError(existingVariant((root / "t10k-images-idx3-ubyte").string()), "",
                        "test images are " + std::to_string(splits.test.imageRows) + "x"
                            + std::to_string(splits.test.imageCols) + " pixels, training images "
                            + std::to_string(splits.train.imageRows) + "x" + std::to_string(splits.train.imageCols));
    // One network sees both splits, so they share the output size even when a truncated split lacks a class.
    splits.train.classes = splits.test.classes = std::max(splits.train.classes, splits.test.classes);
    return splits;
}

} // namespace layerlens::core
