#include "events/http_post.h"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

namespace mporders::events {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct Network {
  asio::ip::address base;
  int bits = 0;
};

std::optional<Network> ParseNetwork(const std::string& text) {
  auto slash = text.find('/');
  boost::system::error_code ec;
  auto base = asio::ip::make_address(text.substr(0, slash), ec);
  if (ec) return std::nullopt;
  const int max_bits = base.is_v4() ? 32 : 128;
  int bits = max_bits;
  if (slash != std::string::npos) {
    try {
      std::size_t used = 0;
      bits = std::stoi(text.substr(slash + 1), &used);
      if (used != text.size() - slash - 1) return std::nullopt;
    } catch (...) {
      return std::nullopt;
    }
    if (bits < 0 || bits > max_bits) return std::nullopt;
  }
  return Network{base, bits};
}

std::vector<unsigned char> Bytes(const asio::ip::address& address) {
  if (address.is_v4()) {
    auto b = address.to_v4().to_bytes();
    return {b.begin(), b.end()};
  }
  auto v6 = address.to_v6();
  if (v6.is_v4_mapped()) {
    auto b = asio::ip::make_address_v4(asio::ip::v4_mapped, v6).to_bytes();
    return {b.begin(), b.end()};
  }
  auto b = v6.to_bytes();
  return {b.begin(), b.end()};
}

bool Contains(const Network& network, const asio::ip::address& address) {
  auto a = Bytes(address);
  auto n = Bytes(network.base);
  if (a.size() != n.size()) return false;
  int bits = network.bits;
  for (std::size_t i = 0; i < a.size() && bits > 0; ++i, bits -= 8) {
    const unsigned mask = bits >= 8 ? 0xFFu : (0xFFu << (8 - bits)) & 0xFFu;
    if ((a[i] & mask) != (n[i] & mask)) return false;
  }
  return true;
}

bool Allowed(const DestinationPolicy& policy, const asio::ip::address& address) {
  if (policy.networks.empty()) return true;
  for (const std::string& text : policy.networks) {
    auto network = ParseNetwork(text);
    if (network && Contains(*network, address)) return true;
  }
  return false;
}

struct Target {
  std::string scheme;
  std::string host;
  std::string port;
  std::string path;
};

Result<Target> ParseTarget(const std::string& url, const DestinationPolicy& policy) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return Status::InvalidContent("eventUrl is not an absolute URL: " + url, "eventUrl");
  Target target;
  target.scheme = parsed->scheme();
  std::transform(target.scheme.begin(), target.scheme.end(), target.scheme.begin(), ::tolower);
  if (std::find(policy.schemes.begin(), policy.schemes.end(), target.scheme) ==
      policy.schemes.end()) {
    return Status::InvalidContent("eventUrl scheme " + target.scheme + " is not allowed here",
                                  "eventUrl");
  }
  if (target.scheme != "http" && target.scheme != "https") {
    return Status::InvalidContent("eventUrl must be http or https", "eventUrl");
  }
  target.host = parsed->host_address();
  if (target.host.empty()) return Status::InvalidContent("eventUrl has no host", "eventUrl");
  if (target.host.front() == '[' && target.host.back() == ']') {
    target.host = target.host.substr(1, target.host.size() - 2);
  }
  target.port =
      parsed->has_port() ? std::string(parsed->port()) : (target.scheme == "https" ? "443" : "80");
  target.path = std::string(parsed->encoded_resource());
  if (target.path.empty() || target.path.front() != '/') target.path = "/" + target.path;
  return target;
}

template <typename Stream>
PostResult Exchange(Stream& stream, asio::io_context& io,
                    const bhttp::request<bhttp::string_body>& request,
                    std::chrono::milliseconds timeout) {
  PostResult result;
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  boost::system::error_code ec;
  beast::get_lowest_layer(stream).expires_after(timeout);
  bhttp::async_write(stream, request, [&](boost::system::error_code e, std::size_t) {
    ec = e;
    if (e) return;
    bhttp::async_read(stream, buffer, response,
                      [&](boost::system::error_code e2, std::size_t) { ec = e2; });
  });
  io.restart();
  io.run();
  if (ec) {
    result.error = ec == beast::error::timeout
                       ? "timed out after " + std::to_string(timeout.count()) + " ms"
                       : ec.message();
    return result;
  }
  result.status_code = static_cast<int>(response.result_int());
  result.body = std::move(response.body());
  return result;
}

}  // namespace

Status ValidatePolicy(const DestinationPolicy& policy) {
  for (const std::string& network : policy.networks) {
    if (!ParseNetwork(network)) {
      return Status::InvalidContent("not an address range: " + network, "webhook-allow-network");
    }
  }
  return Status::Ok();
}

Status CheckUrl(const std::string& url, const DestinationPolicy& policy) {
  auto target = ParseTarget(url, policy);
  if (!target.ok()) return target.status();
  boost::system::error_code ec;
  auto literal = asio::ip::make_address(target->host, ec);
  if (!ec && !Allowed(policy, literal)) {
    return Status::InvalidContent("eventUrl address " + target->host + " is not allowed here",
                                  "eventUrl");
  }
  return Status::Ok();
}

PostResult HttpPost(const std::string& url,
                    const std::vector<std::pair<std::string, std::string>>& headers,
                    const std::string& body, std::chrono::milliseconds timeout,
                    const DestinationPolicy& policy) {
  PostResult result;
  auto target = ParseTarget(url, policy);
  if (!target.ok()) {
    result.error = target.status().description();
    return result;
  }
  asio::io_context io;
  tcp::resolver resolver(io);
  boost::system::error_code ec;
  auto resolved = resolver.resolve(target->host, target->port, ec);
  if (ec) {
    result.error = "cannot resolve " + target->host + ": " + ec.message();
    return result;
  }
  std::vector<tcp::endpoint> endpoints;
  for (const auto& entry : resolved) {
    if (Allowed(policy, entry.endpoint().address())) endpoints.push_back(entry.endpoint());
  }
  if (endpoints.empty()) {
    result.error = "no address of " + target->host + " is an allowed destination";
    return result;
  }
  bhttp::request<bhttp::string_body> request{bhttp::verb::post, target->path, 11};
  request.set(bhttp::field::host, target->host);
  request.set(bhttp::field::user_agent, "mporders-webhooks");
  bool has_type = false;
  for (const auto& [name, value] : headers) {
    if (beast::iequals(name, "content-type")) has_type = true;
    request.set(name, value);
  }
  if (!has_type) request.set(bhttp::field::content_type, "application/json");
  request.body() = body;
  request.prepare_payload();

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto remaining = [&] {
    return std::max(std::chrono::milliseconds(1),
                    std::chrono::duration_cast<std::chrono::milliseconds>(
                        deadline - std::chrono::steady_clock::now()));
  };
  beast::tcp_stream tcp_stream(io);
  tcp_stream.expires_after(timeout);
  tcp_stream.async_connect(endpoints,
                           [&](boost::system::error_code e, const tcp::endpoint&) { ec = e; });
  io.run();
  if (ec) {
    result.error = "cannot connect to " + target->host + ":" + target->port + ": " +
                   (ec == beast::error::timeout ? std::string("timed out") : ec.message());
    return result;
  }
  if (target->scheme == "http") return Exchange(tcp_stream, io, request, remaining());

  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.set_default_verify_paths();
  tls.set_verify_mode(asio::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp_stream), tls);
  SSL_set_tlsext_host_name(stream.native_handle(), target->host.c_str());
  stream.set_verify_callback(asio::ssl::host_name_verification(target->host));
  beast::get_lowest_layer(stream).expires_after(remaining());
  stream.async_handshake(asio::ssl::stream_base::client,
                         [&](boost::system::error_code e) { ec = e; });
  io.restart();
  io.run();
  if (ec) {
    result.error = "TLS handshake with " + target->host + " failed: " + ec.message();
    return result;
  }
  return Exchange(stream, io, request, remaining());
}

}  // namespace mporders::events
