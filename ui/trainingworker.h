#pragma once

#include "core/config.h"
#include "core/trainer.h"
#include "ui/framemailbox.h"

#include <QObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

namespace layerlens::ui {

/// A command for the worker. Commands run in order, between two training steps.
struct WorkerCommand {
    enum class Kind { Start, Pause, Step, Reset, SetConfig };
    Kind kind = Kind::Start;
    long long count = 1;       ///< Step: how many steps
    core::RunConfig config;    ///< SetConfig: the new config
};

/// Owns the core::Trainer and runs it in its own thread (the only thread that trains or
/// computes statistics). The UI thread talks to it through `post()` (one queue) and receives
/// frames through the FrameMailbox. It never touches a widget.
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(FrameMailbox *mailbox, QObject *parent = nullptr);

    /// Thread-safe: queues a command and wakes the loop.
    void post(WorkerCommand command);
    /// Thread-safe: makes run() return at the next step boundary.
    void requestStop();

public slots:
    /// The loop; runs in the worker thread until requestStop().
    void run();

signals:
    /// A frame waits in the mailbox (emitted only when none was pending).
    void frameAvailable();
    /// A config could not be applied or a step failed; the previous state stays.
    void failed(const QString &message);

private:
    void apply(const WorkerCommand &command);
    void rebuild(const core::RunConfig &config);
    void trainSlice();
    void publish(bool force);
    std::shared_ptr<const DecisionField> decisionField();
    std::shared_ptr<const ImageSamples> imageSamples();

    FrameMailbox *m_mailbox;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<WorkerCommand> m_queue;
    std::atomic<bool> m_stop{false};

    // Worker-thread state.
    core::RunConfig m_config;
    std::shared_ptr<const core::Dataset> m_data;
    std::unique_ptr<core::Trainer> m_trainer;
    bool m_running = false;
    long long m_pendingSteps = 0;
    std::shared_ptr<const core::Snapshot> m_published;
    bool m_publishedRunning = false;
    std::shared_ptr<const core::History> m_history;
    std::shared_ptr<const DecisionField> m_field;
    std::shared_ptr<const ImageSamples> m_images;
    std::chrono::steady_clock::time_point m_lastPublish, m_lastHistory, m_lastField;
};

} // namespace layerlens::ui
