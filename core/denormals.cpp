#include "core/denormals.h"

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace layerlens::core {

#if defined(__SSE__)
namespace {
// MXCSR bits: 15 flush-to-zero (results), 6 denormals-are-zero (inputs; every x86-64 CPU has it).
constexpr unsigned kFlushToZero = 1u << 15;
constexpr unsigned kDenormalsAreZero = 1u << 6;
constexpr unsigned kFlush = kFlushToZero | kDenormalsAreZero;
} // namespace

FlushDenormals::FlushDenormals() : m_saved(_mm_getcsr())
{
    _mm_setcsr(m_saved | kFlush);
}

FlushDenormals::~FlushDenormals()
{
    // Only the two mode bits go back: the sticky exception flags raised meanwhile stay raised.
    _mm_setcsr((_mm_getcsr() & ~kFlush) | (m_saved & kFlush));
}

bool denormalsFlushed()
{
    return (_mm_getcsr() & kFlush) == kFlush;
}
#else
FlushDenormals::FlushDenormals() = default;
FlushDenormals::~FlushDenormals() = default;
bool denormalsFlushed()
{
    return false;
}
#endif

} // namespace layerlens::core
