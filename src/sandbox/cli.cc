#include "sandbox/cli.h"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "sandbox/http_call.h"
#include "sandbox/sandbox_options.h"
#include "sandbox/scenario.h"

namespace mporders::sandbox {
namespace {

namespace json = boost::json;

// One `mporders sandbox` operation: how it turns its options into a request.
struct Operation {
  CLI::App* command = nullptr;
  std::function<std::optional<std::string>(std::string& method, std::string& path,
                                           json::object& body,
                                           std::string& raw_body)>
      build;  // returns an error message, or nullopt
};

// "6d", "3h", "15m", "30s", "250ms" -> a clock/advance body member.
std::optional<std::pair<std::string, std::int64_t>> ParseDuration(const std::string& text) {
  static const std::pair<std::string_view, std::string_view> kUnits[] = {
      {"ms", "millis"}, {"d", "days"}, {"h", "hours"}, {"m", "minutes"}, {"s", "seconds"}};
  for (const auto& [suffix, member] : kUnits) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      const std::string number = text.substr(0, text.size() - suffix.size());
      if (number.find_first_not_of("0123456789") != std::string::npos) continue;
      return std::make_pair(std::string(member), std::stoll(number));
    }
  }
  return std::nullopt;
}

std::optional<std::string> ReadFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read " + path;
  std::stringstream text;
  text << in.rdbuf();
  out = text.str();
  return std::nullopt;
}

class Cli final : public SandboxCli {
 public:
  explicit Cli(CLI::App& app);
  std::optional<int> Run() override;

 private:
  void AddCommon(CLI::App* command, bool needs_seller = true);
  int Execute(const Operation& operation);

  std::string url_ = "http://127.0.0.1:8080";
  std::string key_;
  std::string seller_;
  // scenario run
  CLI::App* scenario_run_ = nullptr;
  std::string scenario_file_;
  // sandbox operations and their options
  std::vector<Operation> operations_;
  std::optional<std::int64_t> count_, seed_, lines_, quantity_, times_, status_, latency_ms_;
  std::optional<std::string> ship_node_type_, order_type_, order_, shipped_before_, set_time_,
      advance_, method_, path_, fraction_, file_, out_;
  std::vector<std::string> line_numbers_;
  std::optional<std::string> delivery_status_, event_type_, delivery_id_;
  std::optional<std::int64_t> limit_;
  bool all_failed_ = false;
  bool no_auto_cancel_ = false;
};

Cli::Cli(CLI::App& app) {
  auto* scenario = app.add_subcommand("scenario", "Play scenario files against a running server");
  scenario->require_subcommand(1);
  scenario_run_ = scenario->add_subcommand("run", "Run one scenario file (docs/scenarios.md)");
  scenario_run_->add_option("FILE", scenario_file_, "Scenario file (JSON)")
      ->required()
      ->check(CLI::ExistingFile);
  AddCommon(scenario_run_, false);

  auto* sandbox = app.add_subcommand(
      "sandbox", "Drive the sandbox control API of a running server (/sandbox/v1/)");
  sandbox->require_subcommand(1);
  auto add = [&](const char* name, const char* help, auto build) {
    CLI::App* command = sandbox->add_subcommand(name, help);
    AddCommon(command);
    operations_.push_back(Operation{command, build});
    return command;
  };

  auto* create = add("create-orders", "Create generated orders (or --file: Walmart order JSON)",
                     [this](std::string& method, std::string& path, json::object& body,
                            std::string& raw) -> std::optional<std::string> {
                       method = "POST";
                       path = "/orders";
                       if (file_) return ReadFile(*file_, raw);
                       if (count_) body["count"] = *count_;
                       if (seed_) body["seed"] = *seed_;
                       if (lines_) body["lines"] = *lines_;
                       if (quantity_) body["quantity"] = *quantity_;
                       if (ship_node_type_) body["shipNodeType"] = *ship_node_type_;
                       if (order_type_) body["orderType"] = *order_type_;
                       return std::nullopt;
                     });
  create->add_option("--count", count_, "How many orders (1-1000)");
  create->add_option("--seed", seed_, "Generator seed (same seed, same orders)");
  create->add_option("--lines", lines_, "Lines per order (1-20)");
  create->add_option("--quantity", quantity_, "Units per line (1-1000)");
  create->add_option("--ship-node-type", ship_node_type_,
                     "SellerFulfilled | WFSFulfilled | 3PLFulfilled");
  create->add_option("--order-type", order_type_, "REGULAR | REPLACEMENT");
  create->add_option("--file", file_, "A body of {\"order\":...} or {\"orders\":[...]}")
      ->check(CLI::ExistingFile);

  auto* deliver = add("deliver", "The carrier delivers shipped quantity",
                      [this](std::string& method, std::string& path, json::object& body,
                             std::string&) -> std::optional<std::string> {
                        method = "POST";
                        if (order_) {
                          path = "/orders/" + *order_ + "/deliver";
                        } else {
                          path = "/deliver";
                          if (shipped_before_) body["shippedBefore"] = *shipped_before_;
                        }
                        return std::nullopt;
                      });
  deliver->add_option("--order", order_, "One purchase order (all its Shipped units)");
  deliver->add_option("--shipped-before", shipped_before_,
                      "Every package shipped before this time (default: the seller's now)");

  auto* cancel = add("customer-cancel", "The customer asks to cancel lines (intentToCancel)",
                     [this](std::string& method, std::string& path, json::object& body,
                            std::string&) -> std::optional<std::string> {
                       method = "POST";
                       path = "/orders/" + order_.value_or("") + "/customer-cancel";
                       if (!line_numbers_.empty()) {
                         json::array lines;
                         for (const auto& line : line_numbers_) lines.emplace_back(line);
                         body["lineNumbers"] = std::move(lines);
                       }
                       return std::nullopt;
                     });
  cancel->add_option("--order", order_, "Purchase order id")->required();
  cancel->add_option("--line", line_numbers_, "Line number (repeatable; default: every open line)");

  add("auto-cancel", "Run Walmart's auto-cancel job at the seller's time",
      [](std::string& method, std::string& path, json::object&,
         std::string&) -> std::optional<std::string> {
        method = "POST";
        path = "/auto-cancel";
        return std::nullopt;
      });

  auto* clock = add("clock", "Read, set (--set) or advance (--advance) the seller's clock",
                    [this](std::string& method, std::string& path, json::object& body,
                           std::string&) -> std::optional<std::string> {
                      path = "/clock";
                      method = "GET";
                      if (set_time_ && advance_) return "give --set or --advance, not both";
                      if (set_time_) {
                        method = "PUT";
                        body["now"] = *set_time_;
                      } else if (advance_) {
                        auto duration = ParseDuration(*advance_);
                        if (!duration) return "--advance takes a duration such as 6d, 3h, 15m, 30s";
                        method = "POST";
                        path = "/clock/advance";
                        body[duration->first] = duration->second;
                      }
                      if (method != "GET" && no_auto_cancel_) body["autoCancel"] = false;
                      return std::nullopt;
                    });
  clock->add_option("--set", set_time_, "New time: ISO-8601 (2024-05-01T12:00:00Z) or epoch ms");
  clock->add_option("--advance", advance_, "Move forward by a duration: 6d, 3h, 15m, 30s, 250ms");
  clock->add_flag("--no-auto-cancel", no_auto_cancel_, "Do not run the auto-cancel job afterwards");

  auto* fault = add("fault-add", "Add a fault rule for the seller's Walmart API calls",
                    [this](std::string& method, std::string& path, json::object& body,
                           std::string&) -> std::optional<std::string> {
                      method = "POST";
                      path = "/faults";
                      body["path"] = path_.value_or("");
                      if (method_) body["method"] = *method_;
                      if (status_) body["status"] = *status_;
                      if (times_) body["times"] = *times_;
                      if (fraction_) {
                        boost::system::error_code ec;
                        json::value number = json::parse(*fraction_, ec);
                        if (ec || !number.is_number())
                          return "--fraction takes a number from 0 to 1";
                        body["fraction"] = number;
                      }
                      if (seed_) body["seed"] = *seed_;
                      if (latency_ms_) body["latencyMs"] = *latency_ms_;
                      return std::nullopt;
                    });
  fault
      ->add_option("--path", path_,
                   "Route pattern: /v3/orders*, /v3/orders/{purchaseOrderId}/shipping")
      ->required();
  fault->add_option("--method", method_, "HTTP method (default: any)");
  fault->add_option("--status", status_, "Status to answer with (400-599)");
  fault->add_option("--times", times_, "Fail the next N matching calls");
  fault->add_option("--fraction", fraction_, "Fail this share of matching calls (0-1)");
  fault->add_option("--seed", seed_, "Seed of the --fraction draws");
  fault->add_option("--latency-ms", latency_ms_, "Delay matching calls");
  add("fault-list", "List the seller's fault rules",
      [](std::string& method, std::string& path, json::object&,
         std::string&) -> std::optional<std::string> {
        method = "GET";
        path = "/faults";
        return std::nullopt;
      });
  add("fault-clear", "Remove every fault rule of the seller",
      [](std::string& method, std::string& path, json::object&,
         std::string&) -> std::optional<std::string> {
        method = "DELETE";
        path = "/faults";
        return std::nullopt;
      });
  add("reset", "Empty the seller: orders, clock offset and fault rules",
      [](std::string& method, std::string& path, json::object&,
         std::string&) -> std::optional<std::string> {
        method = "POST";
        path = "/reset";
        return std::nullopt;
      });
  auto* exporter = add("export", "Write the seller's snapshot (orders and clock)",
                       [](std::string& method, std::string& path, json::object&,
                          std::string&) -> std::optional<std::string> {
                         method = "GET";
                         path = "/snapshot";
                         return std::nullopt;
                       });
  exporter->add_option("--out", out_, "File to write (default: standard output)");
  auto* deliveries = add("deliveries", "List the seller's webhook deliveries, newest first",
                         [this](std::string& method, std::string& path, json::object&,
                                std::string&) -> std::optional<std::string> {
                           method = "GET";
                           path = "/deliveries";
                           std::string query;
                           auto append = [&](const char* name, const std::string& value) {
                             query += (query.empty() ? "?" : "&") + std::string(name) + "=" + value;
                           };
                           if (delivery_status_) append("status", *delivery_status_);
                           if (event_type_) append("eventType", *event_type_);
                           if (limit_) append("limit", std::to_string(*limit_));
                           path += query;
                           return std::nullopt;
                         });
  deliveries->add_option("--status", delivery_status_, "PENDING | RETRYING | DELIVERED | FAILED");
  deliveries->add_option("--event-type", event_type_, "PO_CREATED, PO_LINE_AUTOCANCELLED, ...");
  deliveries->add_option("--limit", limit_, "At most this many (1-500, default 50)");
  auto* replay = add(
      "replay", "Send a webhook delivery again (--delivery ID), or every FAILED one (--all-failed)",
      [this](std::string& method, std::string& path, json::object&,
             std::string&) -> std::optional<std::string> {
        method = "POST";
        if (delivery_id_.has_value() == all_failed_) {
          return "give --delivery ID or --all-failed";
        }
        path = delivery_id_ ? "/deliveries/" + *delivery_id_ + "/replay" : "/deliveries/replay";
        return std::nullopt;
      });
  replay->add_option("--delivery", delivery_id_, "Delivery id (from `sandbox deliveries`)");
  replay->add_flag("--all-failed", all_failed_, "Every FAILED delivery of the seller");

  auto* importer = add("import", "Replace the seller's state with a snapshot file",
                       [this](std::string& method, std::string& path, json::object&,
                              std::string& raw) -> std::optional<std::string> {
                         method = "PUT";
                         path = "/snapshot";
                         return ReadFile(file_.value_or(""), raw);
                       });
  importer->add_option("FILE", file_, "Snapshot file")->required()->check(CLI::ExistingFile);
}

void Cli::AddCommon(CLI::App* command, bool needs_seller) {
  command->add_option("--url", url_, "Server URL")->envname("MPORDERS_URL")->capture_default_str();
  command
      ->add_option("--sandbox-key", key_,
                   "Sandbox admin key [env MPORDERS_SANDBOX_KEY] (default: the demo key, as "
                   "serve --demo uses)")
      ->envname("MPORDERS_SANDBOX_KEY");
  if (needs_seller) command->add_option("--seller", seller_, "Seller id")->required();
}

int Cli::Execute(const Operation& operation) {
  std::string method, path, raw;
  json::object body;
  if (auto problem = operation.build(method, path, body, raw)) {
    std::cerr << "mporders: " << *problem << "\n";
    return 2;
  }
  auto server = ParseServerUrl(url_);
  if (!server.ok()) {
    std::cerr << "mporders: " << server.status().description() << "\n";
    return 2;
  }
  if (raw.empty() && method != "GET") raw = json::serialize(body);
  auto answer = HttpCall(*server, method, "/sandbox/v1/sellers/" + seller_ + path,
                         {{"X-Sandbox-Key", key_},
                          {"Content-Type", "application/json"},
                          {"Accept", "application/json"}},
                         raw);
  if (!answer.ok()) {
    std::cerr << "mporders: " << answer.status().description() << "\n";
    return 1;
  }
  const bool ok = answer->status >= 200 && answer->status < 300;
  if (ok && out_ && operation.command->get_name() == "export") {
    std::ofstream file(*out_, std::ios::binary);
    file << answer->body;
    file.close();
    if (!file) {
      std::cerr << "mporders: cannot write " << *out_ << "\n";
      return 1;
    }
    std::cout << "wrote " << *out_ << "\n";
    return 0;
  }
  (ok ? std::cout : std::cerr) << answer->body << (answer->body.ends_with('\n') ? "" : "\n");
  return ok ? 0 : 1;
}

std::optional<int> Cli::Run() {
  // No key given: the demo server's (serve --demo), so that the documented
  // commands work against `make run` as written. Another server refuses it
  // with 401.
  if (key_.empty()) key_ = kDemoSandboxKey;
  if (scenario_run_->parsed()) {
    return RunScenarioFile(scenario_file_, ScenarioOptions{url_, key_}, std::cout);
  }
  for (const Operation& operation : operations_) {
    if (operation.command->parsed()) return Execute(operation);
  }
  return std::nullopt;
}

}  // namespace

std::unique_ptr<SandboxCli> SandboxCli::Register(CLI::App& app) {
  return std::make_unique<Cli>(app);
}

}  // namespace mporders::sandbox
