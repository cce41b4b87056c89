#include "http/request_target.h"

#include <string_view>
#include <utility>

#include "http/query_string.h"

namespace mporders::http {

bool ParseRequestTarget(Request& request) {
  std::string_view target(request.message.target().data(), request.message.target().size());
  if (target.empty() || target.front() != '/') return false;
  size_t question = target.find('?');
  auto path = PercentDecode(target.substr(0, question), false);
  if (!path) return false;
  request.path = std::move(*path);
  if (question != std::string_view::npos) {
    request.raw_query = std::string(target.substr(question + 1));
    auto query = ParseQueryString(request.raw_query);
    if (!query) return false;
    request.query = std::move(*query);
  }
  return true;
}

}  // namespace mporders::http
