#pragma once
// A strict checker of the Prometheus text exposition format 0.0.4, for
// tests of GET /metrics. It checks what `promtool check metrics` checks
// for this format and what a scraper relies on:
// - every line is a HELP/TYPE comment, a sample, or empty at the end;
// - metric and label names are valid, label values are quoted and escaped
//   (\\, \", \n only), values parse as floats (+Inf, -Inf, NaN allowed);
// - each family has one TYPE (counter, gauge, histogram, summary, untyped)
//   before its samples, families are contiguous, counters end in _total;
// - samples of a family are named after it (histograms: _bucket with an
//   `le` label, _sum, _count), no series is repeated;
// - per histogram series: `le` ascending, counts non-decreasing, a +Inf
//   bucket equal to _count, and a _sum;
// - the text ends with a newline.

#include <map>
#include <string>
#include <vector>

namespace mporders::testing {

struct PromSample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct PromParse {
  std::vector<std::string> errors;  // empty: valid
  std::vector<PromSample> samples;
  std::map<std::string, std::string> types;  // family -> type

  // The value of the sample with this name and exactly these labels, or -1.
  double Value(const std::string& name, const std::map<std::string, std::string>& labels = {}) const;
};

PromParse CheckPrometheusText(const std::string& text);

}  // namespace mporders::testing
