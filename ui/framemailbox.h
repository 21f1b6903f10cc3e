#pragma once

#include "ui/frame.h"

#include <QMutex>

#include <memory>

namespace layerlens::ui {

/// Latest-only hand-over of frames from the worker to the UI thread. The worker overwrites the
/// frame it left; a notification is asked for only when none is pending, so a slow UI never
/// builds a backlog and a fast worker never floods the event loop.
class FrameMailbox {
public:
    /// Worker side: stores `frame` as the newest; true when the reader must be notified.
    bool put(std::shared_ptr<const Frame> frame);
    /// UI side: the newest frame (null when none arrived since the last take); re-arms notification.
    std::shared_ptr<const Frame> take();

private:
    QMutex m_mutex;
    std::shared_ptr<const Frame> m_frame;
    bool m_notificationPending = false;
};

} // namespace layerlens::ui
