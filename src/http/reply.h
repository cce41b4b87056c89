#pragma once
// What a handler answers. The session turns it into an HTTP response.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mporders::http {

// A body sent piece after piece as the pieces lie in memory (gather I/O),
// instead of copied into one string first: a list page is hundreds of KB of
// orders that are already encoded and kept. `owner` keeps every piece alive
// until the response is sent.
struct GatheredBody {
  std::vector<std::string_view> pieces;  // in order
  std::shared_ptr<const void> owner;

  std::size_t size() const {
    std::size_t size = 0;
    for (std::string_view piece : pieces) size += piece.size();
    return size;
  }
};

struct Reply {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  GatheredBody gathered;  // with pieces: the body (then `body` is empty)
  std::vector<std::pair<std::string, std::string>> headers;  // extra response headers
  bool close = false;  // close the connection after this response

  std::size_t BodySize() const { return gathered.pieces.empty() ? body.size() : gathered.size(); }
};

}  // namespace mporders::http
