#pragma once

#include "core/config.h"
#include "ui/frame.h"
#include "ui/framemailbox.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace layerlens::ui {

class TrainingWorker;

/// The UI thread's handle on training: starts the worker thread, sends it commands through one
/// queue and hands the newest frame to the views at most 60 times a second. Its destructor stops
/// the worker at the next step boundary and waits for the thread.
class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    /// Builds (or rebuilds) the run for `config`, or applies live settings when nothing
    /// structural changed. Errors arrive through errorOccurred().
    void setConfig(const core::RunConfig &config);
    void start();
    void pause();
    void resume() { start(); }
    /// Runs one step (or `n`) and pauses.
    void step(long long n = 1);
    /// Restarts the current config from step 0.
    void reset();
    /// Starts when paused, pauses when running.
    void toggleRunning();
    /// Saves the network's current parameters to `path` (written by the worker between two
    /// steps). The outcome arrives through fileWritten() or fileFailed().
    void saveModel(const QString &path);
    /// Writes the snapshots kept of the current run as stats.jsonl and stats.csv into `folder`
    /// (by the worker). The outcome arrives through fileWritten() (once per file) or fileFailed().
    void exportStatistics(const QString &folder);
    /// For tests: `hook(step)` runs in the worker before every step (empty: none), so a test can
    /// make a step throw as a failure inside core would.
    void setStepHookForTesting(std::function<void(long long)> hook);
    /// Stops the worker and waits for its thread (idempotent).
    void shutdown();

    /// The newest frame handed to the views (null before the first).
    std::shared_ptr<const Frame> latestFrame() const { return m_latest; }
    /// The config last sent.
    const core::RunConfig &config() const { return m_config; }
    /// Whether the last frame said the worker is training.
    bool isRunning() const { return m_running; }

signals:
    /// A new frame for the views (at most 60 per second).
    void frameReady(const std::shared_ptr<const layerlens::ui::Frame> &frame);
    /// Running or paused changed.
    void runningChanged(bool running);
    /// A config could not be applied, or a step failed.
    void errorOccurred(const QString &message);
    /// saveModel() or exportStatistics() wrote `path` completely.
    void fileWritten(const QString &path);
    /// saveModel() or exportStatistics() failed and left no file; `message` names the path and the cause.
    void fileFailed(const QString &message);

private:
    void onFrameAvailable();
    void deliver();

    FrameMailbox m_mailbox;
    std::unique_ptr<TrainingWorker> m_worker; // lives in m_thread; deleted after the thread is joined
    QThread *m_thread = nullptr;
    core::RunConfig m_config;
    std::shared_ptr<const Frame> m_latest;
    std::shared_ptr<const Frame> m_waiting;
    QElapsedTimer m_sinceDelivery;
    QTimer m_throttle;
    bool m_running = false;
};

} // namespace layerlens::ui
