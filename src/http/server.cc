#include "http/server.h"

#include <array>

#include <list>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <openssl/ssl.h>

#include "http/gather_write.h"
#include "http/request_target.h"

namespace mporders::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

namespace {

// Longest wait for the peer's close_notify when closing a TLS connection.
constexpr std::chrono::seconds kTlsShutdownTimeout{2};

// A server context accepting TLS 1.2 and newer only, with the PEM
// certificate chain and key from the given files.
Result<std::unique_ptr<asio::ssl::context>> MakeTlsContext(const std::string& cert_file,
                                                          const std::string& key_file) {
  auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  boost::system::error_code ec;
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                           asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                           asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use,
                       ec);
  if (!ec && SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION) != 1) {
    ec = asio::error::invalid_argument;
  }
  if (ec) return Status::Error(ErrorCode::kInternal, "cannot set up TLS: " + ec.message(), "tls");
  context->use_certificate_chain_file(cert_file, ec);
  if (ec) {
    return Status::Error(ErrorCode::kInvalidRequestParam,
                         "cannot load the TLS certificate " + cert_file + ": " + ec.message(),
                         "tls-cert");
  }
  context->use_private_key_file(key_file, asio::ssl::context::pem, ec);
  if (ec) {
    return Status::Error(ErrorCode::kInvalidRequestParam,
                         "cannot load the TLS private key " + key_file + ": " + ec.message(),
                         "tls-key");
  }
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    return Status::Error(ErrorCode::kInvalidRequestParam,
                         "the TLS private key " + key_file + " does not match the certificate " +
                             cert_file,
                         "tls-key");
  }
  return context;
}

// The socket under any stream: what timeouts and closing act on.
beast::tcp_stream& Transport(beast::tcp_stream& stream) { return stream; }
beast::tcp_stream& Transport(TlsStream& stream) { return stream.next_layer(); }

// RFC 9112 §3.2: exactly one Host in HTTP/1.1; at most one in HTTP/1.0.
bool HasOneHost(const beast::http::request<beast::http::string_body>& message) {
  const std::size_t hosts = message.count(beast::http::field::host);
  return hosts == 1 || (hosts == 0 && message.version() < 11);
}

}  // namespace

// One connection's state that Stop() needs to reach: whether it is between
// requests (safe to close) and its stream.
struct Connection {
  beast::tcp_stream* stream = nullptr;
  asio::any_io_executor executor;
  bool idle = true;  // guarded by Impl::connections_mutex_
};

class Server::Impl {
 public:
  Impl(ServerOptions options, Handler handler, ErrorReplier error_replier, CompletionLogger logger)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        error_replier_(std::move(error_replier)),
        logger_(std::move(logger)) {
    int threads = options_.threads > 0 ? options_.threads
                                       : std::max(1u, std::thread::hardware_concurrency());
    for (int i = 0; i < threads; ++i) {
      contexts_.push_back(std::make_unique<asio::io_context>(1));
      guards_.emplace_back(asio::make_work_guard(*contexts_.back()));
    }
    acceptor_ = std::make_unique<tcp::acceptor>(*contexts_.front());
  }

  Status Start() {
    if (options_.tls_cert_file.empty() != options_.tls_key_file.empty()) {
      return Status::Error(ErrorCode::kInvalidRequestParam,
                           "TLS needs both a certificate and a private key file", "tls");
    }
    if (!options_.tls_cert_file.empty()) {
      auto tls = MakeTlsContext(options_.tls_cert_file, options_.tls_key_file);
      if (!tls.ok()) return tls.status();
      tls_context_ = std::move(tls).value();
    }
    boost::system::error_code ec;
    auto address = asio::ip::make_address(options_.host, ec);
    if (ec) return Status::Error(ErrorCode::kInvalidRequestParam, "invalid listen address: " + options_.host, "listen");
    tcp::endpoint endpoint(address, options_.port);
    acceptor_->open(endpoint.protocol(), ec);
    if (!ec) acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_->bind(endpoint, ec);
    if (!ec) acceptor_->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return Status::Error(ErrorCode::kUnavailable,
                           "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                               ": " + ec.message(), "listen");
    }
    port_ = acceptor_->local_endpoint().port();
    asio::co_spawn(*contexts_.front(), Accept(), asio::detached);
    return Status::Ok();
  }

  unsigned short port() const { return port_; }

  void Run() {
    std::vector<std::thread> workers;
    for (size_t i = 1; i < contexts_.size(); ++i) {
      workers.emplace_back([ctx = contexts_[i].get()] { ctx->run(); });
    }
    contexts_.front()->run();
    for (auto& worker : workers) worker.join();
  }

  void Stop() {
    asio::post(*contexts_.front(), [this] { BeginDrain(); });
  }

 private:
  asio::awaitable<void> Accept() {
    size_t next = 0;
    while (acceptor_->is_open()) {
      auto& context = *contexts_[next++ % contexts_.size()];
      auto [ec, socket] = co_await acceptor_->async_accept(context, kNoThrow);
      if (ec) {
        if (!acceptor_->is_open()) break;
        continue;  // e.g. too many open files: keep serving the others
      }
      socket.set_option(tcp::no_delay(true), ec);
      if (tls_context_) {
        asio::co_spawn(context, Session(TlsStream(std::move(socket), *tls_context_)),
                       asio::detached);
      } else {
        asio::co_spawn(context, Session(beast::tcp_stream(std::move(socket))), asio::detached);
      }
    }
  }

  void BeginDrain() {
    if (draining_.exchange(true)) return;
    boost::system::error_code ignored;
    acceptor_->close(ignored);
    CloseIdleConnections();
    // Wait for busy connections, checking every 20 ms, up to drain_timeout.
    drain_deadline_ = std::chrono::steady_clock::now() + options_.drain_timeout;
    asio::co_spawn(*contexts_.front(), WaitForDrain(), asio::detached);
  }

  void CloseIdleConnections() {
    std::lock_guard lock(connections_mutex_);
    for (auto* connection : connections_) {
      if (!connection->idle) continue;
      asio::post(connection->executor, [stream = connection->stream] {
        boost::system::error_code ignored;
        stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream->socket().close(ignored);
      });
    }
  }

  asio::awaitable<void> WaitForDrain() {
    asio::steady_timer timer(*contexts_.front());
    while (std::chrono::steady_clock::now() < drain_deadline_) {
      {
        std::lock_guard lock(connections_mutex_);
        if (connections_.empty()) break;
      }
      CloseIdleConnections();
      timer.expires_after(std::chrono::milliseconds(20));
      co_await timer.async_wait(kNoThrow);
    }
    guards_.clear();
    for (auto& context : contexts_) context->stop();
  }

  void SetIdle(Connection& connection, bool idle) {
    std::lock_guard lock(connections_mutex_);
    connection.idle = idle;
  }

  // One connection, plain or TLS: the same request loop for both.
  template <typename Stream>
  asio::awaitable<void> Session(Stream stream) {
    beast::tcp_stream& transport = Transport(stream);
    Connection connection{&transport, stream.get_executor(), true};
    {
      std::lock_guard lock(connections_mutex_);
      connections_.push_back(&connection);
    }
    std::string remote;
    {
      boost::system::error_code ec;
      auto endpoint = transport.socket().remote_endpoint(ec);
      if (!ec) remote = endpoint.address().to_string();
    }
    if (co_await Handshake(stream)) {
      beast::flat_buffer buffer;
      bool keep_going = true;
      while (keep_going && !draining_.load()) {
        keep_going = co_await ServeOne(stream, buffer, connection, remote);
      }
      co_await CloseTls(stream);
    }
    boost::system::error_code ignored;
    transport.socket().shutdown(tcp::socket::shutdown_send, ignored);
    transport.socket().close(ignored);
    std::lock_guard lock(connections_mutex_);
    connections_.remove(&connection);
  }

  // TLS handshake within header_timeout. False (close the connection) on any
  // failure: a plain-HTTP client, an old protocol version, a stalled peer.
  asio::awaitable<bool> Handshake(beast::tcp_stream&) { co_return true; }
  asio::awaitable<bool> Handshake(TlsStream& stream) {
    stream.next_layer().expires_after(options_.header_timeout);
    auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, kNoThrow);
    co_return !ec;
  }

  // Sends close_notify and waits briefly for the peer's; the socket is closed
  // afterwards whatever happens.
  asio::awaitable<void> CloseTls(beast::tcp_stream&) { co_return; }
  asio::awaitable<void> CloseTls(TlsStream& stream) {
    stream.next_layer().expires_after(kTlsShutdownTimeout);
    auto [ec] = co_await stream.async_shutdown(kNoThrow);
    (void)ec;  // a peer that just closes the socket is normal
  }

  // Reads one request and answers it. False when the connection must close.
  template <typename Stream>
  asio::awaitable<bool> ServeOne(Stream& stream, beast::flat_buffer& buffer,
                                 Connection& connection, const std::string& remote) {
    namespace http = beast::http;
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
    parser.body_limit(options_.body_limit);

    SetIdle(connection, buffer.size() == 0);
    Transport(stream).expires_after(buffer.size() == 0 ? options_.idle_timeout
                                                       : options_.header_timeout);
    auto [header_ec, header_bytes] = co_await http::async_read_header(stream, buffer, parser, kNoThrow);
    SetIdle(connection, false);
    auto started = std::chrono::steady_clock::now();
    Request request;
    request.remote_address = remote;
    request.secure = std::is_same_v<Stream, TlsStream>;
    if (header_ec) {
      co_return co_await RefuseAfterReadError(stream, header_ec, parser, request, started);
    }
    if (parser.get()[http::field::expect] == "100-continue" && !parser.is_done()) {
      http::response<http::empty_body> proceed{http::status::continue_, parser.get().version()};
      Transport(stream).expires_after(options_.header_timeout);
      auto [ec, n] = co_await http::async_write(stream, proceed, kNoThrow);
      if (ec) co_return false;
    }
    Transport(stream).expires_after(options_.body_timeout);
    auto [body_ec, body_bytes] = co_await http::async_read(stream, buffer, parser, kNoThrow);
    if (body_ec) {
      co_return co_await RefuseAfterReadError(stream, body_ec, parser, request, started);
    }
    request.message = parser.release();

    Reply reply;
    if (!HasOneHost(request.message)) {
      // RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request
      // without Host, and to any request with more than one.
      reply = error_replier_(400, "The request must carry exactly one Host header.", request);
      reply.close = true;
    } else if (!ParseRequestTarget(request)) {
      reply = error_replier_(400, "The request target is not a valid path and query.", request);
    } else {
      try {
        reply = co_await handler_(request);
      } catch (const std::exception& e) {
        reply = error_replier_(500, "Unexpected failure while handling the request.", request);
      }
    }
    bool keep_alive = request.message.keep_alive() && !reply.close && !draining_.load();
    // Logged (and counted) before the reply goes out, so that once a client
    // has its answer, the access log and /metrics already show the request.
    Log(request, reply, started);
    bool ok = co_await Write(stream, request.message.version(), std::move(reply), keep_alive);
    co_return ok && keep_alive;
  }

  // Answers what can be answered after a failed read (limits, bad syntax);
  // silently drops timeouts and closed connections. Always ends the connection.
  template <typename Stream>
  asio::awaitable<bool> RefuseAfterReadError(
      Stream& stream, boost::system::error_code ec,
      beast::http::request_parser<beast::http::string_body>& parser, Request& request,
      std::chrono::steady_clock::time_point started) {
    namespace http = beast::http;
    unsigned status = 0;
    std::string description;
    if (ec == http::error::header_limit) {
      status = 431;
      description = "The request header block is larger than " +
                    std::to_string(options_.header_limit / 1024) + " KiB.";
    } else if (ec == http::error::body_limit) {
      status = 413;
      description = "The request body is larger than " +
                    std::to_string(options_.body_limit / 1024) + " KiB.";
    } else if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
               ec == asio::error::eof || ec == asio::error::connection_reset ||
               ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor ||
               ec == http::error::partial_message || ec == asio::ssl::error::stream_truncated) {
      co_return false;
    } else {
      status = 400;
      description = "The request is not valid HTTP/1.1: " + ec.message() + ".";
    }
    if (parser.is_header_done()) {
      request.message.base() = parser.get().base();
    }
    Reply reply = error_replier_(status, description, request);
    Log(request, reply, started);
    co_await Write(stream, 11, reply, false);
    // The client may still be sending the refused body. Closing now would
    // answer its next bytes with a reset, which can destroy the reply before
    // the client reads it; so stop sending, then read and drop what still
    // arrives, for a short while and a bounded amount (a lingering close).
    co_await LingeringClose(Transport(stream));
    co_return false;
  }

  asio::awaitable<void> LingeringClose(beast::tcp_stream& transport) {
    constexpr std::size_t kMaxDrainBytes = 4 * 1024 * 1024;
    boost::system::error_code ignored;
    transport.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    transport.expires_after(std::chrono::seconds(2));
    std::array<char, 16 * 1024> sink;
    std::size_t drained = 0;
    while (drained < kMaxDrainBytes) {
      auto [ec, n] = co_await transport.async_read_some(asio::buffer(sink), kNoThrow);
      if (ec) break;
      drained += n;
    }
  }

  // One path for every reply: the header, then the body's pieces as they
  // lie, in gather writes. Beast's serializer walks its whole buffer
  // sequence on every partial write: a few percent of a small reply's CPU,
  // and more than copying a list page's pieces into one string.
  // Takes the reply's body: a list answer is hundreds of KB.
  template <typename Stream>
  asio::awaitable<bool> Write(Stream& stream, unsigned version, Reply reply, bool keep_alive) {
    namespace http = beast::http;
    const std::string text = std::move(reply.body);
    GatheredBody body = std::move(reply.gathered);
    if (body.pieces.empty()) body.pieces.emplace_back(text);
    http::response<http::empty_body> response{static_cast<http::status>(reply.status), version};
    response.set(http::field::server, "mporders");
    response.set(http::field::content_type, reply.content_type);
    for (const auto& [name, value] : reply.headers) response.set(name, value);
    response.keep_alive(keep_alive);
    // RFC 9110 §8.6: no Content-Length on 1xx, 204 or 304.
    const unsigned status = reply.status;
    if (status >= 200 && status != 204 && status != 304) response.content_length(body.size());
    const std::string head = SerializedHeader(response);
    std::vector<asio::const_buffer> buffers;
    buffers.reserve(1 + body.pieces.size());
    buffers.emplace_back(head.data(), head.size());
    for (std::string_view piece : body.pieces) buffers.emplace_back(piece.data(), piece.size());
    Transport(stream).expires_after(options_.body_timeout);
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      co_return co_await WriteAll(stream, buffers);
    } else {  // TLS: the stream encrypts record by record anyway
      auto [ec, n] = co_await asio::async_write(stream, buffers, kNoThrow);
      co_return !ec;
    }
  }

  static std::string SerializedHeader(beast::http::response<beast::http::empty_body>& response) {
    beast::http::response_serializer<beast::http::empty_body> serializer(response);
    std::string head;
    beast::error_code ec;
    while (!ec && !serializer.is_done()) {
      serializer.next(ec, [&](beast::error_code& next_ec, const auto& buffers) {
        next_ec = {};
        for (asio::const_buffer buffer : beast::buffers_range_ref(buffers)) {
          head.append(static_cast<const char*>(buffer.data()), buffer.size());
        }
        serializer.consume(beast::buffer_bytes(buffers));
      });
    }
    return head;
  }

  void Log(const Request& request, const Reply& reply, std::chrono::steady_clock::time_point started) {
    if (!logger_) return;
    auto latency = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    logger_(request, reply, latency);
  }

  ServerOptions options_;
  Handler handler_;
  ErrorReplier error_replier_;
  CompletionLogger logger_;
  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards_;
  std::unique_ptr<tcp::acceptor> acceptor_;
  std::unique_ptr<asio::ssl::context> tls_context_;  // null: plain HTTP
  unsigned short port_ = 0;
  std::atomic<bool> draining_{false};
  std::chrono::steady_clock::time_point drain_deadline_;
  std::mutex connections_mutex_;
  std::list<Connection*> connections_;
};

Server::Server(ServerOptions options, Handler handler, ErrorReplier error_replier,
               CompletionLogger logger)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler),
                                   std::move(error_replier), std::move(logger))) {}
Server::~Server() = default;
Status Server::Start() { return impl_->Start(); }
unsigned short Server::port() const { return impl_->port(); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace mporders::http
