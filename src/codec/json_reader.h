#pragma once
// Typed access to the members of one decoded JSON object. Each member read is
// marked as used so that the others can be kept as Extras; every error names
// the offending member by its JSON path ("order.orderLines.orderLine[0].item.sku")
// and is kInvalidRequestContent. An explicit `null` counts as absent.
// Internal to codec/.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json_tree.h"
#include "core/clock.h"
#include "core/status.h"
#include "domain/order.h"

namespace mporders {

// "a.b" from ("a", "b"); "b" when the parent path is empty.
std::string JoinPath(std::string_view parent, std::string_view key);
// "a.b[3]".
std::string IndexPath(std::string_view array_path, std::size_t index);

Status MissingField(const std::string& path);
Status WrongType(const std::string& path, std::string_view expected);
Status EmptyList(const std::string& path);

// The elements of an array value, as pointers. A lone object stands for a
// one-element array (what XML-to-JSON converters produce for a single child).
// Errors: WrongType when `value` is neither.
Status ArrayElements(const JsonNode& value, const std::string& path,
                     std::vector<const JsonNode*>& out);

// Decodes one JSON value at `path` into a model object.
template <typename T>
using Decoder = Status (*)(const JsonNode& value, const std::string& path, T& out);

enum class ListRule { kMayBeEmpty, kNonEmpty };

class ObjectReader {
 public:
  // REQUIRES: node.IsObject(); `node` outlives the reader.
  ObjectReader(const JsonNode& node, std::string path);

  std::string PathOf(std::string_view key) const { return JoinPath(path_, key); }

  // The member's value, or nullptr when it is absent or null. Marks it used.
  const JsonNode* Get(std::string_view key);

  // Strings also accept a JSON number, taking its text (lenient clients send
  // `"lineNumber": 1`).
  Status String(std::string_view key, std::string& out);
  Status OptString(std::string_view key, std::optional<std::string>& out);
  // true/false, also the strings "true"/"false".
  Status OptBool(std::string_view key, std::optional<bool>& out);
  // A JSON integer or a string of one.
  Status OptInt64(std::string_view key, std::optional<std::int64_t>& out);
  // Epoch milliseconds: a JSON integer taken as milliseconds, or a string
  // ParseDateTime accepts (numeric epoch or ISO-8601).
  Status Date(std::string_view key, EpochMillis& out);
  Status OptDate(std::string_view key, std::optional<EpochMillis>& out);

  // Member `key` decoded by `decode` (which checks the value's type).
  template <typename T>
  Status Required(std::string_view key, Decoder<T> decode, T& out) {
    const JsonNode* value = Get(key);
    if (value == nullptr) return MissingField(PathOf(key));
    return decode(*value, PathOf(key), out);
  }
  template <typename T>
  Status Optional(std::string_view key, Decoder<T> decode, std::optional<T>& out) {
    const JsonNode* value = Get(key);
    out.reset();
    if (value == nullptr) return Status::Ok();
    return decode(*value, PathOf(key), out.emplace());
  }

  // A required wrapper member `key` of the form {"<inner>": [ ... ]}, such as
  // charges.charge[]; each element is decoded into `out`. With kMayBeEmpty an
  // absent inner array means no elements; with kNonEmpty it is an error, as
  // is an empty one. A lone object stands for a one-element array.
  template <typename T>
  Status List(std::string_view key, std::string_view inner, Decoder<T> decode, std::vector<T>& out,
              ListRule rule) {
    const JsonNode* wrapper = Get(key);
    const std::string wrapper_path = PathOf(key);
    if (wrapper == nullptr) return MissingField(wrapper_path);
    if (!wrapper->IsObject()) return WrongType(wrapper_path, "an object");
    const std::string array_path = JoinPath(wrapper_path, inner);
    std::vector<const JsonNode*> elements;
    const JsonNode* array = wrapper->Find(inner);
    if (array != nullptr && !array->IsNull()) {
      MP_RETURN_IF_ERROR(ArrayElements(*array, array_path, elements));
    } else if (rule == ListRule::kNonEmpty) {
      return MissingField(array_path);
    }
    if (elements.empty() && rule == ListRule::kNonEmpty) return EmptyList(array_path);
    out.clear();
    out.resize(elements.size());
    for (std::size_t i = 0; i < elements.size(); ++i) {
      MP_RETURN_IF_ERROR(decode(*elements[i], IndexPath(array_path, i), out[i]));
    }
    return Status::Ok();
  }

  // Members never read, in input order, as (name, compact JSON text).
  Extras TakeExtras() const;

 private:
  const JsonNode& node_;
  std::string path_;
  std::vector<bool> used_;
};

}  // namespace mporders
