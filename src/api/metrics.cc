#include "api/metrics.h"

#include "events/dispatcher.h"
#include "store/webhook_store.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ratelimit/rate_limiter.h"
#include "store/metered_store.h"

namespace mporders::api {
namespace {

using boost::beast::http::verb;

// Methods that get their own "unmatched" series; anything else is "other".
constexpr verb kUnmatchedMethods[] = {verb::get,    verb::post,    verb::put, verb::delete_,
                                      verb::patch,  verb::head,    verb::options};

// Resident set size from /proc/self/statm (pages), in bytes; -1 if unknown.
double ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  long long size = 0, resident = 0;
  if (!(statm >> size >> resident)) return -1;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

double OpenDescriptors() {
  std::error_code error;
  double count = 0;
  for (std::filesystem::directory_iterator it("/proc/self/fd", error), end; !error && it != end;
       it.increment(error)) {
    ++count;
  }
  return error ? -1 : count;
}

double MaxDescriptors() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return -1;
  return static_cast<double>(limit.rlim_cur);
}

}  // namespace

ApiMetrics::ApiMetrics() {
  for (verb method : kUnmatchedMethods) {
    auto slot = std::make_unique<Slot>();
    slot->route = "unmatched";
    slot->method = std::string(boost::beast::http::to_string(method));
    unmatched_.push_back(std::move(slot));
  }
  auto other = std::make_unique<Slot>();
  other->route = "unmatched";
  other->method = "other";
  unmatched_.push_back(std::move(other));
}

ApiMetrics::~ApiMetrics() = default;

void ApiMetrics::SetRoutes(const std::vector<RouteName>& routes) {
  routes_.clear();
  for (const RouteName& name : routes) {
    auto slot = std::make_unique<Slot>();
    slot->route = name.path_template;
    slot->method = std::string(boost::beast::http::to_string(name.method));
    routes_.push_back(std::move(slot));
  }
}

std::string_view ApiMetrics::RouteTemplate(int route_index) const {
  if (route_index < 0 || static_cast<std::size_t>(route_index) >= routes_.size()) return {};
  return routes_[static_cast<std::size_t>(route_index)]->route;
}

ApiMetrics::Slot& ApiMetrics::SlotFor(int route_index, verb method) {
  if (route_index >= 0 && static_cast<std::size_t>(route_index) < routes_.size()) {
    return *routes_[static_cast<std::size_t>(route_index)];
  }
  for (std::size_t i = 0; i < std::size(kUnmatchedMethods); ++i) {
    if (kUnmatchedMethods[i] == method) return *unmatched_[i];
  }
  return *unmatched_.back();
}

void ApiMetrics::Record(int route_index, verb method, unsigned status,
                        std::chrono::microseconds latency) {
  Slot& slot = SlotFor(route_index, method);
  if (status < kMinStatus || status > kMaxStatus) status = 500;
  slot.by_status[status - kMinStatus].fetch_add(1, std::memory_order_relaxed);
  slot.latency.ObserveMicros(latency.count());
}

void ApiMetrics::RecordTokenRequest(unsigned status) {
  if (status == 200) {
    tokens_issued_.Add();
  } else {
    token_refusals_[std::min<unsigned>(status / 100, 5)].Add();
  }
}

std::string ApiMetrics::Render() const {
  std::string out;
  out.reserve(16 * 1024);
  metrics::TextWriter writer(out);
  std::vector<const Slot*> slots;
  for (const auto& slot : routes_) slots.push_back(slot.get());
  for (const auto& slot : unmatched_) slots.push_back(slot.get());

  writer.Family("mporders_http_requests_total", "counter",
                "HTTP requests answered, by route template, method and status.");
  for (const Slot* slot : slots) {
    for (unsigned status = kMinStatus; status <= kMaxStatus; ++status) {
      const std::uint64_t count = slot->by_status[status - kMinStatus].load(std::memory_order_relaxed);
      if (count == 0) continue;
      const std::string code = std::to_string(status);
      writer.Sample("mporders_http_requests_total",
                    {{"route", slot->route}, {"method", slot->method}, {"status", code}}, count);
    }
  }
  writer.Family("mporders_http_request_duration_seconds", "histogram",
                "Time from reading a request's header to writing its response, by route.");
  for (const Slot* slot : slots) {
    const metrics::Histogram::Snapshot snapshot = slot->latency.Read();
    if (snapshot.count == 0) continue;
    writer.HistogramSamples("mporders_http_request_duration_seconds",
                            {{"route", slot->route}, {"method", slot->method}}, snapshot);
  }
  writer.Family("mporders_http_requests_in_flight", "gauge", "Requests being handled now.");
  writer.Sample("mporders_http_requests_in_flight", {}, static_cast<double>(in_flight_.Value()));

  writer.Family("mporders_tokens_issued_total", "counter", "Access tokens issued by POST /v3/token.");
  writer.Sample("mporders_tokens_issued_total", {}, tokens_issued_.Value());
  writer.Family("mporders_token_failures_total", "counter",
                "POST /v3/token requests refused, by status class.");
  for (std::size_t i = 0; i < token_refusals_.size(); ++i) {
    if (token_refusals_[i].Value() == 0) continue;
    const std::string status_class = std::to_string(i) + "xx";
    writer.Sample("mporders_token_failures_total", {{"status", status_class}},
                  token_refusals_[i].Value());
  }

  if (rate_limiter_ != nullptr) {
    writer.Family("mporders_rate_limit_rejections_total", "counter",
                  "Requests refused with 429 by the per-seller rate limits, by endpoint.");
    for (ratelimit::EndpointGroup group : ratelimit::kAllEndpointGroups) {
      writer.Sample("mporders_rate_limit_rejections_total",
                    {{"endpoint", ratelimit::EndpointGroupName(group)}},
                    rate_limiter_->Rejections(group));
    }
  }
  if (store_ != nullptr) store_->Render(writer);
  if (webhooks_ != nullptr) {
    auto counts = webhooks_->CountDeliveries();
    if (counts.ok()) {
      writer.Family("mporders_webhook_deliveries", "gauge",
                    "Webhook deliveries in the outbox, by status (PENDING and RETRYING: the "
                    "depth still to send).");
      for (DeliveryStatus status : {DeliveryStatus::kPending, DeliveryStatus::kRetrying,
                                    DeliveryStatus::kDelivered, DeliveryStatus::kFailed}) {
        std::int64_t n = 0;
        for (const auto& [which, count] : *counts) {
          if (which == status) n = count;
        }
        writer.Sample("mporders_webhook_deliveries", {{"status", DeliveryStatusName(status)}},
                      static_cast<double>(n));
      }
    }
  }
  if (deliveries_ != nullptr) {
    writer.Family("mporders_webhook_attempts_total", "counter",
                  "Webhook delivery attempts sent by this process, by result.");
    writer.Sample("mporders_webhook_attempts_total", {{"result", "delivered"}},
                  static_cast<double>(deliveries_->delivered.load()));
    writer.Sample("mporders_webhook_attempts_total", {{"result", "http_error"}},
                  static_cast<double>(deliveries_->http_error.load()));
    writer.Sample("mporders_webhook_attempts_total", {{"result", "no_answer"}},
                  static_cast<double>(deliveries_->no_answer.load()));
    writer.Family("mporders_webhook_deliveries_failed_total", "counter",
                  "Webhook deliveries this process gave up on after the last retry.");
    writer.Sample("mporders_webhook_deliveries_failed_total", {},
                  static_cast<double>(deliveries_->failed.load()));
  }

  writer.Family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
  writer.Sample("process_resident_memory_bytes", {}, ResidentBytes());
  writer.Family("process_open_fds", "gauge", "Number of open file descriptors.");
  writer.Sample("process_open_fds", {}, OpenDescriptors());
  writer.Family("process_max_fds", "gauge", "Maximum number of open file descriptors.");
  writer.Sample("process_max_fds", {}, MaxDescriptors());
  return out;
}

}  // namespace mporders::api
