#include "ui/framemailbox.h"

#include <QMutexLocker>

namespace layerlens::ui {

bool FrameMailbox::put(std::shared_ptr<const Frame> frame)
{
    QMutexLocker lock(&m_mutex);
    m_frame = std::move(frame);
    if (m_notificationPending)
        return false;
    m_notificationPending = true;
    return true;
}

std::shared_ptr<const Frame> FrameMailbox::take()
{
    QMutexLocker lock(&m_mutex);
    m_notificationPending = false;
    return std::exchange(m_frame, nullptr);
}

} // namespace layerlens::ui
