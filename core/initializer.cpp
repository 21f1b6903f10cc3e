#include "core/initializer.h"

#include <Eigen/QR>

#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace layerlens::core {

namespace {

constexpr std::array<std::pair<InitKind, std::string_view>, 10> kNames{{
    {InitKind::Zeros, "zeros"},
    {InitKind::Constant, "constant"},
    {InitKind::Normal, "normal"},
    {InitKind::Uniform, "uniform"},
    {InitKind::XavierNormal, "xavier_normal"},
    {InitKind::XavierUniform, "xavier_uniform"},
    {InitKind::HeNormal, "he_normal"},
    {InitKind::HeUniform, "he_uniform"},
    {InitKind::LecunNormal, "lecun_normal"},
    {InitKind::Orthogonal, "orthogonal"},
}};

template <typename S>
void fillNormal(Matrix<S> &w, double std, Rng &rng)
{
    for (Eigen::Index i = 0; i < w.size(); ++i)
        w.data()[i] = static_cast<S>(std * rng.normal());
}

template <typename S>
void fillUniform(Matrix<S> &w, double bound, Rng &rng)
{
    for (Eigen::Index i = 0; i < w.size(); ++i)
        w.data()[i] = static_cast<S>(rng.uniform(-bound, bound));
}

template <typename S>
void fillOrthogonal(Matrix<S> &w, Rng &rng)
{
    // As torch.nn.init.orthogonal_: QR of a Gaussian (rows ≥ cols, else of its transpose),
    // Q multiplied by sign(diag R) so the result is uniformly distributed over orthogonal matrices.
    const bool transposed = w.rows() < w.cols();
    const Eigen::Index tall = transposed ? w.cols() : w.rows();
    const Eigen::Index narrow = transposed ? w.rows() : w.cols();
    Eigen::MatrixXd a(tall, narrow);
    for (Eigen::Index i = 0; i < a.size(); ++i)
        a.data()[i] = rng.normal();
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(a);
    Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(tall, narrow);
    const Eigen::MatrixXd r = qr.matrixQR().topLeftCorner(narrow, narrow);
    for (Eigen::Index j = 0; j < narrow; ++j)
        if (r(j, j) < 0)
            q.col(j) = -q.col(j);
    if (transposed)
        w = q.transpose().cast<S>();
    else
        w = q.cast<S>();
}

} // namespace

std::string_view initName(InitKind kind)
{
    for (const auto &[k, name] : kNames)
        if (k == kind)
            return name;
    return "unknown";
}

InitKind initFromName(std::string_view name)
{
    for (const auto &[kind, n] : kNames)
        if (n == name)
            return kind;
    std::string expected;
    for (const auto &entry : kNames)
        expected += (expected.empty() ? "" : ", ") + std::string(entry.second);
    throw std::invalid_argument("init: unknown name '" + std::string(name) + "' (expected one of " + expected + ")");
}

double initTargetStd(const InitSpec &spec, int fanIn, int fanOut)
{
    const double in = fanIn, out = fanOut;
    switch (spec.kind) {
    case InitKind::Zeros:
    case InitKind::Constant:
    case InitKind::Orthogonal:
        return 0.0;
    case InitKind::Normal:
        return spec.std;
    case InitKind::Uniform:
        return spec.bound / std::sqrt(3.0);
    case InitKind::XavierNormal:
    case InitKind::XavierUniform:
        return std::sqrt(2.0 / (in + out));
    case InitKind::HeNormal:
    case InitKind::HeUniform:
        return std::sqrt(2.0 / in);
    case InitKind::LecunNormal:
        return std::sqrt(1.0 / in);
    }
    return 0.0;
}

template <typename S>
void initialize(Matrix<S> &w, const InitSpec &spec, int fanIn, int fanOut, Rng &rng)
{
    if (fanIn < 1 || fanOut < 1)
        throw std::invalid_argument("initialize: fan_in and fan_out must be > 0");
    const double in = fanIn, out = fanOut;
    switch (spec.kind) {
    case InitKind::Zeros:
        w.setZero();
        break;
    case InitKind::Constant:
        w.setConstant(static_cast<S>(spec.constant));
        break;
    case InitKind::Normal:
        fillNormal(w, spec.std, rng);
        break;
    case InitKind::Uniform:
        fillUniform(w, spec.bound, rng);
        break;
    case InitKind::XavierNormal:
        fillNormal(w, std::sqrt(2.0 / (in + out)), rng);
        break;
    case InitKind::XavierUniform:
        fillUniform(w, std::sqrt(6.0 / (in + out)), rng);
        break;
    case InitKind::HeNormal:
        fillNormal(w, std::sqrt(2.0 / in), rng);
        break;
    case InitKind::HeUniform:
        fillUniform(w, std::sqrt(6.0 / in), rng);
        break;
    case InitKind::LecunNormal:
        fillNormal(w, std::sqrt(1.0 / in), rng);
        break;
    case InitKind::Orthogonal:
        fillOrthogonal(w, rng);
        break;
    }
}

template void initialize<float>(Matrix<float> &, const InitSpec &, int, int, Rng &);
template void initialize<double>(Matrix<double> &, const InitSpec &, int, int, Rng &);

} // namespace layerlens::core
