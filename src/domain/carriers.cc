#include "domain/carriers.h"

#include <algorithm>

#include "domain/carriers_data.h"

namespace mporders {
namespace {

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

}  // namespace

CarrierList CarrierList::Parse(std::string_view text) {
  CarrierList list;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = Trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    list.names_.emplace_back(line);
  }
  std::sort(list.names_.begin(), list.names_.end());
  list.names_.erase(std::unique(list.names_.begin(), list.names_.end()), list.names_.end());
  return list;
}

const CarrierList& CarrierList::Us() {
  // Built once, on first use, from text compiled into the binary; never changed.
  static const CarrierList* const kUs = new CarrierList(Parse(EmbeddedUsCarriersText()));
  return *kUs;
}

bool CarrierList::Contains(std::string_view name) const {
  const auto it = std::lower_bound(names_.begin(), names_.end(), name,
                                   [](const std::string& a, std::string_view b) { return a < b; });
  return it != names_.end() && *it == name;
}

}  // namespace mporders
