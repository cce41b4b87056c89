#pragma once
// Log lines to stdout through stdio's buffer, flushed at most every
// kLogFlushInterval (and at once for warnings and errors), instead of one
// write(2) per line: with the access log on, a flush per request cost a
// fifth of the server's throughput on small answers (docs/performance.md).
// Used when stdout is not a terminal; a terminal keeps spdlog's colour sink.
//
// Every line goes out in one fwrite, under stdio's lock, so lines of the
// several loggers sharing stdout stay whole.

#include <chrono>
#include <memory>

#include <spdlog/sinks/sink.h>

namespace mporders::api {

inline constexpr std::chrono::milliseconds kLogFlushInterval{100};

// A sink of its own (a sink has one formatter) on the process's buffered
// stdout; the first one starts the flusher thread.
std::shared_ptr<spdlog::sinks::sink> MakeBufferedStdoutSink();

}  // namespace mporders::api
