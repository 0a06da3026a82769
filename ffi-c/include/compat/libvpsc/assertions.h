// libvpsc compatibility (colayout): COLA_ASSERT as libcola programs use it. It is
// assert(), so -DNDEBUG turns it off (libvpsc's -DUSE_ASSERT_EXCEPTIONS mode, which
// throws vpsc::CriticalFailure, is not provided).

#ifndef COLAYOUT_COMPAT_LIBVPSC_ASSERTIONS_H
#define COLAYOUT_COMPAT_LIBVPSC_ASSERTIONS_H

#include <cassert>

#ifndef COLA_ASSERT
#define COLA_ASSERT(expr) assert(expr)
#endif

#endif
