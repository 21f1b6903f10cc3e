#pragma once

#include "core/layer.h"
#include "core/rng.h"

namespace layerlens::core {

/// Inverted dropout: in training each unit is kept with probability 1−p and scaled by 1/(1−p),
/// so that inference is the identity and needs no rescaling.
template <typename S>
class Dropout final : public Layer<S> {
public:
    /// Throws std::invalid_argument unless 0 ≤ rate < 1.
    Dropout(double rate, Rng rng);

    const Matrix<S> &forward(const Matrix<S> &input) override;
    const Matrix<S> &backward(const Matrix<S> &gradOutput) override;
    /// Only when it passes its input through (inference, or p = 0 without a frozen mask).
    bool columnwise() const override { return !masks(); }
    const Matrix<S> &prepareForward(const Matrix<S> &input) override;
    void forwardColumns(Eigen::Index, Eigen::Index) override {} // the identity: prepareForward returned the input
    std::string kind() const override { return "dropout"; }

    /// The drop probability p.
    double rate() const { return m_rate; }
    /// Changes p between steps; throws std::invalid_argument unless 0 ≤ p < 1.
    void setRate(double rate);
    /// The mask of the last training forward: 0 or 1/(1−p) per element.
    const Matrix<S> &mask() const { return m_mask; }
    /// Uses `mask` for every following forward instead of drawing new ones (gradient checks).
    void freezeMask(const Matrix<S> &mask);
    /// Draws a new mask at each training forward again.
    void unfreezeMask() { m_frozen = false; }

private:
    /// True when a forward in the current mode applies a mask.
    bool masks() const { return this->m_training && (m_rate > 0.0 || m_frozen); }
    double m_rate;
    Rng m_rng;
    bool m_frozen = false;
    bool m_lastForwardMasked = false;
    Matrix<S> m_mask, m_output, m_gradInput;
};

} // namespace layerlens::core
