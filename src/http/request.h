#pragma once
// A parsed HTTP request as handlers see it. Knows nothing of Walmart.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace mporders::http {

namespace beast_http = boost::beast::http;

using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct Request {
  beast_http::request<beast_http::string_body> message;
  std::string path;            // percent-decoded path, no query
  std::string raw_query;       // the query string as sent, without '?'
  QueryParams query;           // decoded name/value pairs, in order
  std::vector<std::pair<std::string, std::string>> path_params;  // from the route template
  std::string remote_address;
  bool secure = false;  // received over TLS: the client called an https:// URL
  // Set by the handler for logs and metrics: the position of the matched
  // route in its router (-1: none matched), and whom the request acts for
  // (an account id; empty when unauthenticated).
  int route_index = -1;
  std::string principal;

  // Header value, or "" when absent. Names match case-insensitively.
  std::string_view Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const;
  // First query value named `name`, or nullptr.
  const std::string* Query(std::string_view name) const;
  // Path parameter from the route template; "" when absent.
  std::string_view PathParam(std::string_view name) const;
};

}  // namespace mporders::http
