#include "support/http_client.h"

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <stdexcept>

namespace mporders::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct HttpClient::Impl {
  asio::io_context io;
  asio::ip::tcp::socket socket{io};
  beast::flat_buffer buffer;
};

std::string HttpResponse::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

boost::json::value HttpResponse::Json() const { return boost::json::parse(body); }

namespace {

HttpResponse Convert(http::response<http::string_body>& message) {
  HttpResponse response;
  response.status = message.result_int();
  for (const auto& field : message) {
    response.headers[boost::algorithm::to_lower_copy(std::string(field.name_string()))] =
        std::string(field.value());
  }
  response.body = message.body();
  response.keep_alive = message.keep_alive();
  return response;
}

}  // namespace

HttpClient::HttpClient(unsigned short port) : impl_(new Impl) {
  impl_->socket.connect({asio::ip::make_address("127.0.0.1"), port});
  impl_->socket.set_option(asio::ip::tcp::no_delay(true));
}

HttpClient::~HttpClient() { delete impl_; }

HttpResponse HttpClient::Request(const std::string& method, const std::string& target,
                                 const Headers& headers, const std::string& body) {
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  if (!body.empty() || method == "POST") request.prepare_payload();
  http::write(impl_->socket, request);
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(impl_->socket, impl_->buffer, parser);
  return Convert(parser.get());
}

std::optional<HttpResponse> HttpClient::RawExchange(const std::string& bytes) {
  boost::system::error_code ec;
  asio::write(impl_->socket, asio::buffer(bytes), ec);
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(impl_->socket, impl_->buffer, parser, ec);
  if (ec) return std::nullopt;
  return Convert(parser.get());
}

bool HttpClient::ServerClosed() {
  char byte;
  boost::system::error_code ec;
  impl_->socket.read_some(asio::buffer(&byte, 1), ec);
  return ec == asio::error::eof || ec == asio::error::connection_reset;
}

Headers WalmartHeaders(const std::string& token, const std::string& correlation_id) {
  return {{"WM_SEC.ACCESS_TOKEN", token},
          {"WM_QOS.CORRELATION_ID", correlation_id},
          {"WM_SVC.NAME", "Walmart Marketplace"},
          {"Accept", "application/json"}};
}

std::string Base64(const std::string& raw) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  while (i + 2 < raw.size()) {
    unsigned n = (unsigned char)raw[i] << 16 | (unsigned char)raw[i + 1] << 8 | (unsigned char)raw[i + 2];
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], kAlphabet[n & 63]};
    i += 3;
  }
  if (i + 1 == raw.size()) {
    unsigned n = (unsigned char)raw[i] << 16;
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], '=', '='};
  } else if (i + 2 == raw.size()) {
    unsigned n = (unsigned char)raw[i] << 16 | (unsigned char)raw[i + 1] << 8;
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
  }
  return out;
}

std::string FetchToken(unsigned short port, const std::string& client_id, const std::string& secret) {
  HttpClient client(port);
  auto response = client.Request("POST", "/v3/token",
                                 {{"Authorization", "Basic " + Base64(client_id + ":" + secret)},
                                  {"Content-Type", "application/x-www-form-urlencoded"},
                                  {"WM_QOS.CORRELATION_ID", "token"},
                                  {"WM_SVC.NAME", "Walmart Marketplace"},
                                  {"Accept", "application/json"}},
                                 "grant_type=client_credentials");
  if (response.status != 200) throw std::runtime_error("token request failed: " + response.body);
  return std::string(response.Json().at("access_token").as_string());
}

}  // namespace mporders::testing
