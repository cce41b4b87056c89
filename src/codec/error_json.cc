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

std::string_view JsonErrorEnvelopeName(JsonErrorEnvelope envelope) {
  switch (envelope) {
    case JsonErrorEnvelope::kFlat:
      return "flat";
    case JsonErrorEnvelope::kNested:
      return "nested";
    case JsonErrorEnvelope::kSingle:
      return "single";
  }
  return "flat";
}

std::optional<JsonErrorEnvelope> ParseJsonErrorEnvelope(std::string_view name) {
  for (auto envelope :
       {JsonErrorEnvelope::kFlat, JsonErrorEnvelope::kNested, JsonErrorEnvelope::kSingle}) {
    if (name == JsonErrorEnvelopeName(envelope)) return envelope;
  }
  return std::nullopt;
}

std::string EncodeErrorsJson(const std::vector<ErrorEntry>& errors, JsonErrorEnvelope envelope) {
  std::string out;
  out.reserve(64 + errors.size() * 256);
  const bool nested = envelope == JsonErrorEnvelope::kNested;
  const bool single = envelope == JsonErrorEnvelope::kSingle;
  out.append(single ? "{\"error\":" : nested ? "{\"errors\":{\"error\":[" : "{\"errors\":[");
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const ErrorEntry& e = errors[i];
    if (i > 0) out.push_back(',');
    AppendMember(out, "{\"code\":", e.code);
    if (!e.field.empty()) AppendMember(out, ",\"field\":", e.field);
    AppendMember(out, ",\"description\":", e.description);
    AppendMember(out, ",\"info\":", e.info);
    AppendMember(out, ",\"severity\":", e.severity);
    AppendMember(out, ",\"category\":", e.category);
    // The older envelopes always carried these two, empty; clients that
    // model them as required fields fail without them.
    if (nested) out.append(",\"causes\":[]");
    if (nested || single) out.append(",\"errorIdentifiers\":{\"entry\":[]}");
    out.push_back('}');
    if (single) break;
  }
  out.append(single ? "}" : nested ? "]}}" : "]}");
  return out;
}

}  // namespace mporders
