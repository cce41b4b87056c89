#pragma once
// Walmart's error body, JSON form: {"errors":[{code, field?, description, info,
// severity, category}]} (the envelope of the current documentation).

#include <string>
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

std::string EncodeErrorsJson(const std::vector<ErrorEntry>& errors);

// Appends `text` as a JSON string literal (quotes included) with every
// character that JSON requires escaped.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace mporders
