#include "api/ca_cursor.h"

#include "auth/crypto.h"

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
  http::QueryParams expanded;
  for (const auto& [name, value] : params) {
    if (name != "nextCursor") {
      expanded.emplace_back(name, value);
      continue;
    }
    auto cursor = DecodeToken(value);
    if (!cursor) {
      return Status::InvalidParam(
          "Invalid value for query parameter 'nextCursor': it is not a cursor this server issued.",
          "nextCursor");
    }
    expanded.emplace_back(name, std::move(*cursor));
  }
  return expanded;
}

}  // namespace mporders::api
