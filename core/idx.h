#pragma once

#include "core/types.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace layerlens::core {

/// Largest IDX content accepted, after decompression, and largest IDX file: 1 GiB, about 20 times
/// Fashion-MNIST's training images, so that neither a lying header nor a zip bomb can exhaust memory.
inline constexpr std::size_t kMaxIdxBytes = std::size_t{1} << 30;

/// Where Debian's dataset-fashion-mnist package installs the four Fashion-MNIST files.
inline constexpr const char *kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

/// A labelled data set, ready for training.
struct LabelledData {
    Matrix<float> features;           ///< features × samples (one sample per column)
    std::vector<int> labels;          ///< one per sample
    int imageRows = 0, imageCols = 0; ///< image shape for image data, 0 otherwise
    int classes = 0;                  ///< max label + 1
};

/// The two splits of a data set.
struct TrainTest {
    LabelledData train;
    LabelledData test;
};

/// Reads an IDX images file (magic 0x00000803, N × rows × cols unsigned bytes) and an IDX labels file
/// (magic 0x00000801, N unsigned bytes), each plain or gzip-compressed (told by the content, not the name).
/// Pixels are scaled to [0, 1] (byte / 255); each image is one column, its pixels row by row.
/// maxSamples > 0 keeps only the first maxSamples. Throws FileError naming the file, the offset and the cause.
LabelledData loadIdx(const std::string &imagesPath, const std::string &labelsPath, int maxSamples = 0);

/// Reads IDX images and labels already in memory (plain or gzip) as loadIdx() does; errors name the sources.
LabelledData parseIdx(std::vector<std::uint8_t> imagesBytes, const std::string &imagesSource,
                      std::vector<std::uint8_t> labelsBytes, const std::string &labelsSource, int maxSamples = 0);

/// Reads `PREFIX-images-idx3-ubyte` and `PREFIX-labels-idx1-ubyte`, each tried plain first, then with `.gz`.
LabelledData loadIdxPrefix(const std::string &prefix, int maxSamples = 0);

/// Fashion-MNIST's train and t10k splits from `dir` (as installed by Debian's dataset-fashion-mnist:
/// train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz;
/// plain files accepted too). Both splits get the larger of their class counts. When the directory or a file is
/// absent, throws FileError whose cause says to install it with `sudo apt-get install dataset-fashion-mnist`.
TrainTest loadFashionMnist(const std::string &dir = kFashionMnistDir, int maxTrain = 0, int maxTest = 0);

} // namespace layerlens::core
