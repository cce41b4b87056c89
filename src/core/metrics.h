#pragma once
// Counters, gauges and histograms for the /metrics endpoint, and the
// Prometheus text exposition format (0.0.4) they are rendered in.
//
// Recording is lock-free and allocation-free: one relaxed atomic add per
// counter, a short scan of the bucket bounds and three atomic adds per
// histogram observation. Rendering reads the atomics without stopping
// writers, so a scrape may see an observation's count before its sum; the
// format allows that.
//
// Thread safety: every method may be called from any thread.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mporders::metrics {

class Counter {
 public:
  void Add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void Add(std::int64_t n) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::int64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

// Upper bounds (inclusive, ascending) of a histogram's finite buckets; the
// +Inf bucket is implicit.
using Bounds = std::vector<double>;

// Request and store latencies, in seconds: 100 us to 10 s.
const Bounds& LatencyBounds();

class Histogram {
 public:
  static constexpr std::size_t kMaxBuckets = 24;
  // REQUIRES: bounds.size() < kMaxBuckets, ascending; `bounds` outlives the
  // histogram (use a static Bounds such as LatencyBounds()).
  explicit Histogram(const Bounds& bounds);
  Histogram() : Histogram(LatencyBounds()) {}
  Histogram(const Histogram&) = delete;
  Histogram& operator=(const Histogram&) = delete;

  void Observe(double value);
  // Seconds from a duration in microseconds (what the server measures).
  void ObserveMicros(std::int64_t micros) { Observe(static_cast<double>(micros) * 1e-6); }

  struct Snapshot {
    std::vector<std::pair<double, std::uint64_t>> cumulative;  // (le, count), +Inf excluded
    std::uint64_t count = 0;
    double sum = 0;
  };
  Snapshot Read() const;

 private:
  const Bounds& bounds_;
  std::array<std::atomic<std::uint64_t>, kMaxBuckets> buckets_{};  // non-cumulative; last = +Inf
  std::atomic<std::uint64_t> count_{0};
  std::atomic<double> sum_{0};
};

using Labels = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Appends metrics in the text exposition format 0.0.4. Write one family's
// Family() line pair, then all its samples, before the next family.
class TextWriter {
 public:
  explicit TextWriter(std::string& out) : out_(out) {}

  // # HELP and # TYPE lines. `type`: counter, gauge or histogram.
  void Family(std::string_view name, std::string_view type, std::string_view help);
  void Sample(std::string_view name, Labels labels, double value);
  void Sample(std::string_view name, Labels labels, std::uint64_t value);
  // name_bucket{...,le=...}, name_sum, name_count.
  void HistogramSamples(std::string_view name, Labels labels, const Histogram::Snapshot& snapshot);

 private:
  void Name(std::string_view name, Labels labels, std::string_view le = {});
  std::string& out_;
};

// "1", "0.25", "+Inf": a float as the format writes it.
std::string FormatValue(double value);

}  // namespace mporders::metrics
