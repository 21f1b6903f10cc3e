#pragma once

#include "core/config.h"
#include "core/dataset.h"
#include "core/diagnostics.h"
#include "core/history.h"
#include "core/network.h"
#include "core/snapshot.h"

#include <chrono>
#include <functional>
#include <memory>

namespace layerlens::core {

/// Where a run stands after a step.
enum class TrainerStatus { Running, Finished, Diverged };

/// The training loop of one run: mini-batches shuffled per epoch from the seed, a step-0
/// snapshot of the fresh network, statistics every `every` steps (with BatchNorm also the
/// batch-versus-running statistics check, Snapshot::bnModes), test evaluation every
/// `eval_every` steps, diagnostics, and the bounded history of every scalar series.
/// Single-threaded and deterministic; the UI's worker thread drives it. Every entry point that
/// runs the network flushes subnormal floats to zero (FlushDenormals), so a run gives the same
/// numbers, at the same speed, whichever thread drives it.
class Trainer {
public:
    /// Called with every new snapshot (step 0 included), on the thread that drives the trainer.
    using SnapshotCallback = std::function<void(const std::shared_ptr<const Snapshot> &)>;

    /// Builds the network for `config` on `data` (inputs and classes come from the data) and
    /// measures step 0. Throws std::invalid_argument for an invalid config.
    Trainer(const RunConfig &config, std::shared_ptr<const Dataset> data);
    // The network keeps pointers to the trainer's batch buffer: a trainer stays where it was built.
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    /// One training step, with statistics when due. Does nothing once finished or diverged.
    TrainerStatus step();
    /// Runs up to `n` steps (stops early when finished or diverged).
    TrainerStatus run(long long n);
    /// Where the run stands.
    TrainerStatus status() const { return m_status; }
    /// Updates done so far.
    long long steps() const { return m_network->steps(); }

    /// The newest snapshot (never null: step 0 exists from construction).
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
    /// Measures the current state now, whatever the interval (e.g. when paused or at the end).
    std::shared_ptr<const Snapshot> takeSnapshot();
    void setSnapshotCallback(SnapshotCallback callback) { m_callback = std::move(callback); }
    /// Every scalar series of the run.
    const History &history() const { return m_history; }

    /// Applies settings that need no rebuild (learning rate, batch size, dropout rate, optimizer
    /// and its parameters, intervals, bins, steps). Throws std::invalid_argument when `config`
    /// needs a rebuild (see needsRebuild) or is invalid; then nothing changes.
    void applyLiveSettings(const RunConfig &config);
    const RunConfig &config() const { return m_config; }
    /// Replaces the freshly initialised parameters (a loaded model) and measures step 0 again.
    /// Only before the first step.
    void setParameters(const std::function<void(Network<float> &)> &assign);

    Network<float> &network() { return *m_network; }
    const Network<float> &network() const { return *m_network; }
    const Dataset &data() const { return *m_data; }
    /// Loss and accuracy on the test split (or the training split when there is none).
    Evaluation evaluateTest();
    /// Raised from another thread, it abandons the current step or measurement at the next layer
    /// (core::Interrupted is thrown); the trainer must not be used afterwards.
    void setInterruptFlag(const std::atomic<bool> *flag);
    /// Identifies this build of the network; a new Trainer gets a new id.
    std::uint64_t configId() const { return m_configId; }

private:
    void nextBatch();
    void probe();
    void measureStepZero();
    std::shared_ptr<Snapshot> measure(long long step, bool afterUpdate);
    /// Fills snapshot.bnModes (BatchNorm only; docs/stats-format.md); changes nothing in the run.
    void measureBnModes(Snapshot &snapshot);
    void publish(std::shared_ptr<Snapshot> snapshot);

    RunConfig m_config;
    std::shared_ptr<const Dataset> m_data;
    std::unique_ptr<Network<float>> m_network;
    std::unique_ptr<Optimizer<float>> m_optimizer;
    Rng m_shuffleRng;
    std::vector<int> m_order;
    std::size_t m_position = 0;
    long long m_samplesSeen = 0;
    Matrix<float> m_batchX;
    std::vector<int> m_batchY;
    StepResult m_lastStep;
    Evaluation m_lastTest;
    long long m_lastTestStep = -1;
    TrainerStatus m_status = TrainerStatus::Running;
    DiagnosticsEngine m_diagnostics;
    History m_history;
    std::shared_ptr<const Snapshot> m_snapshot;
    SnapshotCallback m_callback;
    std::uint64_t m_configId;
    const std::atomic<bool> *m_interrupt = nullptr;
    std::chrono::steady_clock::time_point m_rateClock;
    long long m_rateSteps = 0;
    double m_stepsPerSecond = 0.0;
};

} // namespace layerlens::core
