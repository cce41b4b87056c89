#include "sandbox/scenario.h"

#include <boost/json.hpp>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "auth/crypto.h"
#include "sandbox/http_call.h"

namespace mporders::sandbox {
namespace {

namespace json = boost::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr int kBadScenario = 2;
constexpr int kFailed = 1;

// Members a step uses itself; everything else goes into the request body of
// a control step (a call step sends its own "body").
constexpr std::string_view kStepMembers[] = {"step", "save", "expect", "repeat", "purchaseOrderId",
                                             "note"};

struct Request {
  std::string method;
  std::string target;
  std::string body;
  bool seller_call = false;  // a Walmart API call with the seller's token
  Headers headers;
};

class Runner {
 public:
  Runner(ServerUrl server, ScenarioOptions options, std::ostream& out)
      : server_(std::move(server)), options_(std::move(options)), out_(out) {}

  int Run(const json::object& scenario);

 private:
  std::string Substitute(std::string_view text) const;
  json::value SubstituteAll(const json::value& value) const;
  std::string SellerPath(std::string_view rest) const {
    return "/sandbox/v1/sellers/" + seller_ + std::string(rest);
  }
  Result<Request> Build(const std::string& kind, const json::object& step);
  Result<HttpAnswer> Send(const Request& request);
  Result<std::string> Token();
  std::optional<std::string> Check(const json::object& step, const HttpAnswer& answer) const;

  ServerUrl server_;
  ScenarioOptions options_;
  std::ostream& out_;
  std::string seller_;
  std::string client_id_, client_secret_;
  std::optional<std::string> token_;
  std::map<std::string, std::string> variables_;
};

// "a.b[0].c" inside `root`; null when absent.
const json::value* FindPath(const json::value& root, std::string_view path) {
  const json::value* node = &root;
  while (!path.empty() && node != nullptr) {
    if (path.front() == '.') path.remove_prefix(1);
    if (path.empty()) break;  // "a." names "a"
    if (path.front() == '[') {
      const std::size_t close = path.find(']');
      if (close == std::string_view::npos || !node->is_array()) return nullptr;
      // The scenario file is the user's: a bad index is an absent field, not a throw.
      std::size_t index = 0;
      const std::string_view digits = path.substr(1, close - 1);
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (ec != std::errc() || end != digits.data() + digits.size()) return nullptr;
      const json::array& array = node->as_array();
      node = index < array.size() ? &array[index] : nullptr;
      path.remove_prefix(close + 1);
      continue;
    }
    const std::size_t end = path.find_first_of(".[");
    const std::string key(path.substr(0, end));
    path.remove_prefix(end == std::string_view::npos ? path.size() : end);
    if (!node->is_object()) return nullptr;
    node = node->as_object().if_contains(key);
  }
  return node;
}

bool SameValue(const json::value& expected, const json::value& actual) {
  if (expected.is_number() && actual.is_number()) {
    return expected.to_number<double>() == actual.to_number<double>();
  }
  return expected == actual;
}

std::string Excerpt(const std::string& body) {
  return body.size() > 400 ? body.substr(0, 400) + "..." : body;
}

std::string Runner::Substitute(std::string_view text) const {
  std::string out;
  while (!text.empty()) {
    const std::size_t open = text.find("${");
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(0, open));
    const std::string name(text.substr(open + 2, close - open - 2));
    auto it = variables_.find(name);
    out.append(it == variables_.end() ? "${" + name + "}" : it->second);
    text.remove_prefix(close + 1);
  }
  out.append(text);
  return out;
}

json::value Runner::SubstituteAll(const json::value& value) const {
  if (value.is_string()) return json::value(Substitute(value.as_string()));
  if (value.is_array()) {
    json::array out;
    for (const auto& element : value.as_array()) out.push_back(SubstituteAll(element));
    return out;
  }
  if (value.is_object()) {
    json::object out;
    for (const auto& [key, member] : value.as_object()) out[key] = SubstituteAll(member);
    return out;
  }
  return value;
}

Result<Request> Runner::Build(const std::string& kind, const json::object& step) {
  // The request body of a control step: the step's own members.
  json::object body;
  for (const auto& [key, member] : step) {
    bool own = false;
    for (auto name : kStepMembers) own = own || key == name;
    if (!own) body[key] = SubstituteAll(member);
  }
  std::string po;
  if (const json::value* id = step.if_contains("purchaseOrderId")) {
    if (!id->is_string()) return Status::InvalidContent("purchaseOrderId must be a string");
    po = Substitute(id->as_string());
  }
  auto control = [&](std::string method, std::string path) {
    return Request{std::move(method), SellerPath(path), json::serialize(body), false, {}};
  };
  if (kind == "reset") return control("POST", "/reset");
  if (kind == "set_time") return control("PUT", "/clock");
  if (kind == "advance_time") return control("POST", "/clock/advance");
  if (kind == "create_orders") return control("POST", "/orders");
  if (kind == "auto_cancel") return control("POST", "/auto-cancel");
  if (kind == "inject_fault") return control("POST", "/faults");
  if (kind == "clear_faults") return control("DELETE", "/faults");
  if (kind == "snapshot_import") return control("PUT", "/snapshot");
  if (kind == "deliver") {
    return po.empty() ? control("POST", "/deliver") : control("POST", "/orders/" + po + "/deliver");
  }
  if (kind == "customer_cancel") {
    if (po.empty()) return Status::InvalidContent("customer_cancel needs purchaseOrderId");
    return control("POST", "/orders/" + po + "/customer-cancel");
  }
  if (kind == "call") {
    const json::value* method = step.if_contains("method");
    const json::value* path = step.if_contains("path");
    if (method == nullptr || !method->is_string() || path == nullptr || !path->is_string()) {
      return Status::InvalidContent("a call step needs method and path strings");
    }
    Request request{std::string(method->as_string()), Substitute(path->as_string()), "", true, {}};
    if (const json::value* given = step.if_contains("body")) {
      request.body = given->is_string() ? Substitute(given->as_string())
                                        : json::serialize(SubstituteAll(*given));
      request.headers.emplace_back("Content-Type", "application/json");
    }
    if (const json::value* headers = step.if_contains("headers"); headers && headers->is_object()) {
      for (const auto& [name, value] : headers->as_object()) {
        if (value.is_string()) request.headers.emplace_back(name, Substitute(value.as_string()));
      }
    }
    return request;
  }
  return Status::InvalidContent(
      "unknown step '" + kind +
      "' (known: reset, set_time, advance_time, create_orders, deliver, customer_cancel, "
      "auto_cancel, inject_fault, clear_faults, snapshot_import, call)");
}

Result<std::string> Runner::Token() {
  if (token_) return *token_;
  Headers headers = {
      {"Authorization", "Basic " + auth::Base64Encode(client_id_ + ":" + client_secret_)},
      {"Content-Type", "application/x-www-form-urlencoded"},
      {"Accept", "application/json"},
      {"WM_QOS.CORRELATION_ID", "scenario"},
      {"WM_SVC.NAME", "mporders scenario"}};
  auto answer = HttpCall(server_, "POST", "/v3/token", headers, "grant_type=client_credentials");
  if (!answer.ok()) return answer.status();
  if (answer->status != 200) {
    return Status::Error(
        ErrorCode::kUnauthorized,
        "POST /v3/token answered " + std::to_string(answer->status) + ": " + Excerpt(answer->body));
  }
  boost::system::error_code ec;
  json::value parsed = json::parse(answer->body, ec);
  const json::value* access_token =
      ec || !parsed.is_object() ? nullptr : parsed.as_object().if_contains("access_token");
  if (access_token == nullptr || !access_token->is_string()) {
    return Status::Internal("POST /v3/token answered without an access_token");
  }
  token_ = std::string(access_token->as_string());
  return *token_;
}

Result<HttpAnswer> Runner::Send(const Request& request) {
  Headers headers = request.headers;
  headers.emplace_back("Accept", "application/json");
  if (request.seller_call) {
    auto token = Token();
    if (!token.ok()) return token.status();
    headers.emplace_back("WM_SEC.ACCESS_TOKEN", *token);
    headers.emplace_back("WM_QOS.CORRELATION_ID", "scenario-" + auth::RandomHex(4));
    headers.emplace_back("WM_SVC.NAME", "mporders scenario");
  } else {
    headers.emplace_back("X-Sandbox-Key", options_.sandbox_key);
    headers.emplace_back("Content-Type", "application/json");
  }
  return HttpCall(server_, request.method, request.target, headers, request.body);
}

// Why the answer does not meet the step's expectation; nullopt when it does.
// Without an expected status, any 2xx passes.
std::optional<std::string> Runner::Check(const json::object& step, const HttpAnswer& answer) const {
  const json::value* expect = step.if_contains("expect");
  const json::value* status =
      expect && expect->is_object() ? expect->as_object().if_contains("status") : nullptr;
  if (status != nullptr && status->is_int64()) {
    if (answer.status != status->as_int64()) {
      return "expected status " + std::to_string(status->as_int64()) + ", got " +
             std::to_string(answer.status) + ": " + Excerpt(answer.body);
    }
  } else if (answer.status < 200 || answer.status > 299) {
    return "expected a 2xx status, got " + std::to_string(answer.status) + ": " +
           Excerpt(answer.body);
  }
  const json::value* fields =
      expect && expect->is_object() ? expect->as_object().if_contains("fields") : nullptr;
  if (fields == nullptr || !fields->is_object()) return std::nullopt;
  boost::system::error_code ec;
  json::value body = json::parse(answer.body, ec);
  if (ec) return "expected a JSON body, got: " + Excerpt(answer.body);
  for (const auto& [path, expected] : fields->as_object()) {
    const json::value* actual = FindPath(body, path);
    const json::value wanted = SubstituteAll(expected);
    if (actual == nullptr) return "field " + std::string(path) + " is absent";
    if (!SameValue(wanted, *actual)) {
      return "field " + std::string(path) + ": expected " + json::serialize(wanted) + ", got " +
             json::serialize(*actual);
    }
  }
  return std::nullopt;
}

int Runner::Run(const json::object& scenario) {
  const json::value* seller = scenario.if_contains("seller");
  seller_ = seller && seller->is_string() ? std::string(seller->as_string()) : "scenario-seller";
  const json::value* steps = scenario.if_contains("steps");
  if (steps == nullptr || !steps->is_array()) {
    out_ << "not a scenario: \"steps\" must be an array\n";
    return kBadScenario;
  }
  if (const json::value* name = scenario.if_contains("name"); name && name->is_string()) {
    out_ << "scenario: " << name->as_string().c_str() << " (seller " << seller_ << ")\n";
  }
  // A client of its own for the seller, so the scenario needs no credentials.
  json::object credentials;
  credentials["clientId"] = "scenario-" + auth::RandomHex(6);
  credentials["clientSecret"] = auth::RandomHex(16);
  auto client =
      HttpCall(server_, "POST", SellerPath("/clients"),
               {{"X-Sandbox-Key", options_.sandbox_key}, {"Content-Type", "application/json"}},
               json::serialize(credentials));
  if (!client.ok() || client->status != 201) {
    out_ << "set-up failed: cannot create a client for seller " << seller_ << ": "
         << (client.ok() ? std::to_string(client->status) + " " + Excerpt(client->body)
                         : client.status().description())
         << "\n";
    return kBadScenario;
  }
  client_id_ = std::string(credentials["clientId"].as_string());
  client_secret_ = std::string(credentials["clientSecret"].as_string());

  const json::array& list = steps->as_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string label = "step " + std::to_string(i + 1) + "/" + std::to_string(list.size());
    if (!list[i].is_object() || !list[i].as_object().contains("step") ||
        !list[i].at("step").is_string()) {
      out_ << label << ": not a step (an object with a \"step\" name)\n";
      return kBadScenario;
    }
    const json::object& step = list[i].as_object();
    const std::string kind(step.at("step").as_string());
    auto request = Build(kind, step);
    if (!request.ok()) {
      out_ << label << " " << kind << ": " << request.status().description() << "\n";
      return kBadScenario;
    }
    std::int64_t repeat = 1;
    if (const json::value* times = step.if_contains("repeat"); times && times->is_int64()) {
      repeat = std::max<std::int64_t>(1, times->as_int64());
    }
    out_ << label << " " << kind << ": " << request->method << " " << request->target;
    if (const json::value* note = step.if_contains("note"); note && note->is_string()) {
      out_ << "  # " << note->as_string().c_str();
    }
    out_ << "\n";
    for (std::int64_t n = 0; n < repeat; ++n) {
      auto answer = Send(*request);
      if (!answer.ok()) {
        out_ << "  FAILED: " << answer.status().description() << "\n";
        return answer.status().code() == ErrorCode::kUnavailable ? kBadScenario : kFailed;
      }
      if (auto problem = Check(step, *answer)) {
        out_ << "  FAILED: " << *problem << "\n";
        return kFailed;
      }
      out_ << "  " << answer->status << " ok\n";
      if (kind == "create_orders" && step.contains("save") && step.at("save").is_string()) {
        boost::system::error_code ec;
        json::value body = json::parse(answer->body, ec);
        const std::string name(step.at("save").as_string());
        if (!ec && body.is_object() && body.as_object().contains("purchaseOrderIds")) {
          const json::array& ids = body.at("purchaseOrderIds").as_array();
          for (std::size_t k = 0; k < ids.size(); ++k) {
            variables_[name + "." + std::to_string(k)] = std::string(ids[k].as_string());
          }
          if (!ids.empty()) variables_[name] = std::string(ids[0].as_string());
        }
      }
    }
    // A token may have expired on the seller's new time: fetch a new one when needed.
    if (kind == "set_time" || kind == "advance_time" || kind == "reset" ||
        kind == "snapshot_import") {
      token_.reset();
    }
  }
  out_ << "passed: " << list.size() << " steps\n";
  return 0;
}

}  // namespace

int RunScenarioFile(const std::string& path, const ScenarioOptions& options, std::ostream& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out << "cannot read " << path << "\n";
    return kBadScenario;
  }
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  json::value scenario = json::parse(text.str(), ec);
  if (ec || !scenario.is_object()) {
    out << path << " is not a JSON object" << (ec ? ": " + ec.message() : "") << "\n";
    return kBadScenario;
  }
  auto server = ParseServerUrl(options.url);
  if (!server.ok()) {
    out << server.status().description() << "\n";
    return kBadScenario;
  }
  Runner runner(*server, options, out);
  return runner.Run(scenario.as_object());
}

}  // namespace mporders::sandbox
