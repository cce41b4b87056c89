#include "codec/json_tree.h"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <new>
#include <utility>

#include "codec/error_json.h"

namespace mporders {
namespace {

using boost::json::error_code;
using boost::json::string_view;

// Objects with more members than this are checked for repeated names by
// sorting rather than by comparing every pair.
constexpr std::size_t kPairwiseDuplicateCheckLimit = 16;

// SAX handler for boost::json::basic_parser that builds a JsonNode tree.
// Containers under construction live on `stack_`; a finished value is moved
// into its parent (or becomes the root).
class TreeBuilder {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }

  bool on_object_begin(error_code&) { return Open(JsonNode::Kind::kObject); }
  bool on_object_end(std::size_t, error_code& ec) {
    if (HasDuplicateKey(stack_.back())) {
      // Which of two values the sender meant is unknowable; refuse the document.
      ec = boost::json::error::syntax;
      duplicate_key_ = true;
      return false;
    }
    return Close();
  }
  bool on_array_begin(error_code&) { return Open(JsonNode::Kind::kArray); }
  bool on_array_end(std::size_t, error_code&) { return Close(); }

  bool on_key_part(string_view s, std::size_t, error_code&) {
    buffer_.append(s.data(), s.size());
    return true;
  }
  bool on_key(string_view s, std::size_t, error_code&) {
    buffer_.append(s.data(), s.size());
    stack_.back().keys.push_back(TakeBuffer());
    return true;
  }
  bool on_string_part(string_view s, std::size_t, error_code&) {
    buffer_.append(s.data(), s.size());
    return true;
  }
  bool on_string(string_view s, std::size_t, error_code&) {
    buffer_.append(s.data(), s.size());
    return AddScalar(JsonNode::Kind::kString, TakeBuffer());
  }

  // Numbers: only the text matters; the parser's converted value is ignored.
  bool on_number_part(string_view s, error_code&) {
    buffer_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t, string_view s, error_code&) { return AddNumber(s); }
  bool on_uint64(std::uint64_t, string_view s, error_code&) { return AddNumber(s); }
  bool on_double(double, string_view s, error_code&) { return AddNumber(s); }

  bool on_bool(bool b, error_code&) {
    return AddScalar(b ? JsonNode::Kind::kTrue : JsonNode::Kind::kFalse, {});
  }
  bool on_null(error_code&) { return AddScalar(JsonNode::Kind::kNull, {}); }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }

  JsonNode& root() { return root_; }
  bool duplicate_key() const { return duplicate_key_; }
  const std::string& duplicate_name() const { return duplicate_name_; }

 private:
  bool Open(JsonNode::Kind kind) {
    stack_.emplace_back();
    stack_.back().kind = kind;
    return true;
  }

  bool Close() {
    JsonNode done = std::move(stack_.back());
    stack_.pop_back();
    Attach(std::move(done));
    return true;
  }

  bool AddNumber(string_view last_part) {
    buffer_.append(last_part.data(), last_part.size());
    return AddScalar(JsonNode::Kind::kNumber, TakeBuffer());
  }

  bool AddScalar(JsonNode::Kind kind, std::string text) {
    JsonNode node;
    node.kind = kind;
    node.text = std::move(text);
    Attach(std::move(node));
    return true;
  }

  void Attach(JsonNode&& node) {
    if (stack_.empty()) {
      root_ = std::move(node);
    } else {
      stack_.back().children.push_back(std::move(node));
    }
  }

  std::string TakeBuffer() {
    std::string text = std::move(buffer_);
    buffer_.clear();
    return text;
  }

  bool HasDuplicateKey(const JsonNode& object) {
    const auto& keys = object.keys;
    if (keys.size() <= kPairwiseDuplicateCheckLimit) {
      for (std::size_t i = 1; i < keys.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (keys[i] == keys[j]) {
            duplicate_name_ = keys[i];
            return true;
          }
        }
      }
      return false;
    }
    std::vector<std::string_view> sorted(keys.begin(), keys.end());
    std::sort(sorted.begin(), sorted.end());
    auto it = std::adjacent_find(sorted.begin(), sorted.end());
    if (it == sorted.end()) return false;
    duplicate_name_ = std::string(*it);
    return true;
  }

  std::vector<JsonNode> stack_;
  std::string buffer_;
  JsonNode root_;
  bool duplicate_key_ = false;
  std::string duplicate_name_;
};

Status Malformed(std::string description) {
  return Status::Error(ErrorCode::kMalformedRequestContent, std::move(description), "data");
}

}  // namespace

bool JsonNode::IsIntegerLiteral() const {
  return kind == Kind::kNumber && text.find_first_of(".eE") == std::string::npos;
}

const JsonNode* JsonNode::Find(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &children[i];
  }
  return nullptr;
}

Status ParseJsonTree(std::string_view json, JsonNode& root) {
  try {
    boost::json::parse_options options;
    options.max_depth = kMaxJsonDepth;
    boost::json::basic_parser<TreeBuilder> parser(options);
    error_code ec;
    const std::size_t used = parser.write_some(false, json.data(), json.size(), ec);
    if (parser.handler().duplicate_key()) {
      return Malformed("Request content is not valid JSON: member '" +
                       parser.handler().duplicate_name() + "' appears twice in one object.");
    }
    if (ec == boost::json::error::too_deep) {
      return Malformed("Request content is nested more than " + std::to_string(kMaxJsonDepth) +
                       " levels deep.");
    }
    if (!ec && used < json.size()) ec = boost::json::error::extra_data;
    if (ec) {
      return Malformed("Request content is not valid JSON: " + ec.message() + " at offset " +
                       std::to_string(used) + ".");
    }
    root = std::move(parser.handler().root());
    return Status::Ok();
  } catch (const std::bad_alloc&) {
    return Status::Error(ErrorCode::kPayloadTooLarge, "Request content is too large to parse.");
  }
}

void AppendJsonNode(std::string& out, const JsonNode& node) {
  switch (node.kind) {
    case JsonNode::Kind::kNull:
      out.append("null");
      return;
    case JsonNode::Kind::kFalse:
      out.append("false");
      return;
    case JsonNode::Kind::kTrue:
      out.append("true");
      return;
    case JsonNode::Kind::kNumber:
      out.append(node.text);
      return;
    case JsonNode::Kind::kString:
      AppendJsonString(out, node.text);
      return;
    case JsonNode::Kind::kArray:
      out.push_back('[');
      for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out.push_back(',');
        AppendJsonNode(out, node.children[i]);
      }
      out.push_back(']');
      return;
    case JsonNode::Kind::kObject:
      out.push_back('{');
      for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out.push_back(',');
        AppendJsonString(out, node.keys[i]);
        out.push_back(':');
        AppendJsonNode(out, node.children[i]);
      }
      out.push_back('}');
      return;
  }
}

std::string SerializeJsonNode(const JsonNode& node) {
  std::string out;
  AppendJsonNode(out, node);
  return out;
}

}  // namespace mporders
