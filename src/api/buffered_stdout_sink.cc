#include "api/buffered_stdout_sink.h"

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <stop_token>
#include <thread>

#include <spdlog/details/log_msg.h>
#include <spdlog/formatter.h>
#include <spdlog/pattern_formatter.h>

namespace mporders::api {
namespace {

// Flushes stdout every kLogFlushInterval until the process ends.
class Flusher {
 public:
  Flusher() {
    // stdout to a file or pipe is fully buffered: lines leave a buffer at
    // a time, and this bounds how long they wait.
    thread_ = std::jthread([](std::stop_token stop) {
      std::mutex mutex;
      std::condition_variable_any wake;
      std::unique_lock lock(mutex);
      while (!stop.stop_requested()) {
        wake.wait_for(lock, stop, kLogFlushInterval, [] { return false; });
        std::fflush(stdout);
      }
    });
  }

 private:
  std::jthread thread_;
};

class Sink final : public spdlog::sinks::sink {
 public:
  Sink() : formatter_(std::make_unique<spdlog::pattern_formatter>()) {}

  void log(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t line;
    {
      std::lock_guard lock(formatter_mutex_);
      formatter_->format(message, line);
    }
    std::fwrite(line.data(), 1, line.size(), stdout);
    if (message.level >= spdlog::level::warn) std::fflush(stdout);
  }
  void flush() override { std::fflush(stdout); }
  void set_pattern(const std::string& pattern) override {
    set_formatter(std::make_unique<spdlog::pattern_formatter>(pattern));
  }
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override {
    std::lock_guard lock(formatter_mutex_);
    formatter_ = std::move(formatter);
  }

 private:
  std::mutex formatter_mutex_;
  std::unique_ptr<spdlog::formatter> formatter_;
};

}  // namespace

std::shared_ptr<spdlog::sinks::sink> MakeBufferedStdoutSink() {
  static Flusher flusher;
  return std::make_shared<Sink>();
}

}  // namespace mporders::api
