#include "core/metrics.h"

#include <charconv>
#include <cmath>

namespace mporders::metrics {

const Bounds& LatencyBounds() {
  static const Bounds bounds = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                0.025,  0.05,    0.1,    0.25,  0.5,    1,     2.5,
                                5,      10};
  return bounds;
}

Histogram::Histogram(const Bounds& bounds) : bounds_(bounds) {}

void Histogram::Observe(double value) {
  std::size_t bucket = 0;
  while (bucket < bounds_.size() && value > bounds_[bucket]) ++bucket;
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::Read() const {
  Snapshot snapshot;
  std::uint64_t running = 0;
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    snapshot.cumulative.emplace_back(bounds_[i], running);
  }
  running += buckets_[bounds_.size()].load(std::memory_order_relaxed);
  // +Inf must equal _count: read the buckets, not count_, which a concurrent
  // observation may already have bumped.
  snapshot.count = running;
  snapshot.sum = sum_.load(std::memory_order_relaxed);
  return snapshot;
}

std::string FormatValue(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char buffer[400];  // fixed notation of a large double is long
  // Shortest fixed notation ("0.0001", not "1e-04"): both parse, this reads
  // better in `le` labels.
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

namespace {

// Label values escape backslash, double quote and line feed; HELP text
// escapes backslash and line feed.
void AppendEscaped(std::string& out, std::string_view text, bool quote) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

}  // namespace

void TextWriter::Family(std::string_view name, std::string_view type, std::string_view help) {
  out_ += "# HELP ";
  out_ += name;
  out_ += ' ';
  AppendEscaped(out_, help, false);
  out_ += "\n# TYPE ";
  out_ += name;
  out_ += ' ';
  out_ += type;
  out_ += '\n';
}

void TextWriter::Name(std::string_view name, Labels labels, std::string_view le) {
  out_ += name;
  if (labels.size() == 0 && le.empty()) return;
  out_ += '{';
  bool first = true;
  for (const auto& [key, value] : labels) {
    if (!first) out_ += ',';
    first = false;
    out_ += key;
    out_ += "=\"";
    AppendEscaped(out_, value, true);
    out_ += '"';
  }
  if (!le.empty()) {
    if (!first) out_ += ',';
    out_ += "le=\"";
    out_ += le;
    out_ += '"';
  }
  out_ += '}';
}

void TextWriter::Sample(std::string_view name, Labels labels, double value) {
  Name(name, labels);
  out_ += ' ';
  out_ += FormatValue(value);
  out_ += '\n';
}

void TextWriter::Sample(std::string_view name, Labels labels, std::uint64_t value) {
  Name(name, labels);
  out_ += ' ';
  out_ += std::to_string(value);
  out_ += '\n';
}

void TextWriter::HistogramSamples(std::string_view name, Labels labels,
                                  const Histogram::Snapshot& snapshot) {
  const std::string bucket = std::string(name) + "_bucket";
  for (const auto& [le, count] : snapshot.cumulative) {
    Name(bucket, labels, FormatValue(le));
    out_ += ' ';
    out_ += std::to_string(count);
    out_ += '\n';
  }
  Name(bucket, labels, "+Inf");
  out_ += ' ';
  out_ += std::to_string(snapshot.count);
  out_ += '\n';
  Sample(std::string(name) + "_sum", labels, snapshot.sum);
  Sample(std::string(name) + "_count", labels, snapshot.count);
}

}  // namespace mporders::metrics
