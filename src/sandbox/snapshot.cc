#include "sandbox/snapshot.h"

#include <charconv>
#include <cstdint>
#include <set>

#include "codec/error_json.h"  // AppendJsonString
#include "codec/json_tree.h"
#include "codec/order_json.h"
#include "domain/invariants.h"
#include "sandbox/seller_clock.h"

namespace mporders::sandbox {
namespace {

constexpr char kFormat[] = "mporders-sandbox-snapshot";
constexpr std::int64_t kVersion = 1;

Status NotASnapshot(const std::string& why, const std::string& field) {
  return Status::InvalidContent("Not an mporders sandbox snapshot: " + why, field);
}

// Order versions only count up from 1; the bound keeps the store's
// version + 1 on the next change from overflowing.
constexpr std::int64_t kMaxVersion = 1'000'000'000'000'000LL;

// An integer member from `min` to `max`, written without fraction or exponent.
Result<std::int64_t> IntegerMember(const JsonNode& object, std::string_view key,
                                   std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX) {
  const JsonNode* node = object.Find(key);
  std::int64_t value = 0;
  if (node == nullptr || !node->IsIntegerLiteral()) {
    return NotASnapshot(std::string(key) + " must be an integer", std::string(key));
  }
  auto [end, ec] = std::from_chars(node->text.data(), node->text.data() + node->text.size(), value);
  if (ec != std::errc() || end != node->text.data() + node->text.size() || value < min ||
      value > max) {
    return NotASnapshot(std::string(key) + " is out of range", std::string(key));
  }
  return value;
}

}  // namespace

std::string EncodeSnapshot(const SellerSnapshot& snapshot) {
  std::string out = R"({"format":")" + std::string(kFormat) + R"(","version":)" +
                    std::to_string(kVersion) + R"(,"sellerId":)";
  AppendJsonString(out, snapshot.seller_id);
  out += R"(,"clockOffsetMillis":)" + std::to_string(snapshot.clock_offset) + R"(,"orders":[)";
  bool first = true;
  for (const StoredOrder& stored : snapshot.orders) {
    if (!first) out += ',';
    first = false;
    out += "\n{\"lastModified\":" + std::to_string(stored.last_modified) +
           ",\"version\":" + std::to_string(stored.version) + ",\"order\":";
    AppendOrderJson(out, stored.order, OrderView::Full());
    out += '}';
  }
  out += "]}\n";
  return out;
}

Result<SellerSnapshot> DecodeSnapshot(std::string_view json, const std::string& seller_id) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonTree(json, root));
  if (!root.IsObject()) return NotASnapshot("the document must be a JSON object", "format");
  const JsonNode* format = root.Find("format");
  if (format == nullptr || !format->IsString() || format->text != kFormat) {
    return NotASnapshot(std::string("format must be \"") + kFormat + "\"", "format");
  }
  auto version = IntegerMember(root, "version");
  if (!version.ok()) return version.status();
  if (*version != kVersion) {
    return NotASnapshot("version " + std::to_string(*version) + " is not supported (1 is)",
                        "version");
  }
  SellerSnapshot snapshot;
  snapshot.seller_id = seller_id;
  auto offset =
      IntegerMember(root, "clockOffsetMillis", -kMaxClockOffsetMillis, kMaxClockOffsetMillis);
  if (!offset.ok()) return offset.status();
  snapshot.clock_offset = *offset;
  const JsonNode* orders = root.Find("orders");
  if (orders == nullptr || !orders->IsArray())
    return NotASnapshot("orders must be an array", "orders");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < orders->children.size(); ++i) {
    const JsonNode& entry = orders->children[i];
    const std::string where = "orders[" + std::to_string(i) + "]";
    if (!entry.IsObject()) return NotASnapshot(where + " must be an object", where);
    const JsonNode* order = entry.Find("order");
    if (order == nullptr || !order->IsObject()) {
      return NotASnapshot(where + ".order must be an order object", where + ".order");
    }
    StoredOrder stored;
    stored.seller_id = seller_id;
    auto last_modified = IntegerMember(entry, "lastModified");
    if (!last_modified.ok()) return last_modified.status();
    auto stored_version = IntegerMember(entry, "version", 0, kMaxVersion);
    if (!stored_version.ok()) return stored_version.status();
    stored.last_modified = *last_modified;
    stored.version = *stored_version;
    auto decoded = DecodeOrderJson(SerializeJsonNode(*order));
    if (!decoded.ok()) {
      return Status::InvalidContent(where + ": " + decoded.status().description(),
                                    decoded.status().field());
    }
    Status consistent = CheckInvariants(*decoded);
    if (!consistent.ok()) {
      return Status::InvalidContent(where + ": " + consistent.description(), where);
    }
    if (!ids.insert(decoded->purchase_order_id).second) {
      return Status::InvalidContent(
          where + ": purchaseOrderId " + decoded->purchase_order_id + " appears twice",
          "purchaseOrderId");
    }
    stored.order = std::move(decoded).value();
    snapshot.orders.push_back(std::move(stored));
  }
  return snapshot;
}

}  // namespace mporders::sandbox
