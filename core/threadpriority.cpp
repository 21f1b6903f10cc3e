#include "core/threadpriority.h"

#include <algorithm>

#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace layerlens::core {

namespace {
thread_local int t_requestedNice = 0;

#if defined(__linux__)
id_t thisThread()
{
    return static_cast<id_t>(::syscall(SYS_gettid));
}
#endif
} // namespace

int threadNice()
{
#if defined(__linux__)
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, thisThread());
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

void raiseThreadNiceTo(int nice)
{
#if defined(__linux__)
    if (threadNice() < nice)
        (void)::setpriority(PRIO_PROCESS, thisThread(), nice);
#else
    (void)nice;
#endif
}

void lowerThreadPriority(int nice)
{
    nice = std::clamp(nice, 0, 19);
    raiseThreadNiceTo(nice);
    t_requestedNice = std::max(t_requestedNice, nice);
}

int requestedThreadNice()
{
    return t_requestedNice;
}

} // namespace layerlens::core
