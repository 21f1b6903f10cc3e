#include "core/network.h"

#include "core/matrixproduct.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace layerlens::core {

int NetworkConfig::widthOf(int layer) const
{
    return widths.size() == 1 ? widths.front() : widths.at(static_cast<std::size_t>(layer));
}

void NetworkConfig::validate() const
{
    auto fail = [](const std::string &message) { throw std::invalid_argument(message); };
    if (inputs < 1)
        fail("inputs: must be >= 1");
    if (classes < 1)
        fail("classes: must be >= 1");
    if (depth < 1 || depth > kMaxDepth)
        fail("depth: must be in [1, " + std::to_string(kMaxDepth) + "], got " + std::to_string(depth));
    if (widths.empty())
        fail("width: needs one value or one per hidden layer");
    if (widths.size() != 1 && widths.size() != static_cast<std::size_t>(depth))
        fail("width: a list must have one entry per hidden layer (" + std::to_string(depth) + "), got "
             + std::to_string(widths.size()));
    for (int w : widths)
        if (w < 1 || w > kMaxWidth)
            fail("width: must be in [1, " + std::to_string(kMaxWidth) + "], got " + std::to_string(w));
    if (!(std::isfinite(leakySlope) && leakySlope >= 0.0 && leakySlope <= 1.0))
        fail("leaky_slope: must be in [0, 1]");
    if (!(std::isfinite(eluAlpha) && eluAlpha > 0.0))
        fail("elu_alpha: must be a finite number > 0");
    if (activation == ActivationKind::Maxout && (maxoutPieces < 2 || maxoutPieces > kMaxMaxoutPieces))
        fail("maxout_pieces: must be in [2, " + std::to_string(kMaxMaxoutPieces) + "]");
    if (init.kind == InitKind::Normal && !(std::isfinite(init.std) && init.std > 0.0))
        fail("init_std: must be a finite number > 0");
    if (init.kind == InitKind::Uniform && !(std::isfinite(init.bound) && init.bound > 0.0))
        fail("init_bound: must be a finite number > 0");
    if (init.kind == InitKind::Constant && !std::isfinite(init.constant))
        fail("init_constant: must be a finite number");
    if (!(bnMomentum > 0.0 && bnMomentum <= 1.0))
        fail("bn_momentum: must be in (0, 1]");
    if (bnWindow < 1)
        fail("bn_window: must be >= 1");
    if (!(std::isfinite(bnEps) && bnEps > 0.0))
        fail("bn_eps: must be a finite number > 0");
    if (!(dropout >= 0.0 && dropout < 1.0))
        fail("dropout: must be in [0, 1), got " + std::to_string(dropout));
}

template <typename S>
Network<S>::Network(const NetworkConfig &config) : m_config(config)
{
    m_config.validate();
    Rng initRng(m_config.seed, RngStream::Init);
    Rng dropoutRng(m_config.seed, RngStream::Dropout);
    const bool maxout = m_config.activation == ActivationKind::Maxout;
    const int pieces = maxout ? m_config.maxoutPieces : 1;
    int fanIn = m_config.inputs;
    for (int i = 0; i < m_config.depth; ++i) {
        const int width = m_config.widthOf(i);
        HiddenLayer<S> layer;
        layer.dense = std::make_unique<Dense<S>>(fanIn, width * pieces);
        // Each Maxout piece is a map fan_in → width, so the initialiser counts those fans.
        initialize(layer.dense->weight(), m_config.init, fanIn, width, initRng);
        if (m_config.batchNorm)
            layer.batchNorm = std::make_unique<BatchNorm<S>>(width * pieces, m_config.bnInference,
                                                             m_config.bnMomentum, m_config.bnWindow,
                                                             m_config.bnEps);
        if (maxout) {
            layer.activation = std::make_unique<Maxout<S>>(width, pieces);
        } else {
            const double parameter = m_config.activation == ActivationKind::LeakyRelu ? m_config.leakySlope
                                     : m_config.activation == ActivationKind::Elu     ? m_config.eluAlpha
                                                                                      : 0.0;
            layer.activation = std::make_unique<Activation<S>>(m_config.activation, parameter);
        }
        // Each layer's mask stream is split off the dropout stream, so masks do not depend on
        // the order in which layers draw.
        layer.dropout = std::make_unique<Dropout<S>>(m_config.dropout,
                                                     Rng(dropoutRng.next(), RngStream::Dropout));
        m_hidden.push_back(std::move(layer));
        fanIn = width;
    }
    m_output = std::make_unique<Dense<S>>(fanIn, m_config.classes);
    initialize(m_output->weight(), m_config.init, fanIn, m_config.classes, initRng);
    m_loss = Loss<S>::create(m_config.loss);
    for (auto &layer : m_hidden) {
        m_sequence.push_back(layer.dense.get());
        if (layer.batchNorm)
            m_sequence.push_back(layer.batchNorm.get());
        m_sequence.push_back(layer.activation.get());
        m_sequence.push_back(layer.dropout.get());
    }
    m_sequence.push_back(m_output.get());
    for (Layer<S> *layer : m_sequence)
        m_sequenceBatchNorm.push_back(dynamic_cast<BatchNorm<S> *>(layer));
    m_hidden.front().dense->setComputeInputGradient(false);
    m_inputGradient = &m_empty;

    auto add = [this](const std::string &prefix, Layer<S> &layer, const Dense<S> *dense) {
        for (auto p : layer.parameters()) {
            p.name = prefix + "." + layer.kind() + "." + p.name;
            m_parameters.push_back(p);
            m_gradientOwner.push_back(dense);
        }
    };
    for (std::size_t i = 0; i < m_hidden.size(); ++i) {
        const std::string prefix = "hidden" + std::to_string(i + 1);
        add(prefix, *m_hidden[i].dense, m_hidden[i].dense.get());
        if (m_hidden[i].batchNorm)
            add(prefix, *m_hidden[i].batchNorm, nullptr);
    }
    add("output", *m_output, m_output.get());
}

template <typename S>
Eigen::Index Network<S>::forwardCut(Eigen::Index columns)
{
    // The middle, rounded to the nearest multiple of 16 columns.
    return (columns / 2 + 8) / 16 * 16;
}

template <typename S>
bool Network<S>::keepsHelperBusy(Eigen::Index batch) const
{
    const double threshold = productSplitFlops();
    if (!(threshold < std::numeric_limits<double>::infinity()) || m_hidden.empty())
        return false;
    double flops = 0.0;
    for (const auto &layer : m_hidden)
        flops += 2.0 * static_cast<double>(layer.dense->fanIn()) * static_cast<double>(layer.dense->fanOut())
                 * static_cast<double>(batch);
    return flops / static_cast<double>(m_hidden.size()) >= threshold / kPairFraction;
}

template <typename S>
bool Network<S>::splitsForwardByColumns(const Matrix<S> &input) const
{
    const Eigen::Index cut = forwardCut(input.cols());
    if (cut < kMinColumnsPerHalf || input.cols() - cut < kMinColumnsPerHalf)
        return false;
    // A BatchNorm is columnwise in inference; in training the halves meet at it (forward).
    for (const auto &layer : m_hidden)
        if (!layer.dense->columnwise() || !layer.activation->columnwise() || !layer.dropout->columnwise())
            return false;
    return keepsHelperBusy(input.cols());
}

template <typename S>
const Matrix<S> &Network<S>::forward(const Matrix<S> &input)
{
    if (input.rows() != m_config.inputs)
        throw std::invalid_argument("Network: input has " + std::to_string(input.rows()) + " features, expected "
                                    + std::to_string(m_config.inputs));
    const bool split = splitsForwardByColumns(input);
    m_lastForwardSplit = split;
    // Split: every buffer is sized on this thread first, and both threads fill their halves after.
    auto run = [split](Layer<S> &layer, const Matrix<S> &in) -> const Matrix<S> & {
        return split ? layer.prepareForward(in) : layer.forward(in);
    };
    const Matrix<S> *x = &input;
    for (auto &layer : m_hidden) {
        if (!split)
            checkInterrupt(); // a split forward checks in forwardColumns
        x = &run(*layer.dense, *x);
        if (layer.batchNorm)
            x = &run(*layer.batchNorm, *x);
        layer.preActivation = x;
        x = &run(*layer.activation, *x);
        layer.activationOutput = x;
        x = &run(*layer.dropout, *x);
    }
    m_lastOutput = &run(*m_output, *x);
    if (split) {
        // A cut at a multiple of 16 columns lies a multiple of 64 bytes into every buffer.
        m_half = forwardCut(input.cols());
        m_columns = input.cols();
        // Stages of columnwise layers, each ended by a training-mode BatchNorm (or the output).
        const std::size_t layers = m_sequence.size();
        for (std::size_t first = 0; first < layers;) {
            std::size_t end = first;
            while (end < layers && m_sequence[end]->columnwise())
                ++end;
            m_stageBegin = first;
            m_stageEnd = end;
            if (end > first)
                shareWork(2, [this](int part) {
                    if (part == 0)
                        forwardColumns(0, m_half);
                    else
                        forwardColumns(m_half, m_columns - m_half);
                });
            if (end == layers)
                break;
            checkInterrupt();
            m_sharedBatchNorm = m_sequenceBatchNorm[end];
            if (!m_sharedBatchNorm) // splitsForwardByColumns admits no other such layer
                throw std::logic_error("Network: a split forward met a layer that is not columnwise");
            if (BatchNorm<S>::featureCut(m_sharedBatchNorm->features()) == 0)
                batchNormFeatures(1, true); // one part: all features, on this thread
            else
                shareWork(2, [this](int part) { batchNormFeatures(part, true); });
            m_sharedBatchNorm->finishForward();
            first = end + 1;
        }
    }
    return *m_lastOutput;
}

template <typename S>
void Network<S>::forwardColumns(Eigen::Index begin, Eigen::Index count)
{
    for (std::size_t i = m_stageBegin; i < m_stageEnd; ++i) {
        checkInterrupt();
        m_sequence[i]->forwardColumns(begin, count);
    }
}

template <typename S>
void Network<S>::batchNormFeatures(int part, bool forward)
{
    BatchNorm<S> &bn = *m_sharedBatchNorm;
    const Eigen::Index features = bn.features(), cut = BatchNorm<S>::featureCut(features);
    const Eigen::Index begin = part == 0 ? 0 : cut, count = part == 0 ? cut : features - cut;
    if (forward)
        bn.forwardFeatures(begin, count);
    else
        bn.backwardFeatures(begin, count);
}

template <typename S>
S Network<S>::loss(Labels labels)
{
    if (!m_lastOutput)
        throw std::logic_error("Network: loss() before forward()");
    return m_loss->forward(*m_lastOutput, labels);
}

template <typename S>
void Network<S>::backward()
{
    const Matrix<S> *g = &m_output->backward(m_loss->backward());
    // The activations' backward is element-wise (Maxout's per column): while the products keep
    // the helper busy, each thread takes one half of the batch's columns, cut as the forward is,
    // and a training-mode BatchNorm's backward one of its two feature ranges.
    const Eigen::Index columns = g->cols(), cut = forwardCut(columns);
    const bool split = cut >= kMinColumnsPerHalf && columns - cut >= kMinColumnsPerHalf && keepsHelperBusy(columns);
    m_lastBackwardSplit = false;
    for (auto it = m_hidden.rbegin(); it != m_hidden.rend(); ++it) {
        checkInterrupt();
        g = &it->dropout->backward(*g);
        it->activationGradient = g;
        if (split && it->activation->backwardColumnwise()) {
            g = &it->activation->prepareBackward(*g);
            // Captured by one reference, so std::function keeps it inline (no allocation).
            const struct {
                Layer<S> *layer;
                Eigen::Index cut, columns;
            } halves{it->activation.get(), cut, columns};
            shareWork(2, [&halves](int part) {
                halves.layer->backwardColumns(part == 0 ? 0 : halves.cut, part == 0 ? halves.cut : halves.columns - halves.cut);
            });
            m_lastBackwardSplit = true;
        } else {
            g = &it->activation->backward(*g);
        }
        if (it->batchNorm && split && it->batchNorm->lastForwardTrained()) {
            g = &it->batchNorm->prepareBackwardFeatures(*g);
            m_sharedBatchNorm = it->batchNorm.get();
            if (BatchNorm<S>::featureCut(m_sharedBatchNorm->features()) == 0)
                batchNormFeatures(1, false);
            else
                shareWork(2, [this](int part) { batchNormFeatures(part, false); });
            m_lastBackwardSplit = true;
        } else if (it->batchNorm) {
            g = &it->batchNorm->backward(*g);
        }
        g = &it->dense->backward(*g);
    }
    m_inputGradient = g;
}

template <typename S>
std::string Network<S>::firstNonFiniteGradient() const
{
    for (std::size_t i = 0; i < m_parameters.size(); ++i) {
        // A Dense layer's gradients are often proven finite by its backward without reading them.
        const Dense<S> *owner = m_gradientOwner[i];
        if ((owner && owner->gradientsKnownFinite()) || isFinite(*m_parameters[i].gradient))
            continue;
        return "gradient of " + m_parameters[i].name + " is NaN or Inf";
    }
    return {};
}

template <typename S>
std::string Network<S>::firstNonFiniteValue(const Optimizer<S> &optimizer) const
{
    for (const auto &p : m_parameters) {
        // The optimizer checks what it updates while the values are still in the L1 cache.
        if (optimizer.leftFinite(p.value) || isFinite(*p.value))
            continue;
        return p.name + " is NaN or Inf";
    }
    return {};
}

template <typename S>
StepResult Network<S>::trainStep(const Matrix<S> &input, Labels labels, Optimizer<S> &optimizer)
{
    if (diverged())
        return m_diverged;
    setTraining(true);
    StepResult result;
    result.step = m_steps + 1;
    forward(input);
    result.loss = static_cast<double>(loss(labels));
    result.accuracy = accuracy(*m_lastOutput, labels);
    if (!std::isfinite(result.loss)) {
        result.reason = "loss is NaN or Inf";
    } else {
        backward();
        result.reason = firstNonFiniteGradient();
        if (result.reason.empty()) {
            optimizer.step(keepsHelperBusy(input.cols()));
            result.reason = firstNonFiniteValue(optimizer);
        }
    }
    if (!result.reason.empty()) {
        result.status = StepStatus::Diverged;
        m_diverged = result;
        return result;
    }
    m_steps = result.step;
    return result;
}

template <typename S>
Evaluation Network<S>::evaluate(const Matrix<S> &input, Labels labels, int chunk)
{
    if (static_cast<Eigen::Index>(labels.size()) != input.cols())
        throw std::invalid_argument("Network: evaluate() needs one label per column");
    if (chunk < 1)
        throw std::invalid_argument("Network: evaluate() chunk must be >= 1");
    const bool wasTraining = m_training;
    setTraining(false);
    double lossSum = 0.0, correct = 0.0;
    Matrix<S> block;
    for (Eigen::Index start = 0; start < input.cols(); start += chunk) {
        const Eigen::Index n = std::min<Eigen::Index>(chunk, input.cols() - start);
        block = input.middleCols(start, n);
        const Labels part = labels.subspan(static_cast<std::size_t>(start), static_cast<std::size_t>(n));
        forward(block);
        lossSum += static_cast<double>(m_loss->forward(*m_lastOutput, part)) * static_cast<double>(n);
        correct += accuracy(*m_lastOutput, part) * static_cast<double>(n);
    }
    setTraining(wasTraining);
    m_lastOutput = nullptr; // the block it points into is gone
    const double count = static_cast<double>(std::max<Eigen::Index>(1, input.cols()));
    return {lossSum / count, correct / count};
}

template <typename S>
void Network<S>::setTraining(bool training)
{
    m_training = training;
    for (auto &layer : m_hidden) {
        layer.dense->setTraining(training);
        if (layer.batchNorm)
            layer.batchNorm->setTraining(training);
        layer.activation->setTraining(training);
        layer.dropout->setTraining(training);
    }
    m_output->setTraining(training);
}

template <typename S>
void Network<S>::setDropoutRate(double rate)
{
    if (!(rate >= 0.0 && rate < 1.0))
        throw std::invalid_argument("dropout: must be in [0, 1)");
    m_config.dropout = rate;
    for (auto &layer : m_hidden)
        layer.dropout->setRate(rate);
}

template <typename S>
void Network<S>::setComputeInputGradient(bool compute)
{
    m_hidden.front().dense->setComputeInputGradient(compute);
}

template class Network<float>;
template class Network<double>;

} // namespace layerlens::core
