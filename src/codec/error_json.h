#pragma once
// Walmart's error body, JSON form, in one of the envelopes Walmart has used
// (reference §4.1): the current documentation's flat list, the nested list of
// the Orders API of 2016-2021, or Mexico's single object.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mporders {

struct ErrorEntry {
  std::string code;         // e.g. NOT_FOUND.GMP_ORDER_API
  std::string field;        // omitted when empty
  std::string description;
  std::string info;
  std::string severity;     // INFO | WARN | ERROR
  std::string category;     // APPLICATION | SYSTEM | REQUEST | DATA
};

enum class JsonErrorEnvelope {
  kFlat,    // {"errors":[{code, field?, description, info, severity, category}]}
  kNested,  // {"errors":{"error":[{..., "causes":[], "errorIdentifiers":{"entry":[]}}]}}
  kSingle,  // {"error":{..., "errorIdentifiers":{"entry":[]}}} (Mexico; first error only)
};

// "flat", "nested", "single" <-> the envelope (configuration values).
std::string_view JsonErrorEnvelopeName(JsonErrorEnvelope envelope);
std::optional<JsonErrorEnvelope> ParseJsonErrorEnvelope(std::string_view name);

// REQUIRES: !errors.empty() for kSingle.
std::string EncodeErrorsJson(const std::vector<ErrorEntry>& errors,
                             JsonErrorEnvelope envelope = JsonErrorEnvelope::kFlat);

// Appends `text` as a JSON string literal (quotes included) with every
// character that JSON requires escaped.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace mporders
