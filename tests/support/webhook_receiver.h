#pragma once
// A real HTTP server in the test process that records every webhook it
// receives and answers with a settable status: the integrator's receiver.
// Plain HTTP by default; with a certificate and key it speaks HTTPS only.

#include <atomic>
#include <boost/asio/ssl/context.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mporders::testing {

struct ReceivedWebhook {
  std::string target;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class WebhookReceiver {
 public:
  WebhookReceiver();  // listens on 127.0.0.1, any free port
  // HTTPS with this PEM certificate and key; throws if they cannot be loaded.
  WebhookReceiver(const std::string& cert_path, const std::string& key_path);
  ~WebhookReceiver();

  unsigned short port() const { return port_; }
  std::string Url(const std::string& path = "/events") const;
  void SetStatus(unsigned status) { status_ = status; }
  // Answer body (the OAuth token endpoint answers JSON).
  void SetBody(std::string body);

  std::vector<ReceivedWebhook> Received();
  // Waits (polling, up to `timeout_ms`) until at least `count` requests
  // arrived; returns them.
  std::vector<ReceivedWebhook> WaitFor(std::size_t count, int timeout_ms = 15000);

 private:
  void Listen();
  void Serve();
  template <typename Stream>
  void Answer(Stream& stream);

  std::unique_ptr<boost::asio::ssl::context> tls_;  // null: plain HTTP
  int listen_fd_ = -1;
  unsigned short port_ = 0;
  std::atomic<unsigned> status_{200};
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::string body_;                       // guarded by mutex_
  std::vector<ReceivedWebhook> received_;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace mporders::testing
