#pragma once
// A blocking HTTP/1.1 client over a real socket for black-box tests. One
// instance is one keep-alive connection.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

namespace mporders::testing {

struct HttpResponse {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  bool keep_alive = false;

  std::string Header(const std::string& lower_name) const;
  boost::json::value Json() const;  // parses body; throws on bad JSON
};

using Headers = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  explicit HttpClient(unsigned short port);
  ~HttpClient();

  HttpResponse Request(const std::string& method, const std::string& target,
                       const Headers& headers = {}, const std::string& body = {});
  // Sends raw bytes and reads one response (or nullopt if the server closed).
  std::optional<HttpResponse> RawExchange(const std::string& bytes);
  // True once the server has closed this connection.
  bool ServerClosed();

 private:
  struct Impl;
  Impl* impl_;
};

// Standard Walmart headers for an authenticated call.
Headers WalmartHeaders(const std::string& token, const std::string& correlation_id = "test-cid");

// Gets a token with client credentials; throws on failure.
std::string FetchToken(unsigned short port, const std::string& client_id, const std::string& secret);

std::string Base64(const std::string& raw);

}  // namespace mporders::testing
