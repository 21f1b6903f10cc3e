#include "ui/trainingworker.h"

#include "core/denormals.h"
#include "core/fileerror.h"
#include "core/json.h"
#include "core/modelfile.h"
#include "core/statsfile.h"
#include "core/threadpriority.h"
#include "ui/atomicsavefile.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <cmath>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace layerlens::ui {

namespace {

using Clock = std::chrono::steady_clock;

/// Training runs in slices this long between two looks at the command queue.
constexpr auto kSlice = std::chrono::milliseconds(8);
/// Frames are published at most this often; the UI redraws at most at the same rate.
constexpr auto kFrameInterval = std::chrono::milliseconds(16);
/// Copying the whole history costs more than a snapshot, so it is refreshed less often.
constexpr auto kHistoryInterval = std::chrono::milliseconds(50);
/// The decision field needs a forward pass over a grid (makeDecisionField()): at most this often.
constexpr auto kFieldInterval = std::chrono::milliseconds(200);

bool sameData(const core::RunConfig &a, const core::RunConfig &b)
{
    return a.data.spec == b.data.spec && a.data.samples == b.data.samples && a.data.noise == b.data.noise
           && a.data.split == b.data.split && a.data.standardize == b.data.standardize && a.seed == b.seed;
}

QString describe(const std::exception &e) { return QString::fromUtf8(e.what()); }

/// Hands the pages of what was just freed back to the system. glibc keeps freed memory in its
/// arenas for reuse, so without this the resident size keeps the high-water mark of the largest
/// network seen so far (the soak measured 145–240 MiB resident for 46 MiB in use; bench/soak.cpp).
void returnFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace

TrainingWorker::TrainingWorker(FrameMailbox *mailbox, QObject *parent) : QObject(parent), m_mailbox(mailbox) {}

// Both notify while holding the lock: once the worker sees m_stop it may return, its thread
// may finish and delete the worker, so the condition variable must not be touched after the
// unlock (ThreadSanitizer caught exactly that).
void TrainingWorker::post(WorkerCommand command)
{
    std::lock_guard lock(m_mutex);
    m_queue.push_back(std::move(command));
    m_wake.notify_one();
}

void TrainingWorker::send(WorkerMessage::Kind kind, const QString &text)
{
    bool notify = false;
    {
        std::lock_guard lock(m_mutex);
        notify = m_messages.empty(); // otherwise a notification is pending: the UI takes them all
        m_messages.push_back({kind, text});
    }
    if (notify)
        emit messagesAvailable();
}

std::vector<WorkerMessage> TrainingWorker::takeMessages()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_messages, {});
}

void TrainingWorker::requestStop()
{
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_wake.notify_one();
}

TrainingWorker::~TrainingWorker()
{
    // The controller deletes the worker in the UI thread after QThread::wait(). That join happens
    // inside Qt, where ThreadSanitizer cannot see it; this acquire pairs with the release at the
    // end of run(), so everything run() wrote visibly happens before the members are destroyed.
    (void)m_finished.load(std::memory_order_acquire);
}

void TrainingWorker::run()
{
    // Declared first so that it runs last, after every other local of run() is gone.
    struct ReleaseOnReturn {
        std::atomic<bool> &finished;
        ~ReleaseOnReturn() { finished.store(true, std::memory_order_release); }
    } releaseOnReturn{m_finished};
    // For the thread's whole life: besides the trainer's own steps, the decision field and the
    // image samples run the network here too (the mode is per thread; see core/denormals.h).
    const core::FlushDenormals flush;
    // Training runs at full speed on every core it may use; the window must still get one the
    // moment it has a frame to draw (core/threadpriority.h). LAYERLENS_TRAINING_NICE (0–19)
    // overrides the nice value: the tests set 0, since CTest runs them two at a time and one
    // test's training must not starve behind the other's.
    core::lowerThreadPriority(qEnvironmentVariableIsSet("LAYERLENS_TRAINING_NICE")
                                  ? qEnvironmentVariableIntValue("LAYERLENS_TRAINING_NICE")
                                  : core::kBackgroundNice);
    while (!m_stop) {
        std::deque<WorkerCommand> commands;
        {
            std::unique_lock lock(m_mutex);
            const bool busy = m_trainer && (m_running || m_pendingSteps > 0);
            if (!busy)
                m_wake.wait_for(lock, std::chrono::milliseconds(200),
                                [this] { return m_stop || !m_queue.empty(); });
            commands.swap(m_queue);
        }
        // Shutdown interrupts whatever uses the network: a step, a rebuild, or the decision field
        // that publish() computes after a slice.
        try {
            for (const auto &command : commands) {
                if (m_stop)
                    return;
                apply(command);
            }
            if (m_stop)
                return;
            if (m_trainer && (m_running || m_pendingSteps > 0))
                trainSlice();
        } catch (const core::Interrupted &) {
            return;
        } catch (const std::exception &e) {
            // Anything else that escapes (a frame's decision field, a snapshot, memory running
            // out) stops the run, never the thread: the UI stays alive and says why.
            stopAfterFailure(describe(e));
        } catch (...) {
            stopAfterFailure(tr("an unknown error"));
        }
    }
}

void TrainingWorker::stopAfterFailure(const QString &cause)
{
    m_running = false;
    m_pendingSteps = 0;
    send(WorkerMessage::Kind::Failed, tr("Training stopped: %1").arg(cause));
    try {
        publish(true); // the views learn that it no longer runs
    } catch (...) {
        // The frame itself failed; the message above is what the user needs.
    }
}

void TrainingWorker::apply(const WorkerCommand &command)
{
    using Kind = WorkerCommand::Kind;
    try {
        switch (command.kind) {
        case Kind::Start:
            m_running = m_trainer && m_trainer->status() == core::TrainerStatus::Running;
            publish(true); // the UI learns at once that training runs
            break;
        case Kind::Pause:
            m_running = false;
            m_pendingSteps = 0;
            publish(true);
            break;
        case Kind::Step:
            m_running = false;
            m_pendingSteps += command.count;
            break;
        case Kind::Reset:
            m_pendingSteps = 0;
            rebuild(m_config);
            break;
        case Kind::SetConfig:
            if (!m_trainer || core::needsRebuild(m_config, command.config)) {
                rebuild(command.config);
            } else {
                // A longer run may continue after it had finished.
                m_trainer->applyLiveSettings(command.config);
                m_config = m_trainer->config();
                publish(true);
            }
            break;
        case Kind::SaveModel:
            saveModel(command.path);
            break;
        case Kind::ExportStats:
            exportStats(command.path);
            break;
        case Kind::SetStepHook:
            m_stepHook = command.hook;
            break;
        }
    } catch (const core::Interrupted &) {
        throw;
    } catch (const std::exception &e) {
        if (command.kind == Kind::SaveModel || command.kind == Kind::ExportStats)
            send(WorkerMessage::Kind::FileFailed, QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(command.path), describe(e)));
        else
            send(WorkerMessage::Kind::Failed, describe(e));
    }
}

void TrainingWorker::rebuild(const core::RunConfig &config)
{
    core::RunConfig next = config;
    next.syncSeed();
    std::shared_ptr<const core::Dataset> data = m_data;
    if (!data || !sameData(m_config, next))
        data = std::make_shared<core::Dataset>(core::makeDataset(next.data));
    auto trainer = std::make_unique<core::Trainer>(next, data);
    trainer->setInterruptFlag(&m_stop);
    // Only a complete new run replaces the old one: a bad config keeps the previous state,
    // including the snapshots kept for "Export statistics". The new run's step 0 is measured
    // before a callback can be set.
    RetainedSnapshots retained;
    retained.add(trainer->snapshot());
    trainer->setSnapshotCallback([this](const std::shared_ptr<const core::Snapshot> &s) { m_retained.add(s); });
    RetainedSnapshots oldSnapshots = std::exchange(m_retained, std::move(retained));
    m_trainer = std::move(trainer); // the old network and its buffers go at once: peak memory
    m_data = std::move(data);
    m_config = m_trainer->config();
    m_history.reset();
    m_field.reset();
    m_images.reset();
    // The new run's first frame goes out before the old run's kept snapshots (up to 2048) are
    // freed and the pages handed back: the user waits for that frame, not for this.
    publish(true);
    oldSnapshots = RetainedSnapshots{};
    returnFreedMemory();
}

void TrainingWorker::trainSlice()
{
    const auto start = Clock::now();
    core::TrainerStatus status = m_trainer->status();
    long long stepped = 0;
    while (!m_stop && Clock::now() - start < kSlice && (m_running || m_pendingSteps > 0)) {
        try {
            if (m_stepHook)
                m_stepHook(m_trainer->steps() + 1);
            status = m_trainer->step();
        } catch (const core::Interrupted &) {
            return; // shutting down: the half-done step is dropped with the trainer
        } catch (const std::exception &e) {
            // An exception escaping a step stops the run; the UI stays alive and says why.
            m_running = false;
            m_pendingSteps = 0;
            send(WorkerMessage::Kind::Failed, tr("Training stopped: %1").arg(describe(e)));
            break;
        } catch (...) {
            m_running = false;
            m_pendingSteps = 0;
            send(WorkerMessage::Kind::Failed, tr("Training stopped: %1").arg(tr("an unknown error")));
            break;
        }
        ++stepped;
        if (m_pendingSteps > 0)
            --m_pendingSteps;
        if (status != core::TrainerStatus::Running) {
            m_running = false;
            m_pendingSteps = 0;
            break;
        }
        {
            std::lock_guard lock(m_mutex);
            if (!m_queue.empty())
                break; // commands first: a click takes effect between two steps
        }
    }
    // A single step (S) shows its own state even between two statistics intervals.
    const bool stopped = !m_running && m_pendingSteps == 0;
    if (stopped && stepped > 0 && m_trainer->snapshot()->step != m_trainer->steps()
        && status == core::TrainerStatus::Running)
        m_trainer->takeSnapshot();
    // A run that stopped in this slice is always shown stopped, even when the frame interval has
    // not passed: nothing would publish again until the next command. (A step that failed before
    // any step of the slice ran left the UI showing "running" for good.)
    publish(stopped || status != core::TrainerStatus::Running);
}

void TrainingWorker::publish(bool force)
{
    if (!m_trainer)
        return;
    const auto now = Clock::now();
    auto snapshot = m_trainer->snapshot();
    const bool running = m_running || m_pendingSteps > 0;
    if (!force && (now - m_lastPublish < kFrameInterval || (snapshot == m_published && running == m_publishedRunning)))
        return;
    if (force || !m_history || now - m_lastHistory >= kHistoryInterval) {
        m_history = std::make_shared<const core::History>(m_trainer->history());
        m_lastHistory = now;
    }
    if (force || now - m_lastField >= kFieldInterval) {
        m_field = makeDecisionField(*m_trainer);
        m_images = makeImageSamples(*m_trainer);
        m_lastField = now;
    }
    auto frame = std::make_shared<Frame>();
    frame->snapshot = snapshot;
    frame->history = m_history;
    frame->config = m_config;
    frame->field = m_field;
    frame->images = m_images;
    frame->running = running;
    m_published = snapshot;
    m_publishedRunning = running;
    m_lastPublish = now;
    if (m_mailbox->put(std::move(frame)))
        emit frameAvailable();
}

void TrainingWorker::saveModel(const QString &path)
{
    if (!m_trainer) {
        send(WorkerMessage::Kind::FileFailed, tr("%1: there is no network yet").arg(QDir::toNativeSeparators(path)));
        return;
    }
    // Serialised here, between two steps, so the parameters are those of one step.
    const std::string text =
        core::json::serialize(core::modelToJson(m_trainer->network(), m_config), core::json::Style::Pretty) + "\n";
    AtomicSaveFile file(path);
    file.write(text);
    if (!file.commit()) {
        send(WorkerMessage::Kind::FileFailed, file.error());
        return;
    }
    send(WorkerMessage::Kind::FileWritten, path);
}

void TrainingWorker::exportStats(const QString &folder)
{
    if (!m_trainer) {
        send(WorkerMessage::Kind::FileFailed, tr("%1: there are no statistics yet").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    const QDir dir(folder);
    if (!dir.exists()) {
        const QString cause = QFileInfo::exists(folder) ? tr("not a folder") : tr("the folder does not exist");
        send(WorkerMessage::Kind::FileFailed, QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(folder), cause));
        return;
    }
    const QString jsonlPath = dir.filePath(QStringLiteral("stats.jsonl"));
    const QString csvPath = dir.filePath(QStringLiteral("stats.csv"));
    // Both files are written completely before either is put in place; the snapshots are
    // serialised one at a time, so the export never holds a second copy of the run in memory.
    AtomicSaveFile jsonl(jsonlPath), csv(csvPath);
    csv.write(core::statsCsvHeader() + "\n");
    for (const auto &snapshot : m_retained.snapshots()) {
        if (m_stop)
            return; // shutting down: both temporary files are removed, nothing appears
        if (jsonl.failed() || csv.failed())
            break;
        jsonl.write(core::json::serialize(core::snapshotToJson(*snapshot)) + "\n");
        csv.write(core::statsCsvRows(*snapshot));
    }
    for (AtomicSaveFile *file : {&jsonl, &csv})
        if (file->failed()) {
            jsonl.cancel();
            csv.cancel();
            send(WorkerMessage::Kind::FileFailed, file->error());
            return;
        }
    if (!jsonl.commit()) {
        csv.cancel();
        send(WorkerMessage::Kind::FileFailed, jsonl.error());
        return;
    }
    send(WorkerMessage::Kind::FileWritten, jsonlPath);
    if (!csv.commit()) {
        send(WorkerMessage::Kind::FileFailed, csv.error());
        return;
    }
    send(WorkerMessage::Kind::FileWritten, csvPath);
}

} // namespace layerlens::ui
