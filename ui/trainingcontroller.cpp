#include "ui/trainingcontroller.h"

#include "ui/trainingworker.h"

#include <QThread>

namespace layerlens::ui {

namespace {
constexpr int kFrameMilliseconds = 16; // at most 60 redraws a second
}

TrainingController::TrainingController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const Frame>>();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("LayerLens training"));
    // The worker is deleted here after its thread has been joined, not by deleteLater() when the
    // thread finishes: a worker that returns from run() as soon as it sees the stop flag would
    // otherwise destroy its mutex and condition variable while requestStop() still holds and
    // signals them (ThreadSanitizer), and a command sent after shutdown() would reach freed memory.
    m_worker = std::make_unique<TrainingWorker>(&m_mailbox);
    m_worker->moveToThread(m_thread);
    TrainingWorker *worker = m_worker.get();
    connect(m_thread, &QThread::started, worker, &TrainingWorker::run);
    connect(worker, &TrainingWorker::frameAvailable, this, &TrainingController::onFrameAvailable);
    connect(worker, &TrainingWorker::messagesAvailable, this, [this] {
        for (const WorkerMessage &message : m_worker->takeMessages()) {
            switch (message.kind) {
            case WorkerMessage::Kind::Failed:
                emit errorOccurred(message.text);
                break;
            case WorkerMessage::Kind::FileWritten:
                emit fileWritten(message.text);
                break;
            case WorkerMessage::Kind::FileFailed:
                emit fileFailed(message.text);
                break;
            }
        }
    });
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, &TrainingController::deliver);
    m_sinceDelivery.start();
    m_thread->start();
}

TrainingController::~TrainingController()
{
    shutdown();
    m_worker.reset(); // its thread has finished: nothing runs in it any more
}

void TrainingController::shutdown()
{
    if (!m_thread || !m_thread->isRunning())
        return;
    m_worker->requestStop();
    m_thread->quit();
    m_thread->wait();
}

void TrainingController::setConfig(const core::RunConfig &config)
{
    m_config = config;
    m_worker->post({WorkerCommand::Kind::SetConfig, 0, config, {}});
}

void TrainingController::start()
{
    m_worker->post({WorkerCommand::Kind::Start, 0, {}, {}});
}

void TrainingController::pause()
{
    m_worker->post({WorkerCommand::Kind::Pause, 0, {}, {}});
}

void TrainingController::step(long long n)
{
    m_worker->post({WorkerCommand::Kind::Step, n, {}, {}});
}

void TrainingController::setStepHookForTesting(std::function<void(long long)> hook)
{
    WorkerCommand command{WorkerCommand::Kind::SetStepHook, 0, {}, {}};
    command.hook = std::move(hook);
    m_worker->post(std::move(command));
}

void TrainingController::reset()
{
    m_worker->post({WorkerCommand::Kind::Reset, 0, {}, {}});
}

void TrainingController::saveModel(const QString &path)
{
    m_worker->post({WorkerCommand::Kind::SaveModel, 0, {}, path});
}

void TrainingController::exportStatistics(const QString &folder)
{
    m_worker->post({WorkerCommand::Kind::ExportStats, 0, {}, folder});
}

void TrainingController::toggleRunning()
{
    if (m_running)
        pause();
    else
        start();
}

void TrainingController::onFrameAvailable()
{
    // Take the frame now (re-arming the worker's notification) and hand it on at most every
    // 16 ms; frames arriving meanwhile replace the waiting one.
    if (auto frame = m_mailbox.take())
        m_waiting = std::move(frame);
    if (!m_waiting)
        return;
    const qint64 elapsed = m_sinceDelivery.elapsed();
    if (elapsed >= kFrameMilliseconds)
        deliver();
    else if (!m_throttle.isActive())
        m_throttle.start(static_cast<int>(kFrameMilliseconds - elapsed));
}

void TrainingController::deliver()
{
    if (!m_waiting)
        return;
    m_latest = std::move(m_waiting);
    m_sinceDelivery.restart();
    if (m_latest->running != m_running) {
        m_running = m_latest->running;
        emit runningChanged(m_running);
    }
    emit frameReady(m_latest);
}

} // namespace layerlens::ui
