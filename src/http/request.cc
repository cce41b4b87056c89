#include "http/request.h"

namespace mporders::http {

std::string_view Request::Header(std::string_view name) const {
  auto it = message.find(boost::beast::string_view(name.data(), name.size()));
  if (it == message.end()) return {};
  auto value = it->value();
  return {value.data(), value.size()};
}

bool Request::HasHeader(std::string_view name) const {
  return message.find(boost::beast::string_view(name.data(), name.size())) != message.end();
}

const std::string* Request::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::string_view Request::PathParam(std::string_view name) const {
  for (const auto& [key, value] : path_params) {
    if (key == name) return value;
  }
  return {};
}

}  // namespace mporders::http
