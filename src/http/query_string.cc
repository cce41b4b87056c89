#include "http/query_string.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace mporders::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;  // needs two hex digits
      int hi = HexValue(text[i + 1]);
      int lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  // Decoded text is echoed in error bodies and cursors, which must stay
  // valid JSON and XML.
  if (!IsValidUtf8(out)) return std::nullopt;
  return out;
}

std::optional<QueryParams> ParseQueryString(std::string_view query) {
  QueryParams params;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    auto name = PercentDecode(pair.substr(0, eq), true);
    auto value = PercentDecode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!name || !value) return std::nullopt;
    params.emplace_back(std::move(*name), std::move(*value));
  }
  return params;
}

const std::string* RepeatedName(const QueryParams& params) {
  if (params.size() <= 32) {
    // The usual short query: quadratic beats building an index.
    for (std::size_t i = 0; i < params.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (params[j].first == params[i].first) return &params[i].first;
      }
    }
    return nullptr;
  }
  // A long one (up to the 16 KiB header limit) stays O(n log n).
  std::vector<std::size_t> order(params.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return params[a].first < params[b].first;
  });
  const std::string* first = nullptr;
  std::size_t first_index = params.size();
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (params[order[k]].first == params[order[k - 1]].first && order[k] < first_index) {
      first_index = order[k];
      first = &params[order[k]].first;
    }
  }
  return first;
}

}  // namespace mporders::http
