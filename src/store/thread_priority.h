#pragma once
// Scheduling priority of the calling thread.

namespace mporders {

// Makes the calling thread yield the CPU more readily to the process's other
// threads, and to other processes: raises its nice value by `increment`
// (capped at 19; 0 changes nothing). On Linux, nice is per thread. A hint
// only: if the system refuses, the thread runs on as it was.
void LowerCurrentThreadPriority(int increment);

// The calling thread's nice value (-20 to 19).
int CurrentThreadNice();

}  // namespace mporders
