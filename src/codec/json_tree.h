#pragma once
// A minimal JSON document tree for decoding. Unlike boost::json::value it
// keeps every number as the exact text that was sent, so money amounts are
// converted to minor units without passing through a double, and members the
// model does not know are written back as they came. Internal to codec/.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace mporders {

// Nesting deeper than this is rejected: orders nest about ten levels, and the
// limit bounds the recursion in every walk over the tree.
inline constexpr std::size_t kMaxJsonDepth = 64;

struct JsonNode {
  enum class Kind : std::uint8_t { kNull, kFalse, kTrue, kNumber, kString, kArray, kObject };

  Kind kind = Kind::kNull;
  // kString: the decoded text (UTF-8). kNumber: the literal exactly as written.
  std::string text;
  // kObject: member names in input order, parallel to `children`.
  std::vector<std::string> keys;
  // kArray: the elements. kObject: the member values.
  std::vector<JsonNode> children;

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsBool() const { return kind == Kind::kTrue || kind == Kind::kFalse; }
  bool IsNumber() const { return kind == Kind::kNumber; }
  bool IsString() const { return kind == Kind::kString; }
  bool IsArray() const { return kind == Kind::kArray; }
  bool IsObject() const { return kind == Kind::kObject; }
  // A number written without fraction or exponent.
  bool IsIntegerLiteral() const;

  // The value of member `key`, or nullptr. REQUIRES: IsObject().
  const JsonNode* Find(std::string_view key) const;
};

// Parses one complete JSON text (RFC 8259, UTF-8, no comments, nesting up to
// kMaxJsonDepth). Errors: kMalformedRequestContent when the text is not JSON,
// is nested too deeply or repeats a member name within one object.
Status ParseJsonTree(std::string_view json, JsonNode& root);

// Appends `node` as compact JSON; numbers are written as their original text.
void AppendJsonNode(std::string& out, const JsonNode& node);

// Compact JSON text of `node`.
std::string SerializeJsonNode(const JsonNode& node);

}  // namespace mporders
