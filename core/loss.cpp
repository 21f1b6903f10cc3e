#include "core/loss.h"

#include <cmath>
#include <stdexcept>

namespace layerlens::core {

std::string_view lossName(LossKind kind)
{
    return kind == LossKind::CrossEntropy ? "cross_entropy" : "mse";
}

LossKind lossFromName(std::string_view name)
{
    if (name == "cross_entropy")
        return LossKind::CrossEntropy;
    if (name == "mse")
        return LossKind::MeanSquaredError;
    throw std::invalid_argument("loss: unknown name '" + std::string(name) + "' (expected one of cross_entropy, mse)");
}

namespace {

template <typename S>
void checkLabels(const Matrix<S> &output, Labels labels, const char *who)
{
    if (static_cast<Eigen::Index>(labels.size()) != output.cols())
        throw std::invalid_argument(std::string(who) + ": " + std::to_string(labels.size()) + " labels for a batch of "
                                    + std::to_string(output.cols()));
    for (int y : labels)
        if (y < 0 || y >= output.rows())
            throw std::invalid_argument(std::string(who) + ": label " + std::to_string(y) + " outside [0, "
                                        + std::to_string(output.rows()) + ")");
}

} // namespace

template <typename S>
std::unique_ptr<Loss<S>> Loss<S>::create(LossKind kind)
{
    if (kind == LossKind::CrossEntropy)
        return std::make_unique<SoftmaxCrossEntropy<S>>();
    return std::make_unique<MeanSquaredError<S>>();
}

template <typename S>
S SoftmaxCrossEntropy<S>::forward(const Matrix<S> &logits, Labels labels)
{
    checkLabels(logits, labels, "SoftmaxCrossEntropy");
    const Eigen::Index batch = logits.cols();
    m_probabilities.resize(logits.rows(), batch);
    double total = 0.0;
    for (Eigen::Index c = 0; c < batch; ++c) {
        const S maxLogit = logits.col(c).maxCoeff();
        m_probabilities.col(c) = (logits.col(c).array() - maxLogit).exp();
        const S sum = m_probabilities.col(c).sum();
        m_probabilities.col(c) /= sum;
        // log softmax_y = z_y − max − log Σ e^{z−max}: finite even when the probability underflows.
        total -= static_cast<double>(logits(labels[c], c) - maxLogit - std::log(sum));
    }
    m_grad = m_probabilities;
    for (Eigen::Index c = 0; c < batch; ++c)
        m_grad(labels[c], c) -= S(1);
    m_grad /= static_cast<S>(batch);
    return static_cast<S>(total / static_cast<double>(batch));
}

template <typename S>
S MeanSquaredError<S>::forward(const Matrix<S> &output, Labels labels)
{
    checkLabels(output, labels, "MeanSquaredError");
    m_grad = output;
    for (Eigen::Index c = 0; c < output.cols(); ++c)
        m_grad(labels[c], c) -= S(1);
    const S count = static_cast<S>(output.size());
    const S loss = m_grad.squaredNorm() / count;
    m_grad *= S(2) / count;
    return loss;
}

template <typename S>
double accuracy(const Matrix<S> &output, Labels labels)
{
    if (labels.empty())
        return 0.0;
    std::size_t correct = 0;
    for (Eigen::Index c = 0; c < output.cols(); ++c) {
        Eigen::Index best = 0;
        output.col(c).maxCoeff(&best);
        correct += best == labels[c];
    }
    return static_cast<double>(correct) / static_cast<double>(labels.size());
}

template class Loss<float>;
template class Loss<double>;
template class SoftmaxCrossEntropy<float>;
template class SoftmaxCrossEntropy<double>;
template class MeanSquaredError<float>;
template class MeanSquaredError<double>;
template double accuracy<float>(const Matrix<float> &, Labels);
template double accuracy<double>(const Matrix<double> &, Labels);

} // namespace layerlens::core
