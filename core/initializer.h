#pragma once

#include "core/rng.h"
#include "core/types.h"

#include <string_view>

namespace layerlens::core {

/// Weight initialisers. Biases always start at 0.
enum class InitKind {
    Zeros,         ///< W = 0
    Constant,      ///< W = c
    Normal,        ///< N(0, σ²), σ = init_std (0.01 and 1 are the classic demos)
    Uniform,       ///< U(−a, a), a = init_bound
    XavierNormal,  ///< N(0, 2/(fan_in+fan_out))      Glorot & Bengio 2010
    XavierUniform, ///< U(±√(6/(fan_in+fan_out)))
    HeNormal,      ///< N(0, 2/fan_in)                 He et al. 2015, fan_in mode, gain √2
    HeUniform,     ///< U(±√(6/fan_in))
    LecunNormal,   ///< N(0, 1/fan_in)
    Orthogonal,    ///< QR of a Gaussian matrix, signs fixed by diag(R) (Saxe et al. 2014; gain 1)
};

/// Config name ("zeros", "constant", "normal", "uniform", "xavier_normal", ...).
std::string_view initName(InitKind kind);
/// Parses a config name; throws std::invalid_argument naming the `init` field.
InitKind initFromName(std::string_view name);

/// Parameters of an initialiser.
struct InitSpec {
    InitKind kind = InitKind::XavierNormal;
    double std = 0.01;      ///< σ for Normal
    double bound = 0.05;    ///< a for Uniform
    double constant = 0.0;  ///< c for Constant
};

/// The standard deviation the initialiser aims at for the given fans (0 for zeros/constant;
/// 1/√fan_in·… for orthogonal is not defined and returns 0).
double initTargetStd(const InitSpec &spec, int fanIn, int fanOut);

/// Fills `weight` (rows × cols). `fanIn`/`fanOut` are given explicitly because a Maxout layer
/// stacks k pieces in one matrix but each piece counts the layer's own fans.
template <typename S>
void initialize(Matrix<S> &weight, const InitSpec &spec, int fanIn, int fanOut, Rng &rng);

} // namespace layerlens::core
