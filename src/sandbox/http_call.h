#pragma once
// A small blocking HTTP/1.1 client for the command line tools that drive a
// running server (`mporders scenario run`, `mporders sandbox ...`). One
// connection per call; plain HTTP (put a TLS terminator's plain port, or the
// server's --listen without TLS, in --url).

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace mporders::sandbox {

struct HttpAnswer {
  unsigned status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct ServerUrl {
  std::string host;
  std::string port;
};

// "http://127.0.0.1:8080" (a trailing slash is allowed). kInvalidRequestParam otherwise.
Result<ServerUrl> ParseServerUrl(const std::string& url);

// Sends one request; kUnavailable when the server cannot be reached.
Result<HttpAnswer> HttpCall(const ServerUrl& server, const std::string& method,
                            const std::string& target,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& body);

}  // namespace mporders::sandbox
