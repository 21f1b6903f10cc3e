#pragma once

#include "core/config.h"
#include "core/trainer.h"
#include "ui/framemailbox.h"
#include "ui/retainedsnapshots.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace layerlens::ui {

/// A command for the worker. Commands run in order, between two training steps.
struct WorkerCommand {
    /// SaveModel writes the network's current parameters (core/modelfile.h) to `path`;
    /// ExportStats writes the retained snapshots as stats.jsonl and stats.csv into the folder `path`.
    /// SetStepHook (for tests) installs `hook`, called with the step about to be taken before
    /// every step; what it throws escapes the step as a failure inside core would.
    enum class Kind { Start, Pause, Step, Reset, SetConfig, SaveModel, ExportStats, SetStepHook };
    Kind kind = Kind::Start;
    long long count = 1;       ///< Step: how many steps
    core::RunConfig config;    ///< SetConfig: the new config
    QString path;              ///< SaveModel: the file; ExportStats: the folder
    std::function<void(long long)> hook = {}; ///< SetStepHook: the hook (empty: none)
};

/// Owns the core::Trainer and runs it in its own thread (the only thread that trains or
/// computes statistics). The UI thread talks to it through `post()` (one queue) and receives
/// frames through the FrameMailbox. It never touches a widget.
///
/// For "Export statistics" it keeps the snapshots of the current run (a rebuild or reset starts
/// afresh) in a RetainedSnapshots: at most 2048, evenly thinned in a long run (every other one
/// dropped when full; step 0 and the newest always kept). Files are written in this thread with
/// QSaveFile, so a file appears complete or not at all.
/// An outcome for the UI thread. It travels under the worker's mutex, not as a queued signal's
/// argument: Qt's event queue is invisible to ThreadSanitizer, a std::mutex is not.
struct WorkerMessage {
    enum class Kind { Failed, FileWritten, FileFailed };
    Kind kind = Kind::Failed;
    QString text;
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(FrameMailbox *mailbox, QObject *parent = nullptr);
    ~TrainingWorker() override;

    /// Thread-safe: queues a command and wakes the loop.
    void post(WorkerCommand command);
    /// Thread-safe: makes run() return at the next step boundary.
    void requestStop();
    /// UI side: the messages sent since the last call, oldest first.
    std::vector<WorkerMessage> takeMessages();

public slots:
    /// The loop; runs in the worker thread until requestStop().
    void run();

signals:
    /// A frame waits in the mailbox (emitted only when none was pending).
    void frameAvailable();
    /// Messages wait in takeMessages() (emitted only when none were waiting): Failed (a config
    /// could not be applied or a step failed; the previous state stays), FileWritten (a SaveModel
    /// or ExportStats command wrote a path completely; ExportStats once per file), FileFailed
    /// (such a command wrote nothing; the text names the path and the cause).
    void messagesAvailable();

private:
    void send(WorkerMessage::Kind kind, const QString &text);
    void apply(const WorkerCommand &command);
    void rebuild(const core::RunConfig &config);
    /// After an exception escaped: stops training, reports `cause` as a Failed message, publishes.
    void stopAfterFailure(const QString &cause);
    void trainSlice();
    void publish(bool force);
    void saveModel(const QString &path);
    void exportStats(const QString &folder);

    FrameMailbox *m_mailbox;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<WorkerCommand> m_queue;
    std::vector<WorkerMessage> m_messages; // guarded by m_mutex
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false}; // run() returned: released last in run(), acquired by the destructor

    // Worker-thread state.
    core::RunConfig m_config;
    std::shared_ptr<const core::Dataset> m_data;
    std::unique_ptr<core::Trainer> m_trainer;
    bool m_running = false;
    long long m_pendingSteps = 0;
    std::function<void(long long)> m_stepHook; // tests only
    std::shared_ptr<const core::Snapshot> m_published;
    bool m_publishedRunning = false;
    std::shared_ptr<const core::History> m_history;
    std::shared_ptr<const DecisionField> m_field;
    std::shared_ptr<const ImageSamples> m_images;
    RetainedSnapshots m_retained;
    std::chrono::steady_clock::time_point m_lastPublish, m_lastHistory, m_lastField;
};

} // namespace layerlens::ui
