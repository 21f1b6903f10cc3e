#include "ui/trainingworker.h"

#include "core/fileerror.h"
#include "core/json.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace layerlens::ui {

namespace {

using Clock = std::chrono::steady_clock;

/// Training runs in slices this long between two looks at the command queue.
constexpr auto kSlice = std::chrono::milliseconds(8);
/// Frames are published at most this often; the UI redraws at most at the same rate.
constexpr auto kFrameInterval = std::chrono::milliseconds(16);
/// Copying the whole history costs more than a snapshot, so it is refreshed less often.
constexpr auto kHistoryInterval = std::chrono::milliseconds(50);
/// The decision field needs a forward pass over a grid: at most this often ...
constexpr auto kFieldInterval = std::chrono::milliseconds(200);
/// ... and at most this many multiply-adds per field.
constexpr double kFieldBudget = 3e7;

bool sameData(const core::RunConfig &a, const core::RunConfig &b)
{
    return a.data.spec == b.data.spec && a.data.samples == b.data.samples && a.data.noise == b.data.noise
           && a.data.split == b.data.split && a.data.standardize == b.data.standardize && a.seed == b.seed;
}

QString describe(const std::exception &e) { return QString::fromUtf8(e.what()); }

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

void TrainingWorker::requestStop()
{
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_wake.notify_one();
}

void TrainingWorker::run()
{
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
        try {
            for (const auto &command : commands) {
                if (m_stop)
                    return;
                apply(command);
            }
        } catch (const core::Interrupted &) {
            return;
        }
        if (m_stop)
            return;
        if (m_trainer && (m_running || m_pendingSteps > 0))
            trainSlice();
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
        }
    } catch (const core::Interrupted &) {
        throw;
    } catch (const std::exception &e) {
        emit failed(describe(e));
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
    // Only a complete new run replaces the old one: a bad config keeps the previous state.
    m_trainer = std::move(trainer);
    m_data = std::move(data);
    m_config = m_trainer->config();
    m_history.reset();
    m_field.reset();
    m_images.reset();
    publish(true);
}

void TrainingWorker::trainSlice()
{
    const auto start = Clock::now();
    core::TrainerStatus status = m_trainer->status();
    long long stepped = 0;
    while (!m_stop && Clock::now() - start < kSlice && (m_running || m_pendingSteps > 0)) {
        try {
            status = m_trainer->step();
        } catch (const core::Interrupted &) {
            return; // shutting down: the half-done step is dropped with the trainer
        } catch (const std::exception &e) {
            // An exception escaping a step stops the run; the UI stays alive and says why.
            m_running = false;
            m_pendingSteps = 0;
            emit failed(QStringLiteral("Training stopped: %1").arg(describe(e)));
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
    const bool stepFinished = !m_running && m_pendingSteps == 0 && stepped > 0;
    if (stepFinished && m_trainer->snapshot()->step != m_trainer->steps() && status == core::TrainerStatus::Running)
        m_trainer->takeSnapshot();
    publish(stepFinished || status != core::TrainerStatus::Running);
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
        m_field = decisionField();
        m_images = imageSamples();
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

std::shared_ptr<const DecisionField> TrainingWorker::decisionField()
{
    const core::Dataset &data = m_trainer->data();
    if (!data.isPlanar())
        return nullptr;
    core::Network<float> &net = m_trainer->network();
    double macs = 0.0;
    for (const auto &p : net.parameters())
        macs += static_cast<double>(p.value->size());
    const int side = std::clamp(static_cast<int>(std::sqrt(kFieldBudget / std::max(1.0, macs))), 24, 96);
    auto field = std::make_shared<DecisionField>();
    const Eigen::Vector2f lo = data.trainX.rowwise().minCoeff(), hi = data.trainX.rowwise().maxCoeff();
    const float padX = 0.1f * (hi(0) - lo(0)) + 1e-3f, padY = 0.1f * (hi(1) - lo(1)) + 1e-3f;
    field->xMin = lo(0) - padX;
    field->xMax = hi(0) + padX;
    field->yMin = lo(1) - padY;
    field->yMax = hi(1) + padY;
    field->columns = field->rows = side;
    core::Matrix<float> grid(2, side * side);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            grid(0, r * side + c) = static_cast<float>(field->xMin + (c + 0.5) * (field->xMax - field->xMin) / side);
            grid(1, r * side + c) = static_cast<float>(field->yMin + (r + 0.5) * (field->yMax - field->yMin) / side);
        }
    // Inference mode changes no state of the run (no dropout draw, no BatchNorm update).
    const bool training = net.isTraining();
    net.setTraining(false);
    const core::Matrix<float> &out = net.forward(grid);
    field->predicted.resize(static_cast<std::size_t>(side) * side);
    for (Eigen::Index i = 0; i < out.cols(); ++i) {
        Eigen::Index best = 0;
        out.col(i).maxCoeff(&best);
        field->predicted[static_cast<std::size_t>(i)] = static_cast<int>(best);
    }
    net.setTraining(training);
    auto copyPoints = [](const core::Matrix<float> &x, const std::vector<int> &y, std::vector<float> &px,
                         std::vector<float> &py, std::vector<int> &label) {
        const Eigen::Index n = std::min<Eigen::Index>(x.cols(), 3000);
        for (Eigen::Index i = 0; i < n; ++i) {
            px.push_back(x(0, i));
            py.push_back(x(1, i));
            label.push_back(y[static_cast<std::size_t>(i)]);
        }
    };
    copyPoints(data.trainX, data.trainY, field->trainX, field->trainY, field->trainLabel);
    copyPoints(data.testX, data.testY, field->testX, field->testY, field->testLabel);
    return field;
}

std::shared_ptr<const ImageSamples> TrainingWorker::imageSamples()
{
    const core::Dataset &data = m_trainer->data();
    if (data.imageRows <= 0 || data.testX.cols() == 0)
        return nullptr;
    auto images = std::make_shared<ImageSamples>();
    images->rows = data.imageRows;
    images->cols = data.imageCols;
    const Eigen::Index n = std::min<Eigen::Index>(16, data.testX.cols());
    const core::Matrix<float> batch = data.testX.leftCols(n);
    core::Network<float> &net = m_trainer->network();
    const bool training = net.isTraining();
    net.setTraining(false);
    const core::Matrix<float> &out = net.forward(batch);
    for (Eigen::Index i = 0; i < n; ++i) {
        Eigen::Index best = 0;
        out.col(i).maxCoeff(&best);
        images->predicted.push_back(static_cast<int>(best));
        images->actual.push_back(data.testY[static_cast<std::size_t>(i)]);
        // IDX pixels are row-major per image, as the loader keeps them.
        images->pixels.emplace_back(batch.col(i).data(), batch.col(i).data() + batch.rows());
    }
    net.setTraining(training);
    return images;
}

} // namespace layerlens::ui
