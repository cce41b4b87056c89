#include "codec/error_json.h"

#include "codec/json_writer.h"

namespace mporders {
namespace {

void AppendMember(std::string& out, const char* key_colon, std::string_view value) {
  out.append(key_colon);
  AppendJsonString(out, value);
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  JsonWriter writer(out, text.size() + 2);
  writer.String(text);
}

std::string EncodeErrorsJson(const std::vector<ErrorEntry>& errors) {
  std::string out;
  out.reserve(64 + errors.size() * 256);
  out.append("{\"errors\":[");
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const ErrorEntry& e = errors[i];
    if (i > 0) out.push_back(',');
    AppendMember(out, "{\"code\":", e.code);
    if (!e.field.empty()) AppendMember(out, ",\"field\":", e.field);
    AppendMember(out, ",\"description\":", e.description);
    AppendMember(out, ",\"info\":", e.info);
    AppendMember(out, ",\"severity\":", e.severity);
    AppendMember(out, ",\"category\":", e.category);
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

}  // namespace mporders
