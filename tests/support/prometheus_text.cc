#include "support/prometheus_text.h"

#include <cmath>
#include <cstdlib>
#include <set>

namespace mporders::testing {
namespace {

bool IsNameStart(char c, bool colon) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
}
bool IsNameChar(char c, bool colon) { return IsNameStart(c, colon) || (c >= '0' && c <= '9'); }

bool ValidName(const std::string& name, bool colon) {
  if (name.empty() || !IsNameStart(name[0], colon)) return false;
  for (char c : name) {
    if (!IsNameChar(c, colon)) return false;
  }
  return true;
}

bool ParseValue(const std::string& text, double& value) {
  if (text == "+Inf") value = INFINITY;
  else if (text == "-Inf") value = -INFINITY;
  else if (text == "NaN") value = NAN;
  else {
    if (text.empty()) return false;
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
  }
  return true;
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Parses `name{a="x",b="y"} value [timestamp]`. Empty string when valid.
std::string ParseSample(const std::string& line, PromSample& sample) {
  size_t i = 0;
  while (i < line.size() && IsNameChar(line[i], true)) ++i;
  sample.name = line.substr(0, i);
  if (!ValidName(sample.name, true)) return "invalid metric name";
  if (i < line.size() && line[i] == '{') {
    ++i;
    while (true) {
      if (i < line.size() && line[i] == '}') {
        ++i;
        break;
      }
      size_t start = i;
      while (i < line.size() && IsNameChar(line[i], false)) ++i;
      std::string label = line.substr(start, i - start);
      if (!ValidName(label, false)) return "invalid label name";
      if (i + 1 >= line.size() || line[i] != '=' || line[i + 1] != '"') return "label without =\"";
      i += 2;
      std::string value;
      bool closed = false;
      while (i < line.size()) {
        char c = line[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\') {
          if (i >= line.size()) return "dangling escape";
          char e = line[i++];
          if (e == 'n') value += '\n';
          else if (e == '\\' || e == '"') value += e;
          else return "invalid escape in label value";
        } else {
          value += c;
        }
      }
      if (!closed) return "unterminated label value";
      if (!sample.labels.emplace(label, value).second) return "repeated label " + label;
      if (i < line.size() && line[i] == ',') {
        ++i;
      } else if (i < line.size() && line[i] == '}') {
        ++i;
        break;
      } else {
        return "expected , or } after a label";
      }
    }
  }
  if (i >= line.size() || line[i] != ' ') return "expected a space before the value";
  ++i;
  size_t space = line.find(' ', i);
  std::string value = line.substr(i, space == std::string::npos ? std::string::npos : space - i);
  if (!ParseValue(value, sample.value)) return "invalid value '" + value + "'";
  if (space != std::string::npos) {
    std::string timestamp = line.substr(space + 1);
    char* end = nullptr;
    std::strtoll(timestamp.c_str(), &end, 10);
    if (timestamp.empty() || end != timestamp.c_str() + timestamp.size()) return "invalid timestamp";
  }
  return "";
}

std::string SeriesKey(const PromSample& sample, bool without_le) {
  std::string key = sample.name + "{";
  for (const auto& [name, value] : sample.labels) {
    if (without_le && name == "le") continue;
    key += name + "=" + value + ",";
  }
  return key + "}";
}

}  // namespace

double PromParse::Value(const std::string& name,
                        const std::map<std::string, std::string>& labels) const {
  for (const auto& sample : samples) {
    if (sample.name == name && sample.labels == labels) return sample.value;
  }
  return -1;
}

PromParse CheckPrometheusText(const std::string& text) {
  PromParse result;
  auto error = [&](size_t line_number, const std::string& what) {
    result.errors.push_back("line " + std::to_string(line_number) + ": " + what);
  };
  if (text.empty() || text.back() != '\n') error(0, "the text must end with a newline");
  std::set<std::string> finished_families, helped, series;
  std::string family;
  // Histogram series (labels without le) -> (last le, last count, +Inf seen, count, sum seen).
  struct HistogramState {
    double last_le = -INFINITY;
    double last_count = 0;
    double inf_count = -1;
    double count = -1;
    bool sum = false;
  };
  std::map<std::string, HistogramState> histograms;
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty()) {
      error(line_number, "empty line");
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) {
        const bool is_type = line[2] == 'T';
        std::string rest = line.substr(7);
        size_t space = rest.find(' ');
        std::string name = rest.substr(0, space);
        if (!ValidName(name, true)) error(line_number, "invalid family name '" + name + "'");
        if (name != family) {
          if (finished_families.count(name)) error(line_number, "family " + name + " is split");
          if (!family.empty()) finished_families.insert(family);
          family = name;
        }
        if (is_type) {
          std::string type = space == std::string::npos ? "" : rest.substr(space + 1);
          static const std::set<std::string> kTypes = {"counter", "gauge", "histogram", "summary",
                                                       "untyped"};
          if (!kTypes.count(type)) error(line_number, "unknown type '" + type + "'");
          if (!result.types.emplace(name, type).second) error(line_number, "second TYPE of " + name);
          if (type == "counter" && !EndsWith(name, "_total")) {
            error(line_number, "counter " + name + " does not end in _total");
          }
        } else if (!helped.insert(name).second) {
          error(line_number, "second HELP of " + name);
        }
      }
      continue;  // other comments are allowed
    }
    PromSample sample;
    std::string problem = ParseSample(line, sample);
    if (!problem.empty()) {
      error(line_number, problem + ": " + line);
      continue;
    }
    auto type_it = result.types.find(family);
    const std::string type = type_it == result.types.end() ? "" : type_it->second;
    if (type.empty()) error(line_number, "sample before its family's TYPE: " + line);
    bool named = sample.name == family;
    if (type == "histogram") {
      named = sample.name == family + "_bucket" || sample.name == family + "_sum" ||
              sample.name == family + "_count";
      HistogramState& state = histograms[family + SeriesKey(sample, true).substr(sample.name.size())];
      if (sample.name == family + "_bucket") {
        auto le = sample.labels.find("le");
        double bound = 0;
        if (le == sample.labels.end() || !ParseValue(le->second, bound)) {
          error(line_number, "bucket without a valid le");
        } else {
          if (bound <= state.last_le) error(line_number, "le not ascending");
          if (sample.value < state.last_count) error(line_number, "bucket counts decrease");
          state.last_le = bound;
          state.last_count = sample.value;
          if (std::isinf(bound)) state.inf_count = sample.value;
        }
      } else if (sample.name == family + "_count") {
        state.count = sample.value;
      } else if (sample.name == family + "_sum") {
        state.sum = true;
      }
    } else if (sample.labels.count("le") && type == "histogram") {
      error(line_number, "le outside a bucket");
    }
    if (!named) error(line_number, "sample " + sample.name + " outside its family " + family);
    if (!series.insert(SeriesKey(sample, false)).second) error(line_number, "repeated series " + line);
    result.samples.push_back(std::move(sample));
  }
  for (const auto& [key, state] : histograms) {
    if (state.inf_count < 0) result.errors.push_back(key + ": no +Inf bucket");
    if (state.count != state.inf_count) result.errors.push_back(key + ": +Inf bucket != _count");
    if (!state.sum) result.errors.push_back(key + ": no _sum");
  }
  return result;
}

}  // namespace mporders::testing
