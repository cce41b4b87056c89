#pragma once
// The HTTP/1.1 server: one acceptor, a worker thread per core, one coroutine
// per connection (read with limits and timeouts, handle, write, keep-alive),
// over plain TCP or TLS.
// Knows nothing of Walmart: the handler, the error replies and the access log
// are passed in.
//
// Thread safety: Start() and Run() from one thread; Stop() from any thread
// (it is what the signal handler calls).

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/awaitable.hpp>

#include "core/status.h"
#include "http/reply.h"
#include "http/request.h"

namespace mporders::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 = any free port (see Server::port())
  int threads = 0;             // 0 = one per core
  std::size_t header_limit = 16 * 1024;   // larger header block: 431
  std::size_t body_limit = 1024 * 1024;   // larger body: 413
  std::chrono::seconds idle_timeout{30};  // waiting for a request on a kept-alive connection
  std::chrono::seconds header_timeout{10};  // reading a started header block
  std::chrono::seconds body_timeout{30};    // reading a body
  std::chrono::seconds drain_timeout{10};   // Stop(): longest wait for in-flight requests
  // HTTPS when both are set: PEM certificate chain and private key. TLS 1.2
  // or newer; the handshake must finish within header_timeout. A connection
  // whose handshake fails (plain HTTP, old TLS, garbage) is closed.
  std::string tls_cert_file;
  std::string tls_key_file;
};

using Handler = std::function<boost::asio::awaitable<Reply>(Request&)>;
// Builds the reply for a request the server refuses before any handler runs
// (400 unparsable, 413, 431, 500 when a handler throws). `request` carries
// whatever headers were read, possibly none.
using ErrorReplier = std::function<Reply(unsigned status, std::string_view description,
                                         const Request& request)>;
// Called once per answered request, for the access log.
using CompletionLogger = std::function<void(const Request& request, const Reply& reply,
                                            std::chrono::microseconds latency)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler, ErrorReplier error_replier,
         CompletionLogger logger);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the TLS certificate and key (when configured), binds and listens.
  // After OK, port() is the bound port.
  Status Start();
  unsigned short port() const;

  // Serves until Stop() has drained the connections. Blocks the caller, which
  // becomes one of the worker threads.
  void Run();

  // Graceful stop: accept no more connections, let in-flight requests finish
  // (their responses say Connection: close), close idle connections, and make
  // Run() return — at the latest after drain_timeout.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mporders::http
