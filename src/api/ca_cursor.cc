#include "api/ca_cursor.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "auth/crypto.h"
#include "http/query_string.h"

namespace mporders::api {
namespace {

std::optional<std::string> DecodeToken(std::string_view token) {
  auto raw = auth::Base64UrlDecode(token);
  if (!raw || raw->empty() || raw->front() != '?') return std::nullopt;
  return raw;
}

}  // namespace

std::string EncodeCaCursor(std::string_view us_cursor) { return auth::Base64UrlEncode(us_cursor); }

Result<http::QueryParams> ExpandCaCursor(const http::QueryParams& params) {
  // `?<token>` alone: a parameter with the token as its name and no value.
  if (params.size() == 1 && params[0].second.empty() && params[0].first != "nextCursor") {
    if (auto cursor = DecodeToken(params[0].first)) {
      return http::QueryParams{{"nextCursor", std::move(*cursor)}};
    }
  }
  std::optional<std::string> cursor;
  for (const auto& [name, value] : params) {
    if (name != "nextCursor") continue;
    cursor = DecodeToken(value);
    if (!cursor) {
      return Status::InvalidParam(
          "Invalid value for query parameter 'nextCursor': it is not a cursor this server issued.",
          "nextCursor");
    }
  }
  if (!cursor) return params;
  // Canada's spec requires createdStartDate on every call, so clients send
  // it (and may send other filters) beside the cursor. The cursor holds the
  // query being continued: its values stand, the same parameters beside it
  // are dropped rather than refused as repeated.
  const std::optional<http::QueryParams> held = http::ParseQueryString(
      std::string_view(*cursor).substr(1));
  auto held_by_cursor = [&](const std::string& name) {
    return held && std::any_of(held->begin(), held->end(),
                               [&](const auto& param) { return param.first == name; });
  };
  http::QueryParams expanded;
  for (const auto& [name, value] : params) {
    if (name == "nextCursor") {
      expanded.emplace_back(name, *cursor);
    } else if (!held_by_cursor(name)) {
      expanded.emplace_back(name, value);
    }
  }
  return expanded;
}

}  // namespace mporders::api
