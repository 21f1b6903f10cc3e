#pragma once

#include "core/types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace layerlens::core {

/// A classification data set split into training and test parts. Samples are columns.
struct Dataset {
    std::string name;              ///< the spec it was made from ("spiral", "gaussian:1000:500:10", ...)
    Matrix<float> trainX, testX;   ///< features × samples
    std::vector<int> trainY, testY;
    int classes = 0;
    int imageRows = 0, imageCols = 0; ///< image shape for image data, 0 otherwise

    /// Number of input features.
    int inputs() const { return static_cast<int>(trainX.rows()); }
    /// True for the 2-D toy sets, whose decision boundary can be drawn.
    bool isPlanar() const { return inputs() == 2; }
};

/// How to make a data set: the `dataset` spec and the keys that shape it.
struct DatasetSpec {
    std::string spec = "spiral"; ///< spiral[:K], circles, moons, xor, blobs[:K], gaussian[:N:D:C],
                                 ///< fashion-mnist[:DIR], idx:PREFIX, csv:PATH
    int samples = 1000;          ///< `samples`: generated points (toys and gaussian without N)
    double noise = 0.1;          ///< `noise`: standard deviation of the noise of the toys
    double split = 0.8;          ///< `split`: fraction used for training; 1.0 = no test split
    bool standardize = false;    ///< `standardize`: per feature, with training mean and std
    std::uint64_t seed = 1;      ///< the run's seed (Data stream)
};

/// Classes of the spiral and blobs sets when the spec does not give K.
inline constexpr int kDefaultToyClasses = 3;
/// Largest number of generated samples.
inline constexpr int kMaxGeneratedSamples = 1'000'000;

/// Builds the data set a spec names. Throws std::invalid_argument ("dataset: ...") for a bad
/// spec and FileError for an unreadable or malformed file.
Dataset makeDataset(const DatasetSpec &spec);

/// Generators, deterministic for a seed: `n` samples in total, balanced over the classes.
/// Each returns features (2 × n, or D × n) and labels, not yet split.
void makeSpiral(int n, int classes, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y);
void makeCircles(int n, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y);
void makeMoons(int n, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y);
void makeXor(int n, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y);
void makeBlobs(int n, int classes, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y);
/// Unit-Gaussian inputs; labels are the argmax of a fixed random linear teacher (C × D, from
/// the seed), so there is something to learn.
void makeGaussian(int n, int dims, int classes, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y);

/// Shuffles (from the seed) and splits into train and test; split = 1 keeps everything for training.
void splitDataset(const Matrix<float> &x, const std::vector<int> &y, double split, std::uint64_t seed, Dataset &out);
/// Standardises every feature with the training split's mean and std (std 0 counts as 1).
void standardize(Dataset &data);

} // namespace layerlens::core
