#include "ui/comparesession.h"

#include "ui/trainingcontroller.h"

#include <algorithm>
#include <numeric>

namespace layerlens::ui {

namespace {
// A running round is sized to take about this long: short enough that a pause stops both
// within a blink, long enough that waiting for the slower side costs little throughput.
constexpr qint64 kRoundMinMs = 30, kRoundMaxMs = 100;
constexpr long long kMaxRoundSteps = 100000;
constexpr std::array kSides{CompareSession::Side::A, CompareSession::Side::B};
} // namespace

CompareSession::CompareSession(QObject *parent) : QObject(parent), m_pair(builtInPairs().front()) {}

CompareSession::~CompareSession()
{
    shutdown();
}

void CompareSession::setConfigs(const core::RunConfig &a, const ComparePair &pair)
{
    m_configA = a;
    m_pair = pair;
    emit pairChanged();
    if (!isOpen())
        open();
    sendConfigs();
}

void CompareSession::setConfigs(const core::RunConfig &a, const ConfigOverrides &overridesB, const QString &label)
{
    setConfigs(a, ComparePair::fixed(overridesB, label));
}

void CompareSession::setConfigA(const core::RunConfig &a)
{
    m_configA = a;
    if (isOpen())
        sendConfigs();
}

void CompareSession::setPair(const ComparePair &pair)
{
    m_pair = pair;
    emit pairChanged();
    if (isOpen())
        sendConfigs();
}

void CompareSession::open()
{
    for (const Side side : kSides) {
        auto *controller = new TrainingController(this);
        connect(controller, &TrainingController::frameReady, this,
                [this, side](const std::shared_ptr<const Frame> &frame) { onFrame(side, frame); });
        connect(controller, &TrainingController::errorOccurred, this,
                [this, side](const QString &message) { onError(side, message); });
        m_controllers[index(side)] = controller;
    }
    m_chunk = 0;
    emit openChanged(true);
}

void CompareSession::sendConfigs()
{
    emit configsChanged();
    core::RunConfig b = m_configA;
    try {
        b = withOverrides(m_configA, m_pair.overrides(m_configA));
    } catch (const std::exception &e) {
        // B would not be comparable on other data or another schedule: it runs A's config.
        emit errorOccurred(tr("B: %1 (B runs A's config)").arg(QString::fromUtf8(e.what())));
    }
    const std::array<core::RunConfig, 2> next{m_configA, b};
    std::array<bool, 2> rebuilds{};
    bool restart = false;
    for (std::size_t i = 0; i < 2; ++i) {
        rebuilds[i] = !m_sentOnce[i] || core::needsRebuild(m_sent[i], next[i]);
        restart = restart || rebuilds[i] || m_suspect[i];
    }
    // A new network on one side restarts both from step 0, so that they stay at the same step;
    // live settings (learning rate, dropout rate, ...) apply without a restart.
    if (restart && m_remaining > 0)
        setRemaining(0); // as a reset ends a step(n)
    for (std::size_t i = 0; i < 2; ++i) {
        TrainingController *controller = m_controllers[i];
        if (restart)
            controller->pause(); // drops the rest of a round
        controller->setConfig(next[i]);
        if (restart && m_sentOnce[i] && (!rebuilds[i] || m_suspect[i]))
            controller->reset();
        m_sent[i] = next[i];
        m_sentOnce[i] = true;
        m_suspect[i] = false;
    }
    const int unit = gridUnit();
    if (m_chunk < unit || m_chunk % unit != 0)
        m_chunk = unit;
}

int CompareSession::gridUnit() const
{
    // Rounds end where both take their statistics anyway (no extra measurement, no extra
    // history point): on multiples of both `every`.
    const int a = std::max(1, m_sent[0].every), b = std::max(1, m_sent[1].every);
    const long long both = std::lcm(static_cast<long long>(a), static_cast<long long>(b));
    return both <= 10000 ? static_cast<int>(both) : a;
}

void CompareSession::start()
{
    if (!isOpen() || isRunning())
        return;
    setRemaining(-1);
    if (!m_roundActive)
        issueRound();
}

void CompareSession::pause()
{
    setRemaining(0);
}

void CompareSession::toggleRunning()
{
    if (isRunning())
        pause();
    else
        start();
}

void CompareSession::step(long long n)
{
    if (!isOpen() || n <= 0)
        return;
    setRemaining(n); // a round under way finishes first; the n steps follow it
    if (!m_roundActive)
        issueRound();
}

void CompareSession::reset()
{
    if (!isOpen())
        return;
    if (m_remaining > 0)
        setRemaining(0);
    // Each worker drops the rest of its round and rebuilds; a round under way ends with the new
    // networks, and running goes on from step 0.
    for (TrainingController *controller : m_controllers)
        controller->reset();
}

void CompareSession::shutdown()
{
    if (!isOpen())
        return;
    setRemaining(0);
    m_roundActive = false;
    for (TrainingController *&controller : m_controllers) {
        disconnect(controller, nullptr, this, nullptr);
        controller->shutdown();
        delete controller;
        controller = nullptr;
    }
    m_latest = {};
    m_sentOnce = {};
    m_suspect = {};
    emit openChanged(false);
}

void CompareSession::setRemaining(long long remaining)
{
    const bool wasRunning = isRunning();
    m_remaining = remaining;
    if (wasRunning != isRunning())
        emit runningChanged(isRunning());
}

bool CompareSession::cannotContinue(const Frame &frame)
{
    return frame.snapshot->diverged || frame.snapshot->step >= frame.config.steps;
}

void CompareSession::issueRound()
{
    const auto &a = m_latest[0], &b = m_latest[1];
    if (!a || !b)
        return; // onFrame() issues it once both sides have shown their first frame
    const bool stuckA = cannotContinue(*a), stuckB = cannotContinue(*b);
    if (stuckA && stuckB) {
        setRemaining(0);
        return;
    }
    const long long base = (stuckA ? b : a)->snapshot->step;
    long long n = m_chunk - base % gridUnit();
    m_roundCounts = m_remaining > 0;
    if (m_roundCounts)
        n = std::min(n, m_remaining);
    for (std::size_t i = 0; i < 2; ++i) {
        m_round[i] = {m_latest[i]->snapshot->step + n, m_latest[i]->snapshot->configId};
        m_controllers[i]->step(n);
    }
    m_roundLength = n;
    m_roundActive = true;
    m_roundTimer.start();
}

bool CompareSession::roundDone(Side side) const
{
    const auto &frame = m_latest[index(side)];
    if (!frame || frame->running)
        return false;
    const Round &round = m_round[index(side)];
    return frame->snapshot->configId != round.configId || frame->snapshot->step >= round.target
           || cannotContinue(*frame);
}

void CompareSession::finishRound()
{
    m_roundActive = false;
    const qint64 elapsed = m_roundTimer.elapsed();
    const bool fullRound = m_roundLength + gridUnit() > m_chunk;
    if (m_roundCounts && m_remaining > 0)
        m_remaining = std::max(0LL, m_remaining - m_roundLength);
    if (fullRound) {
        const long long unit = gridUnit();
        if (elapsed < kRoundMinMs)
            m_chunk = std::min(m_chunk * 2, std::max(unit, kMaxRoundSteps / unit * unit));
        else if (elapsed > kRoundMaxMs)
            m_chunk = std::max(unit, m_chunk / 2 / unit * unit);
    }
    if (m_remaining != 0)
        issueRound();
}

void CompareSession::onFrame(Side side, const std::shared_ptr<const Frame> &frame)
{
    if (!frame || !frame->snapshot)
        return;
    m_latest[index(side)] = frame;
    emit frameReady(side, frame);
    if (!isOpen())
        return; // a receiver closed the session
    if (m_roundActive) {
        if (roundDone(Side::A) && roundDone(Side::B))
            finishRound();
    } else if (m_remaining != 0) {
        issueRound();
    }
}

void CompareSession::onError(Side side, const QString &message)
{
    // The side may still run its previous config at another step: stop, say so, and restart both
    // with the next change.
    m_suspect[index(side)] = true;
    m_roundActive = false;
    setRemaining(0);
    emit errorOccurred((side == Side::A ? QStringLiteral("A: ") : QStringLiteral("B: ")) + message);
}

} // namespace layerlens::ui
