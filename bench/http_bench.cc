// Load generator for the benchmarks that wrk cannot express: list-page
// latency (first and deep pages, following nextCursor) and durable write
// throughput (acknowledge + ship over many connections). Talks real HTTP to a
// running server on loopback.
//
//   http_bench make-orders COUNT FILE         write COUNT fresh all-Created orders (import format)
//   http_bench list PORT TOKEN QUERY DEPTH N  latency of page 1 and page DEPTH, N samples each
//   http_bench get PORT TOKEN IDS N           latency of GET /v3/orders/{id}, N samples over the
//                                             purchase order ids of file IDS (one a line)
//   http_bench writes PORTS TOKEN FILE CONNS  acknowledge + ship every order of FILE over CONNS
//                                             connections; PORTS is one port or several,
//                                             comma-separated (several servers on one database):
//                                             connection i goes to port i modulo their number

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

namespace asio = boost::asio;
namespace http = boost::beast::http;
using Clock = std::chrono::steady_clock;

class Connection {
 public:
  Connection(unsigned short port, std::string token) : token_(std::move(token)) {
    socket_.connect({asio::ip::make_address("127.0.0.1"), port});
    socket_.set_option(asio::ip::tcp::no_delay(true));
  }
  http::response<http::string_body> Send(http::verb method, const std::string& target,
                                         const std::string& body = {}) {
    http::request<http::string_body> request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.set("WM_SEC.ACCESS_TOKEN", token_);
    request.set("WM_QOS.CORRELATION_ID", "bench");
    request.set("WM_SVC.NAME", "Walmart Marketplace");
    request.set(http::field::accept, "application/json");
    if (method == http::verb::post) {
      request.set(http::field::content_type, "application/json");
      request.body() = body;
      request.prepare_payload();
    }
    http::write(socket_, request);
    http::response_parser<http::string_body> parser;
    parser.body_limit(256 * 1024 * 1024);
    http::read(socket_, buffer_, parser);
    return parser.release();
  }

 private:
  asio::io_context io_;
  asio::ip::tcp::socket socket_{io_};
  boost::beast::flat_buffer buffer_;
  std::string token_;
};

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1));
  return values[index];
}

int MakeOrders(long count, const std::string& file) {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch()).count();
  std::ofstream out(file);
  out << "[";
  for (long i = 0; i < count; ++i) {
    std::string po = std::to_string(3000000000000L + i);
    long date = now - 3600000 - i;  // within the last hour, newest first
    out << (i ? "," : "") << R"({"order":{"purchaseOrderId":")" << po << R"(","customerOrderId":"C)" << po
        << R"(","customerEmailId":"bench@relay.walmart.com","orderDate":)" << date
        << R"(,"shippingInfo":{"phone":"5555550100","estimatedDeliveryDate":)" << date + 400000000
        << R"(,"estimatedShipDate":)" << date + 86400000
        << R"(,"methodCode":"Standard","postalAddress":{"name":"Bench Buyer","address1":"1 Main St","city":"Bentonville","state":"AR","postalCode":"72712","country":"USA","addressType":"RESIDENTIAL"}},"orderLines":{"orderLine":[{"lineNumber":"1","item":{"productName":"Widget","sku":"BENCH-1"},"charges":{"charge":[{"chargeType":"PRODUCT","chargeName":"ItemPrice","chargeAmount":{"currency":"USD","amount":19.98},"tax":{"taxName":"Tax1","taxAmount":{"currency":"USD","amount":1.6}}}]},"orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"2"},"statusDate":)"
        << date << R"(,"orderLineStatuses":{"orderLineStatus":[{"status":"Created","statusQuantity":{"unitOfMeasurement":"EACH","amount":"2"}}]}}]},"shipNode":{"type":"SellerFulfilled"}}})";
  }
  out << "]\n";
  return 0;
}

double TimeRequest(Connection& connection, const std::string& target, std::string* body = nullptr) {
  auto start = Clock::now();
  auto response = connection.Send(http::verb::get, target);
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (response.result_int() != 200) {
    std::cerr << "GET " << target << " -> " << response.result_int() << ": " << response.body() << "\n";
    std::exit(1);
  }
  if (body) *body = response.body();
  return ms;
}

int ListLatency(unsigned short port, const std::string& token, const std::string& query, int depth, int samples) {
  Connection connection(port, token);
  std::string first_target = "/v3/orders?" + query;
  std::string body;
  TimeRequest(connection, first_target, &body);  // warm-up
  const boost::json::value first_page = boost::json::parse(body);
  const auto& meta = first_page.at("list").at("meta").as_object();
  const long long total =
      meta.contains("totalCount") ? meta.at("totalCount").to_number<long long>() : -1;
  // Freeze the first page's window: its cursor's dates are what later pages use.
  std::string target = first_target;
  for (int page = 1; page < depth; ++page) {
    auto json = boost::json::parse(body);
    auto* cursor = json.at("list").at("meta").as_object().if_contains("nextCursor");
    if (!cursor) {
      std::cerr << "only " << page << " pages match " << query << "\n";
      return 1;
    }
    target = "/v3/orders" + std::string(cursor->as_string());
    TimeRequest(connection, target, &body);
  }
  std::vector<double> first, deep;
  for (int i = 0; i < samples; ++i) {
    first.push_back(TimeRequest(connection, first_target));
    deep.push_back(TimeRequest(connection, target));
  }
  std::printf("query: %s (%lld matching orders)\n", query.c_str(), total);
  std::printf("page 1:      median %.2f ms, p90 %.2f ms, p99 %.2f ms (%d samples)\n",
              Percentile(first, 0.5), Percentile(first, 0.9), Percentile(first, 0.99), samples);
  std::printf("page %-6d: median %.2f ms, p90 %.2f ms, p99 %.2f ms (%d samples)\n", depth,
              Percentile(deep, 0.5), Percentile(deep, 0.9), Percentile(deep, 0.99), samples);
  return 0;
}

// One connection, one request at a time: the latency of a GET with nothing
// else in flight. The ids are visited in turn, so that a large store is read
// all over rather than one cached order.
int GetLatency(unsigned short port, const std::string& token, const std::string& ids_file, int samples) {
  std::ifstream in(ids_file);
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) ids.push_back(line);
  }
  if (ids.empty()) {
    std::cerr << "no purchase order ids in " << ids_file << "\n";
    return 1;
  }
  Connection connection(port, token);
  TimeRequest(connection, "/v3/orders/" + ids[0]);  // warm-up
  std::vector<double> latencies;
  for (int i = 0; i < samples; ++i) {
    latencies.push_back(TimeRequest(connection, "/v3/orders/" + ids[static_cast<size_t>(i) % ids.size()]));
  }
  std::printf("GET /v3/orders/{id} over %zu orders: median %.2f ms, p90 %.2f ms, p99 %.2f ms (%d samples)\n",
              std::min(ids.size(), static_cast<size_t>(samples)), Percentile(latencies, 0.5),
              Percentile(latencies, 0.9), Percentile(latencies, 0.99), samples);
  return 0;
}

std::vector<unsigned short> ParsePorts(const std::string& text) {
  std::vector<unsigned short> ports;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    ports.push_back(static_cast<unsigned short>(std::stoi(text.substr(start, comma - start))));
    start = comma + 1;
  }
  return ports;
}

int Writes(const std::vector<unsigned short>& ports, const std::string& token, const std::string& file,
           int connections) {
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto orders = boost::json::parse(text).as_array();
  std::vector<std::string> ids;
  for (const auto& entry : orders) ids.emplace_back(entry.at("order").at("purchaseOrderId").as_string());
  std::atomic<size_t> next{0};
  std::atomic<long> ok{0}, failed{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < connections; ++c) {
    threads.emplace_back([&, c] {
      Connection connection(ports[static_cast<size_t>(c) % ports.size()], token);
      for (size_t i = next++; i < ids.size(); i = next++) {
        const std::string& po = ids[i];
        auto ack = connection.Send(http::verb::post, "/v3/orders/" + po + "/acknowledge");
        (ack.result_int() == 200 ? ok : failed)++;
        std::string ship =
            R"({"orderShipment":{"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[{"status":"Shipped","statusQuantity":{"unitOfMeasurement":"EACH","amount":"2"},"trackingInfo":{"shipDateTime":1716200000000,"carrierName":{"carrier":"UPS"},"methodCode":"Standard","trackingNumber":"1Z)" +
            po + R"(","trackingURL":"https://www.ups.com/track"}}]}}]}}})";
        auto shipped = connection.Send(http::verb::post, "/v3/orders/" + po + "/shipping", ship);
        (shipped.result_int() == 200 ? ok : failed)++;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("%ld durable writes (acknowledge + ship) in %.2f s over %d connections to %zu server%s: "
              "%.0f writes/s, %ld failed\n",
              ok.load(), seconds, connections, ports.size(), ports.size() == 1 ? "" : "s",
              static_cast<double>(ok.load()) / seconds, failed.load());
  return failed.load() == 0 ? 0 : 1;
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 3 && args[0] == "make-orders") return MakeOrders(std::stol(args[1]), args[2]);
  if (args.size() == 6 && args[0] == "list") {
    return ListLatency(static_cast<unsigned short>(std::stoi(args[1])), args[2], args[3], std::stoi(args[4]),
                       std::stoi(args[5]));
  }
  if (args.size() == 5 && args[0] == "get") {
    return GetLatency(static_cast<unsigned short>(std::stoi(args[1])), args[2], args[3], std::stoi(args[4]));
  }
  if (args.size() == 5 && args[0] == "writes") {
    return Writes(ParsePorts(args[1]), args[2], args[3], std::stoi(args[4]));
  }
  std::cerr << "usage: see the comment at the top of bench/http_bench.cc\n";
  return 2;
}
