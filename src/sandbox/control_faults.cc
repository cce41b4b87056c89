// Control API: fault rules of a seller (fault_rules.h).

#include <boost/algorithm/string/case_conv.hpp>

#include "api/errors.h"
#include "sandbox/body_json.h"
#include "sandbox/control_endpoints.h"
#include "sandbox/control_support.h"

namespace mporders::sandbox {
namespace {

boost::json::object RuleJson(const FaultRuleState& rule) {
  const FaultSpec& spec = rule.spec;
  boost::json::object out;
  out["id"] = rule.id;
  out["method"] = spec.method ? boost::json::value(*spec.method) : boost::json::value(nullptr);
  out["path"] = spec.path;
  out["status"] = spec.status;
  if (!spec.description.empty()) out["description"] = spec.description;
  boost::json::object headers;
  for (const auto& [name, value] : spec.headers) headers[name] = value;
  out["headers"] = std::move(headers);
  if (spec.times) out["times"] = *spec.times;
  if (spec.fraction_ppm) out["fraction"] = static_cast<double>(*spec.fraction_ppm) / 1e6;
  out["seed"] = spec.seed;
  out["latencyMs"] = spec.latency_ms;
  out["matched"] = rule.matched;
  out["fired"] = rule.fired;
  if (spec.times) out["remaining"] = *spec.times - rule.fired;
  return out;
}

Result<FaultSpec> DecodeFaultSpec(const JsonNode& body) {
  MP_RETURN_IF_ERROR(CheckMembers(body, {"method", "path", "status", "description", "headers",
                                         "times", "fraction", "seed", "latencyMs"}));
  FaultSpec spec;
  auto method = OptionalString(body, "method");
  if (!method.ok()) return method.status();
  if (*method && !(*method)->empty() && **method != "*") {
    spec.method = boost::algorithm::to_upper_copy(**method);
  }
  auto path = OptionalString(body, "path");
  if (!path.ok()) return path.status();
  spec.path = path->value_or("");
  auto status = OptionalInteger(body, "status", 0, 599);
  if (!status.ok()) return status.status();
  spec.status = static_cast<unsigned>(status->value_or(0));
  auto description = OptionalString(body, "description");
  if (!description.ok()) return description.status();
  spec.description = description->value_or("");
  if (const JsonNode* headers = body.Find("headers"); headers != nullptr && !headers->IsNull()) {
    if (!headers->IsObject()) {
      return Status::InvalidContent("headers must be an object of name: value", "headers");
    }
    for (std::size_t i = 0; i < headers->keys.size(); ++i) {
      if (!headers->children[i].IsString() && !headers->children[i].IsNumber()) {
        return Status::InvalidContent("header values must be strings", "headers");
      }
      spec.headers.emplace_back(headers->keys[i], headers->children[i].text);
    }
  }
  auto times = OptionalInteger(body, "times", 1, 1'000'000'000);
  if (!times.ok()) return times.status();
  spec.times = *times;
  auto fraction = OptionalFractionPpm(body, "fraction");
  if (!fraction.ok()) return fraction.status();
  spec.fraction_ppm = *fraction;
  auto seed = OptionalInteger(body, "seed", 0, INT64_MAX);
  if (!seed.ok()) return seed.status();
  spec.seed = static_cast<std::uint64_t>(seed->value_or(1));
  auto latency = OptionalInteger(body, "latencyMs", 0, 60'000);
  if (!latency.ok()) return latency.status();
  spec.latency_ms = latency->value_or(0);
  MP_RETURN_IF_ERROR(ValidateFaultSpec(spec));
  return spec;
}

boost::json::object RulesJson(Sandbox& sandbox, const std::string& seller_id) {
  boost::json::array rules;
  for (const auto& rule : sandbox.faults().List(seller_id)) rules.emplace_back(RuleJson(rule));
  boost::json::object out;
  out["sellerId"] = seller_id;
  out["rules"] = std::move(rules);
  return out;
}

}  // namespace

Reply GetFaults(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  co_return JsonValueReply(RulesJson(*control.sandbox, control.seller_id));
}

Reply PostFault(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  auto spec = DecodeFaultSpec(control.body);
  if (!spec.ok()) co_return api::ErrorReply(call, spec.status());
  FaultRuleState rule = control.sandbox->faults().Add(control.seller_id, std::move(spec).value());
  co_return JsonValueReply(RuleJson(rule), 201);
}

Reply DeleteFaults(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  const std::size_t removed = control.sandbox->faults().Clear(control.seller_id);
  boost::json::object out;
  out["sellerId"] = control.seller_id;
  out["removed"] = removed;
  co_return JsonValueReply(out);
}

Reply DeleteFault(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  std::string rule_id(call.request.PathParam("ruleId"));
  if (!control.sandbox->faults().Remove(control.seller_id, rule_id)) {
    co_return api::ErrorReply(
        call, Status::Error(ErrorCode::kUriNotFound,
                            "Seller " + control.seller_id + " has no fault rule " + rule_id + "."));
  }
  boost::json::object out;
  out["sellerId"] = control.seller_id;
  out["removed"] = 1;
  co_return JsonValueReply(out);
}

}  // namespace mporders::sandbox
