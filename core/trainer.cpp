#include "core/trainer.h"

#include "core/matrixproduct.h"

#include "core/denormals.h"
#include "core/layerstatistics.h"

#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace layerlens::core {

namespace {

std::atomic<std::uint64_t> g_nextConfigId{1};

/// Training samples the BatchNorm mode check runs through the network in both modes: enough to
/// resolve a disagreement of a few percent, few enough that the check costs two forward passes of
/// 128 samples per snapshot (docs/stats-format.md).
constexpr Eigen::Index kBnProbe = 128;

/// The shape of loaded data, for the memory check of files whose size the spec does not tell.
DataShape shapeOf(const Dataset &data)
{
    DataShape shape;
    shape.known = true;
    shape.trainSamples = data.trainX.cols();
    shape.samples = data.trainX.cols() + data.testX.cols();
    shape.inputs = data.inputs();
    shape.classes = data.classes;
    shape.planar = data.isPlanar();
    return shape;
}

NetworkConfig networkFor(const RunConfig &config, const Dataset &data)
{
    NetworkConfig n = config.network;
    n.inputs = data.inputs();
    n.classes = std::max(2, data.classes);
    n.seed = config.seed;
    return n;
}

} // namespace

Trainer::Trainer(const RunConfig &config, std::shared_ptr<const Dataset> data)
    : m_config(config), m_data(std::move(data)), m_shuffleRng(config.seed, RngStream::Shuffle),
      m_configId(g_nextConfigId++)
{
    const FlushDenormals flush; // every entry point that runs the network: see FlushDenormals
    if (!m_data || m_data->trainX.cols() == 0)
        throw std::invalid_argument("dataset: the training split is empty");
    m_config.syncSeed();
    m_config.validate();
    checkMemory(m_config, shapeOf(*m_data));
    m_network = std::make_unique<Network<float>>(networkFor(m_config, *m_data));
    m_optimizer = std::make_unique<Optimizer<float>>(m_network->parameters(), m_config.optimizer);
    m_order.resize(static_cast<std::size_t>(m_data->trainX.cols()));
    std::iota(m_order.begin(), m_order.end(), 0);
    m_position = m_order.size(); // shuffle before the first batch
    nextBatch();
    measureStepZero();
}

void Trainer::nextBatch()
{
    // Batches take the next B indices of the epoch's permutation and continue into a freshly
    // shuffled one, so every batch has exactly B samples and each epoch sees every sample once.
    const int n = static_cast<int>(m_order.size());
    const int batch = std::min(m_config.batchSize, n);
    m_batchX.resize(m_data->trainX.rows(), batch);
    m_batchY.resize(static_cast<std::size_t>(batch));
    for (int j = 0; j < batch; ++j) {
        if (m_position == m_order.size()) {
            for (int i = n - 1; i > 0; --i)
                std::swap(m_order[static_cast<std::size_t>(i)],
                          m_order[m_shuffleRng.below(static_cast<std::uint64_t>(i) + 1)]);
            m_position = 0;
        }
        const int sample = m_order[m_position++];
        m_batchX.col(j) = m_data->trainX.col(sample);
        m_batchY[static_cast<std::size_t>(j)] = m_data->trainY[static_cast<std::size_t>(sample)];
    }
}

TrainerStatus Trainer::step()
{
    const FlushDenormals flush;
    if (m_status != TrainerStatus::Running)
        return m_status;
    if (steps() >= m_config.steps) {
        m_status = TrainerStatus::Finished;
        return m_status;
    }
    const long long next = steps() + 1;
    const bool last = next == m_config.steps;
    const bool measureNow = next % m_config.every == 0 || last;
    if (measureNow)
        m_optimizer->measureNextUpdate();
    m_lastStep = m_network->trainStep(m_batchX, m_batchY, *m_optimizer);
    m_samplesSeen += static_cast<long long>(m_batchY.size());
    ++m_rateSteps;
    if (m_lastStep.status == StepStatus::Diverged) {
        m_status = TrainerStatus::Diverged;
        publish(measure(m_lastStep.step, measureNow));
        return m_status;
    }
    m_history.append("train_loss", next, m_lastStep.loss);
    m_history.append("train_acc", next, m_lastStep.accuracy);
    // The statistics read the layer buffers of the training batch, so they are taken before a
    // test evaluation overwrites them.
    std::shared_ptr<Snapshot> snapshot = measureNow ? measure(next, true) : nullptr;
    if (snapshot)
        measureBnModes(*snapshot);
    if (next % m_config.evalEvery == 0 || last) {
        evaluateTest();
        if (snapshot) {
            snapshot->testLoss = m_lastTest.loss;
            snapshot->testAcc = m_lastTest.accuracy;
            snapshot->testStep = m_lastTestStep;
        }
    }
    if (snapshot)
        publish(std::move(snapshot));
    if (last)
        m_status = TrainerStatus::Finished;
    nextBatch();
    return m_status;
}

TrainerStatus Trainer::run(long long n)
{
    const FlushDenormals flush;
    for (long long i = 0; i < n && m_status == TrainerStatus::Running; ++i)
        step();
    return m_status;
}

Evaluation Trainer::evaluateTest()
{
    const FlushDenormals flush;
    const bool hasTest = m_data->testX.cols() > 0;
    m_lastTest = m_network->evaluate(hasTest ? m_data->testX : m_data->trainX, hasTest ? m_data->testY : m_data->trainY);
    m_lastTestStep = steps();
    m_history.append("test_loss", m_lastTestStep, m_lastTest.loss);
    m_history.append("test_acc", m_lastTestStep, m_lastTest.accuracy);
    return m_lastTest;
}

void Trainer::probe()
{
    // Forward and backward of the current batch without an update; BatchNorm's running
    // statistics stay as they are, so probing never changes the run.
    for (auto &layer : m_network->hiddenLayers())
        if (layer.batchNorm)
            layer.batchNorm->setUpdatesRunningStatistics(false);
    m_network->setTraining(true);
    const Matrix<float> &output = m_network->forward(m_batchX);
    m_lastStep.loss = static_cast<double>(m_network->loss(m_batchY));
    m_lastStep.accuracy = accuracy(output, m_batchY);
    m_network->backward();
    for (auto &layer : m_network->hiddenLayers())
        if (layer.batchNorm)
            layer.batchNorm->setUpdatesRunningStatistics(true);
}

std::shared_ptr<Snapshot> Trainer::measure(long long step, bool afterUpdate)
{
    auto s = std::make_shared<Snapshot>();
    s->step = step;
    s->configId = m_configId;
    s->epoch = static_cast<double>(m_samplesSeen) / static_cast<double>(m_order.size());
    s->trainLoss = m_lastStep.loss;
    s->trainAcc = m_lastStep.accuracy;
    s->testLoss = m_lastTest.loss;
    s->testAcc = m_lastTest.accuracy;
    s->testStep = m_lastTestStep;
    if (m_status == TrainerStatus::Diverged) {
        s->diverged = true;
        s->divergedAt = m_lastStep.step;
        s->divergence = m_lastStep.reason;
    }
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - m_rateClock).count();
    if (m_rateSteps > 0 && seconds > 0.0) {
        m_stepsPerSecond = static_cast<double>(m_rateSteps) / seconds;
        m_rateSteps = 0;
        m_rateClock = now;
    }
    s->stepsPerSecond = m_stepsPerSecond;
    if (!measureLayers(m_network->hiddenLayers(), m_network->config(), m_config.bins,
                       afterUpdate ? m_optimizer.get() : nullptr, s->layers, m_interrupt))
        throw Interrupted();
    for (const auto &layer : s->layers) {
        const std::string prefix = "layer" + std::to_string(layer.index) + ".";
        m_history.append(prefix + "grad_norm", step, layer.grad.weightNorm);
        m_history.append(prefix + "pre_p15", step, layer.pre.p15);
        m_history.append(prefix + "pre_p50", step, layer.pre.p50);
        m_history.append(prefix + "pre_p85", step, layer.pre.p85);
        m_history.append(prefix + "act_mean", step, layer.act.mean);
        m_history.append(prefix + "act_std", step, layer.act.std);
        m_history.append(prefix + "weight_std", step, layer.weight.std);
        m_history.append(prefix + "update_ratio", step, layer.grad.updateRatio);
        m_history.append(prefix + "saturated", step, layer.saturated);
        m_history.append(prefix + "dead", step, layer.dead);
    }
    return s;
}

void Trainer::measureBnModes(Snapshot &s)
{
    // Only with BatchNorm: the first kBnProbe training samples (the split is shuffled) go through
    // the network twice: in chunks of the batch size, each normalised by its own statistics as
    // in training (running statistics frozen), and in inference mode with the running statistics.
    // Dropout is off in both, so the difference is BatchNorm's alone and no dropout mask is drawn:
    // the run stays bit-identical whether or how often this is measured.
    const Eigen::Index probe = std::min<Eigen::Index>(kBnProbe, m_data->trainX.cols());
    if (!m_config.network.batchNorm || m_status == TrainerStatus::Diverged || probe < 2)
        return;
    const Eigen::Index chunk = std::max<Eigen::Index>(2, std::min<Eigen::Index>(m_config.batchSize, probe));
    const Labels labels(m_data->trainY.data(), static_cast<std::size_t>(probe));
    auto predictions = [](const Matrix<float> &output, std::vector<int> &into, Eigen::Index offset) {
        for (Eigen::Index j = 0; j < output.cols(); ++j) {
            Eigen::Index best = 0;
            output.col(j).maxCoeff(&best);
            into[static_cast<std::size_t>(offset + j)] = static_cast<int>(best);
        }
    };
    std::vector<int> withBatch(static_cast<std::size_t>(probe)), withRunning(static_cast<std::size_t>(probe));
    Matrix<float> block; // probe features × chunk; alive while the network points at it

    m_network->setTraining(true);
    for (auto &layer : m_network->hiddenLayers()) {
        layer.batchNorm->setUpdatesRunningStatistics(false);
        layer.dropout->setTraining(false);
    }
    double lossSum = 0.0, correct = 0.0;
    for (Eigen::Index start = 0; start < probe;) {
        // A last chunk of one sample has no variance: it joins the chunk before.
        Eigen::Index n = std::min(chunk, probe - start);
        if (probe - start - n == 1)
            ++n;
        block = m_data->trainX.middleCols(start, n);
        const Labels part = labels.subspan(static_cast<std::size_t>(start), static_cast<std::size_t>(n));
        const Matrix<float> &output = m_network->forward(block);
        lossSum += static_cast<double>(m_network->loss(part)) * static_cast<double>(n);
        correct += accuracy(output, part) * static_cast<double>(n);
        predictions(output, withBatch, start);
        start += n;
    }
    for (auto &layer : m_network->hiddenLayers())
        layer.batchNorm->setUpdatesRunningStatistics(true);

    m_network->setTraining(false);
    block = m_data->trainX.leftCols(probe);
    const Matrix<float> &output = m_network->forward(block);
    s.bnModes.runningLoss = static_cast<double>(m_network->loss(labels));
    s.bnModes.runningAcc = accuracy(output, labels);
    predictions(output, withRunning, 0);
    m_network->setTraining(true); // also switches dropout back on

    const double count = static_cast<double>(probe);
    s.bnModes.batchLoss = lossSum / count;
    s.bnModes.batchAcc = correct / count;
    s.bnModes.disagreement =
        static_cast<double>(std::inner_product(withBatch.begin(), withBatch.end(), withRunning.begin(), 0, std::plus<>(),
                                               std::not_equal_to<>()))
        / count;
    s.hasBnModes = true;
    m_history.append("bn_batch_loss", s.step, s.bnModes.batchLoss);
    m_history.append("bn_running_loss", s.step, s.bnModes.runningLoss);
    m_history.append("bn_batch_acc", s.step, s.bnModes.batchAcc);
    m_history.append("bn_running_acc", s.step, s.bnModes.runningAcc);
    m_history.append("bn_disagreement", s.step, s.bnModes.disagreement);
}

void Trainer::publish(std::shared_ptr<Snapshot> snapshot)
{
    snapshot->diagnostics = m_diagnostics.evaluate(*snapshot);
    m_snapshot = std::move(snapshot);
    if (m_callback)
        m_callback(m_snapshot);
}

std::shared_ptr<const Snapshot> Trainer::takeSnapshot()
{
    const FlushDenormals flush;
    if (m_status != TrainerStatus::Diverged)
        probe();
    auto snapshot = measure(steps(), false);
    measureBnModes(*snapshot);
    publish(std::move(snapshot));
    return m_snapshot;
}

void Trainer::setInterruptFlag(const std::atomic<bool> *flag)
{
    m_interrupt = flag;
    m_network->setInterruptFlag(flag);
}

void Trainer::measureStepZero()
{
    evaluateTest();
    probe();
    auto snapshot = measure(0, false);
    measureBnModes(*snapshot);
    publish(std::move(snapshot));
    m_rateClock = std::chrono::steady_clock::now();
    m_rateSteps = 0;
}

void Trainer::applyLiveSettings(const RunConfig &config)
{
    RunConfig next = config;
    next.syncSeed();
    next.validate();
    checkMemory(next, shapeOf(*m_data));
    if (needsRebuild(m_config, next))
        throw std::invalid_argument("config: this change needs a new network (use a new Trainer)");
    m_optimizer->setConfig(next.optimizer);
    m_network->setDropoutRate(next.network.dropout);
    const bool batchChanged = next.batchSize != m_config.batchSize;
    m_config = next;
    if (m_status == TrainerStatus::Finished && steps() < m_config.steps)
        m_status = TrainerStatus::Running;
    if (batchChanged)
        nextBatch();
}

void Trainer::setParameters(const std::function<void(Network<float> &)> &assign)
{
    if (steps() != 0)
        throw std::logic_error("Trainer: parameters can only be replaced before the first step");
    const FlushDenormals flush;
    assign(*m_network);
    m_diagnostics.reset();
    m_history.clear();
    measureStepZero();
}

} // namespace layerlens::core
