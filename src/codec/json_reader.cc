#include "codec/json_reader.h"

#include <utility>

#include "codec/json_number.h"
#include "core/time_format.h"

namespace mporders {
namespace {

Status ReadString(const JsonNode& value, const std::string& path, std::string& out) {
  if (!value.IsString() && !value.IsNumber()) return WrongType(path, "a string");
  out = value.text;
  return Status::Ok();
}

Status ReadDate(const JsonNode& value, const std::string& path, EpochMillis& out) {
  constexpr std::string_view kExpected = "epoch milliseconds or an ISO-8601 date-time";
  if (value.IsNumber()) {
    // The wire type is int64 milliseconds; a number is taken as such.
    const ParsedNumber number = ParseInteger(value.text);
    if (!number.ok()) return WrongType(path, kExpected);
    out = number.value;
    return Status::Ok();
  }
  if (value.IsString()) {
    const std::optional<EpochMillis> parsed = ParseDateTime(value.text);
    if (!parsed) return WrongType(path, kExpected);
    out = *parsed;
    return Status::Ok();
  }
  return WrongType(path, kExpected);
}

}  // namespace

std::string JoinPath(std::string_view parent, std::string_view key) {
  std::string path;
  path.reserve(parent.size() + 1 + key.size());
  path.append(parent);
  if (!parent.empty()) path.push_back('.');
  path.append(key);
  return path;
}

std::string IndexPath(std::string_view array_path, std::size_t index) {
  std::string path(array_path);
  path.push_back('[');
  path.append(std::to_string(index));
  path.push_back(']');
  return path;
}

Status MissingField(const std::string& path) {
  return Status::InvalidContent("Required field '" + path + "' is missing.", path);
}

Status WrongType(const std::string& path, std::string_view expected) {
  return Status::InvalidContent("Field '" + path + "' must be " + std::string(expected) + ".",
                                path);
}

Status EmptyList(const std::string& path) {
  return Status::InvalidContent("Field '" + path + "' must contain at least one element.", path);
}

ObjectReader::ObjectReader(const JsonNode& node, std::string path)
    : node_(node), path_(std::move(path)), used_(node.keys.size(), false) {}

const JsonNode* ObjectReader::Get(std::string_view key) {
  for (std::size_t i = 0; i < node_.keys.size(); ++i) {
    if (node_.keys[i] == key) {
      used_[i] = true;
      const JsonNode& value = node_.children[i];
      return value.IsNull() ? nullptr : &value;
    }
  }
  return nullptr;
}

Status ObjectReader::String(std::string_view key, std::string& out) {
  const JsonNode* value = Get(key);
  if (value == nullptr) return MissingField(PathOf(key));
  return ReadString(*value, PathOf(key), out);
}

Status ObjectReader::OptString(std::string_view key, std::optional<std::string>& out) {
  const JsonNode* value = Get(key);
  if (value == nullptr) {
    out.reset();
    return Status::Ok();
  }
  MP_RETURN_IF_ERROR(ReadString(*value, PathOf(key), out.emplace()));
  return Status::Ok();
}

Status ObjectReader::OptBool(std::string_view key, std::optional<bool>& out) {
  const JsonNode* value = Get(key);
  out.reset();
  if (value == nullptr) return Status::Ok();
  if (value->IsBool()) {
    out = value->kind == JsonNode::Kind::kTrue;
  } else if (value->IsString() && (value->text == "true" || value->text == "false")) {
    out = value->text == "true";
  } else {
    return WrongType(PathOf(key), "true or false");
  }
  return Status::Ok();
}

Status ObjectReader::OptInt64(std::string_view key, std::optional<std::int64_t>& out) {
  const JsonNode* value = Get(key);
  out.reset();
  if (value == nullptr) return Status::Ok();
  if (!value->IsNumber() && !value->IsString()) return WrongType(PathOf(key), "an integer");
  const ParsedNumber number = ParseInteger(value->text);
  if (!number.ok()) return WrongType(PathOf(key), "an integer");
  out = number.value;
  return Status::Ok();
}

Status ObjectReader::Date(std::string_view key, EpochMillis& out) {
  const JsonNode* value = Get(key);
  if (value == nullptr) return MissingField(PathOf(key));
  return ReadDate(*value, PathOf(key), out);
}

Status ObjectReader::OptDate(std::string_view key, std::optional<EpochMillis>& out) {
  const JsonNode* value = Get(key);
  if (value == nullptr) {
    out.reset();
    return Status::Ok();
  }
  MP_RETURN_IF_ERROR(ReadDate(*value, PathOf(key), out.emplace()));
  return Status::Ok();
}

Extras ObjectReader::TakeExtras() const {
  Extras extras;
  for (std::size_t i = 0; i < node_.keys.size(); ++i) {
    if (!used_[i]) extras.emplace_back(node_.keys[i], SerializeJsonNode(node_.children[i]));
  }
  return extras;
}

Status ArrayElements(const JsonNode& value, const std::string& path,
                     std::vector<const JsonNode*>& out) {
  out.clear();
  if (value.IsObject()) {
    out.push_back(&value);
    return Status::Ok();
  }
  if (!value.IsArray()) return WrongType(path, "an array");
  out.reserve(value.children.size());
  for (const JsonNode& element : value.children) out.push_back(&element);
  return Status::Ok();
}

}  // namespace mporders
