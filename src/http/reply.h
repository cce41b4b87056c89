#pragma once
// What a handler answers. The session turns it into an HTTP response.

#include <string>
#include <utility>
#include <vector>

namespace mporders::http {

struct Reply {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra response headers
  bool close = false;  // close the connection after this response
};

}  // namespace mporders::http
