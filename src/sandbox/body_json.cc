#include "sandbox/body_json.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/time_format.h"

namespace mporders::sandbox {
namespace {

Status Bad(std::string_view key, const std::string& problem) {
  return Status::InvalidContent(std::string(key) + " " + problem, std::string(key));
}

}  // namespace

Result<JsonNode> ParseObjectBody(std::string_view body) {
  JsonNode root;
  root.kind = JsonNode::Kind::kObject;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return root;
  MP_RETURN_IF_ERROR(ParseJsonTree(body, root));
  if (!root.IsObject()) return Status::InvalidContent("The request body must be a JSON object.");
  return root;
}

Status CheckMembers(const JsonNode& object, std::initializer_list<std::string_view> known) {
  for (const std::string& key : object.keys) {
    bool found = false;
    for (auto name : known) found = found || key == name;
    if (!found) {
      std::string list;
      for (auto name : known) list += (list.empty() ? "" : ", ") + std::string(name);
      return Bad(key, "is not a member of this request (known: " + list + ")");
    }
  }
  return Status::Ok();
}

Result<std::optional<std::int64_t>> OptionalInteger(const JsonNode& object, std::string_view key,
                                                    std::int64_t min, std::int64_t max) {
  const JsonNode* node = object.Find(key);
  if (node == nullptr || node->IsNull()) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  const std::string& text = node->text;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!node->IsIntegerLiteral() || ec != std::errc() || end != text.data() + text.size() ||
      value < min || value > max) {
    return Bad(key,
               "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return std::optional<std::int64_t>(value);
}

Result<std::optional<std::string>> OptionalString(const JsonNode& object, std::string_view key) {
  const JsonNode* node = object.Find(key);
  if (node == nullptr || node->IsNull()) return std::optional<std::string>();
  if (!node->IsString()) return Bad(key, "must be a string");
  return std::optional<std::string>(node->text);
}

Result<std::optional<bool>> OptionalBool(const JsonNode& object, std::string_view key) {
  const JsonNode* node = object.Find(key);
  if (node == nullptr || node->IsNull()) return std::optional<bool>();
  if (!node->IsBool()) return Bad(key, "must be true or false");
  return std::optional<bool>(node->kind == JsonNode::Kind::kTrue);
}

Result<std::optional<EpochMillis>> OptionalInstant(const JsonNode& object, std::string_view key) {
  const JsonNode* node = object.Find(key);
  if (node == nullptr || node->IsNull()) return std::optional<EpochMillis>();
  if (node->IsNumber()) {
    auto millis = OptionalInteger(object, key, 0, 253402300799999);  // up to year 9999
    if (!millis.ok()) return millis.status();
    return *millis;
  }
  if (node->IsString()) {
    if (auto parsed = ParseDateTime(node->text)) return std::optional<EpochMillis>(*parsed);
  }
  return Bad(key,
             "must be epoch milliseconds or an ISO-8601 date-time such as 2024-05-01T12:00:00Z");
}

Result<std::optional<std::int64_t>> OptionalFractionPpm(const JsonNode& object,
                                                        std::string_view key) {
  const JsonNode* node = object.Find(key);
  if (node == nullptr || node->IsNull()) return std::optional<std::int64_t>();
  if (!node->IsNumber()) return Bad(key, "must be a number from 0 to 1");
  // A probability, not money: a double is exact enough, and the ppm result
  // is what the seeded draws compare against.
  const double value = std::strtod(node->text.c_str(), nullptr);
  if (!(value >= 0.0 && value <= 1.0)) return Bad(key, "must be a number from 0 to 1");
  return std::optional<std::int64_t>(std::llround(value * 1'000'000.0));
}

Result<std::optional<std::vector<std::string>>> OptionalStrings(const JsonNode& object,
                                                                std::string_view key) {
  const JsonNode* node = object.Find(key);
  if (node == nullptr || node->IsNull()) return std::optional<std::vector<std::string>>();
  if (!node->IsArray()) return Bad(key, "must be an array of strings");
  std::vector<std::string> values;
  for (const JsonNode& element : node->children) {
    if (!element.IsString()) return Bad(key, "must be an array of strings");
    values.push_back(element.text);
  }
  return std::optional<std::vector<std::string>>(std::move(values));
}

}  // namespace mporders::sandbox
