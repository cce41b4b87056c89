#include "store/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace mporders {
namespace {

// PRIO_PROCESS with a thread id names that one thread on Linux.
id_t CurrentThreadId() { return static_cast<id_t>(gettid()); }

}  // namespace

int CurrentThreadNice() {
  errno = 0;  // -1 is a valid nice value: only errno tells a failure
  const int nice = getpriority(PRIO_PROCESS, CurrentThreadId());
  return errno == 0 ? nice : 0;
}

void LowerCurrentThreadPriority(int increment) {
  if (increment <= 0) return;
  const int nice = std::min(CurrentThreadNice() + increment, 19);
  // Ignored on failure: a scheduling hint, nothing depends on it.
  (void)setpriority(PRIO_PROCESS, CurrentThreadId(), nice);
}

}  // namespace mporders
