#include "sandbox/http_call.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

namespace mporders::sandbox {

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

Result<ServerUrl> ParseServerUrl(const std::string& url) {
  constexpr std::string_view kScheme = "http://";
  std::string_view rest(url);
  if (rest.substr(0, kScheme.size()) != kScheme) {
    return Status::InvalidParam("--url must look like http://HOST:PORT, got '" + url + "'", "url");
  }
  rest.remove_prefix(kScheme.size());
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  const std::size_t colon = rest.rfind(':');
  if (rest.empty() || rest.find('/') != std::string_view::npos || colon == std::string_view::npos ||
      colon == 0 || colon + 1 == rest.size()) {
    return Status::InvalidParam("--url must look like http://HOST:PORT, got '" + url + "'", "url");
  }
  ServerUrl server{std::string(rest.substr(0, colon)), std::string(rest.substr(colon + 1))};
  if (server.host.size() > 2 && server.host.front() == '[') {
    server.host = server.host.substr(1, server.host.size() - 2);
  }
  return server;
}

Result<HttpAnswer> HttpCall(const ServerUrl& server, const std::string& method,
                            const std::string& target,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& body) {
  const http::verb verb = http::string_to_verb(method);
  if (verb == http::verb::unknown) {
    return Status::InvalidContent("unknown HTTP method '" + method + "'", "method");
  }
  try {
    boost::asio::io_context io;
    tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(120));
    stream.connect(resolver.resolve(server.host, server.port));
    http::request<http::string_body> request(verb, target, 11);
    request.set(http::field::host, server.host);
    request.set(http::field::user_agent, "mporders-cli");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(256 * 1024 * 1024);
    http::read(stream, buffer, parser);
    HttpAnswer answer;
    answer.status = parser.get().result_int();
    for (const auto& field : parser.get()) {
      answer.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    answer.body = std::move(parser.get().body());
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return answer;
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kUnavailable, "cannot reach http://" + server.host + ":" +
                                                      server.port + ": " + e.what());
  }
}

}  // namespace mporders::sandbox
