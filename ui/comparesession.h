#pragma once

#include "core/config.h"
#include "ui/comparepair.h"
#include "ui/frame.h"

#include <QElapsedTimer>
#include <QObject>

#include <array>
#include <cstdint>
#include <memory>

namespace layerlens::ui {

class TrainingController;

/// Two runs trained side by side for compare mode: A, and B = A changed by a ComparePair, each
/// in its own worker thread (a TrainingController each), on the same data, seed and schedule.
///
/// Both are driven together and kept at the same step: running advances them in rounds of
/// equal numbers of steps (ending on the statistics grid of `every`, sized to take ~50 ms), and
/// the next round starts when both have finished the last, so the faster run waits for the
/// slower and a pause leaves both at the same step. step(n) advances each by exactly n. A change
/// that rebuilds either network restarts both from step 0.
///
/// The threads exist while the session is open: setConfigs() opens it, shutdown() stops and
/// joins both threads (it can be opened again).
class CompareSession : public QObject {
    Q_OBJECT
public:
    enum class Side { A = 0, B = 1 };
    Q_ENUM(Side)

    explicit CompareSession(QObject *parent = nullptr);
    ~CompareSession() override;

    /// Opens the session (starting both threads) or retargets it: A runs `a`, B runs `a` changed
    /// by `pair`. Both start paused at step 0 when opened.
    void setConfigs(const core::RunConfig &a, const ComparePair &pair);
    /// The same with a fixed difference: B = `a` + `overridesB` (a lesson's "compare" object).
    void setConfigs(const core::RunConfig &a, const ConfigOverrides &overridesB, const QString &label = {});
    /// A changes (the user edited the panel); B follows as the new A changed by the pair.
    /// Only remembered while the session is closed.
    void setConfigA(const core::RunConfig &a);
    /// B becomes A changed by `pair`. Only remembered while the session is closed.
    void setPair(const ComparePair &pair);

    /// Trains both until paused.
    void start();
    /// Stops both at the end of the current round (within ~50 ms), at the same step.
    void pause();
    void toggleRunning();
    /// Advances both by `n` steps, then pauses.
    void step(long long n = 1);
    /// Restarts both from step 0 (running goes on when it was running).
    void reset();
    /// Stops both workers and waits for their threads; the session is closed afterwards.
    void shutdown();

    /// Both threads exist (between setConfigs() and shutdown()).
    bool isOpen() const { return m_controllers[0] != nullptr; }
    /// Training until paused (stepping is not running).
    bool isRunning() const { return m_remaining < 0; }
    /// Steps are under way: while running or stepping, and after pause() until both sides have
    /// reached the end of the last round.
    bool isBusy() const { return m_roundActive || m_remaining != 0; }
    const ComparePair &pair() const { return m_pair; }
    /// The config last sent to `side` (A's as given; B's after the pair was applied).
    const core::RunConfig &config(Side side) const { return m_sent[index(side)]; }
    /// The newest frame of `side` (null before its first frame and while closed).
    std::shared_ptr<const Frame> latestFrame(Side side) const { return m_latest[index(side)]; }
    /// The controller of `side` (null while closed), for tests.
    TrainingController *controller(Side side) const { return m_controllers[index(side)]; }
    /// The number of steps of the next round while running (a multiple of `every`).
    long long roundSteps() const { return m_chunk; }

signals:
    /// A new frame of `side` (each side at most 60 per second).
    void frameReady(layerlens::ui::CompareSession::Side side, const std::shared_ptr<const layerlens::ui::Frame> &frame);
    /// Training until paused started or stopped.
    void runningChanged(bool running);
    /// A side could not apply its config or stopped with an error; the message starts with "A: "
    /// or "B: ". The session pauses.
    void errorOccurred(const QString &message);
    /// The pair changed (setPair(), setConfigs()).
    void pairChanged();
    /// New configs are about to be sent to A and B (an error about B's may follow).
    void configsChanged();
    /// The session opened or closed.
    void openChanged(bool open);

private:
    static constexpr std::size_t index(Side side) { return static_cast<std::size_t>(side); }

    void open();
    void sendConfigs();
    void onFrame(Side side, const std::shared_ptr<const Frame> &frame);
    void onError(Side side, const QString &message);
    void issueRound();
    bool roundDone(Side side) const;
    static bool cannotContinue(const Frame &frame);
    void finishRound();
    void setRemaining(long long remaining);
    int gridUnit() const;

    std::array<TrainingController *, 2> m_controllers{};
    std::array<std::shared_ptr<const Frame>, 2> m_latest;
    std::array<core::RunConfig, 2> m_sent;
    std::array<bool, 2> m_sentOnce{};
    /// A side whose worker may not run what was sent (a config was refused): the next change
    /// resets it, so that both start from step 0 again.
    std::array<bool, 2> m_suspect{};
    core::RunConfig m_configA;
    ComparePair m_pair;

    // Rounds: both sides get step(n) together; a side is done with the round when a paused frame
    // shows the target step, a new network (rebuilt meanwhile) or a run that cannot go on.
    struct Round {
        long long target = 0;
        std::uint64_t configId = 0;
    };
    std::array<Round, 2> m_round;
    bool m_roundActive = false;
    bool m_roundCounts = false;    // the round is part of a step(n), not of running
    long long m_roundLength = 0;
    long long m_chunk = 0;         // steps of a running round, a multiple of gridUnit()
    long long m_remaining = 0;     // steps still to do: −1 until paused, 0 idle
    QElapsedTimer m_roundTimer;
};

} // namespace layerlens::ui
