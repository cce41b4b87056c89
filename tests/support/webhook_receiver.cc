#include "support/webhook_receiver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <stdexcept>

namespace mporders::testing {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

WebhookReceiver::WebhookReceiver() { Listen(); }

WebhookReceiver::WebhookReceiver(const std::string& cert_path, const std::string& key_path)
    : tls_(std::make_unique<boost::asio::ssl::context>(boost::asio::ssl::context::tls_server)) {
  tls_->use_certificate_chain_file(cert_path);
  tls_->use_private_key_file(key_path, boost::asio::ssl::context::pem);
  Listen();
}

void WebhookReceiver::Listen() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    throw std::runtime_error("webhook receiver: cannot listen");
  }
  socklen_t length = sizeof(address);
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

WebhookReceiver::~WebhookReceiver() {
  stopping_ = true;
  thread_.join();
  ::close(listen_fd_);
}

std::string WebhookReceiver::Url(const std::string& path) const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + path;
}

void WebhookReceiver::SetBody(std::string body) {
  std::lock_guard<std::mutex> lock(mutex_);
  body_ = std::move(body);
}

std::vector<ReceivedWebhook> WebhookReceiver::Received() {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

std::vector<ReceivedWebhook> WebhookReceiver::WaitFor(std::size_t count, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    auto received = Received();
    if (received.size() >= count || std::chrono::steady_clock::now() > deadline) return received;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void WebhookReceiver::Serve() {
  boost::asio::io_context io;
  while (!stopping_) {
    pollfd ready{listen_fd_, POLLIN, 0};
    if (::poll(&ready, 1, 50) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    tcp::socket socket(io, tcp::v4(), fd);
    if (!tls_) {
      Answer(socket);
      boost::system::error_code ec;
      socket.shutdown(tcp::socket::shutdown_both, ec);
      continue;
    }
    // A client that refuses the certificate fails the handshake: nothing is
    // recorded.
    boost::asio::ssl::stream<tcp::socket> stream(std::move(socket), *tls_);
    boost::system::error_code ec;
    stream.handshake(boost::asio::ssl::stream_base::server, ec);
    if (ec) continue;
    Answer(stream);
    stream.shutdown(ec);
  }
}

template <typename Stream>
void WebhookReceiver::Answer(Stream& stream) {
  beast::flat_buffer buffer;
  bhttp::request<bhttp::string_body> request;
  boost::system::error_code ec;
  bhttp::read(stream, buffer, request, ec);
  if (ec) return;
  ReceivedWebhook received;
  received.target = std::string(request.target());
  for (const auto& field : request) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    received.headers[name] = std::string(field.value());
  }
  received.body = request.body();
  bhttp::response<bhttp::string_body> response;
  response.version(11);
  response.result(status_.load());
  response.set(bhttp::field::content_type, "application/json");
  response.keep_alive(false);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    received_.push_back(std::move(received));
    response.body() = body_;
  }
  response.prepare_payload();
  bhttp::write(stream, response, ec);
}

}  // namespace mporders::testing
