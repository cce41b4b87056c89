#include "api/list_query.h"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <vector>

#include "auth/crypto.h"
#include "core/time_format.h"
#include "http/ascii_case.h"
#include "http/query_string.h"

namespace mporders::api {
namespace {

using http::AsciiIEquals;

constexpr const char* kShipNodeTypes[] = {"SellerFulfilled", "WFSFulfilled", "3PLFulfilled"};
constexpr const char* kOrderTypes[] = {"REGULAR", "REPLACEMENT"};

Status BadParam(const std::string& name, const std::string& why) {
  return Status::InvalidParam("Invalid value for query parameter '" + name + "': " + why, name);
}

const std::string* Find(const http::QueryParams& params, std::string_view name) {
  for (const auto& [key, value] : params) {
    if (key == name) return &value;
  }
  return nullptr;
}

Result<std::optional<std::int64_t>> IntParam(const http::QueryParams& params, const std::string& name,
                                             std::int64_t min, std::int64_t max) {
  const std::string* text = Find(params, name);
  if (text == nullptr) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || text->empty()) {
    return BadParam(name, "'" + *text + "' is not a whole number.");
  }
  if (value < min || value > max) {
    return BadParam(name, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                              ", got " + *text + ".");
  }
  return std::optional<std::int64_t>(value);
}

Result<std::optional<EpochMillis>> DateParam(const http::QueryParams& params, const std::string& name) {
  const std::string* text = Find(params, name);
  if (text == nullptr) return std::optional<EpochMillis>();
  auto value = ParseDateTime(*text);
  // Dates are repeated in the nextCursor as ISO-8601 text: an epoch value
  // whose year has more than four digits would make a cursor that does not
  // parse.
  if (value && ParseDateTime(FormatIsoMillis(*value)) != value) value.reset();
  if (!value) {
    return BadParam(name, "'" + *text +
                              "' is not a date. Use yyyy-MM-dd or an ISO-8601 date-time such as "
                              "2020-03-16T10:30:15Z.");
  }
  return std::optional<EpochMillis>(*value);
}

Result<bool> BoolValue(const http::QueryParams& params, const std::string& name) {
  const std::string* text = Find(params, name);
  if (text == nullptr) return false;
  if (AsciiIEquals(*text, "true")) return true;
  if (AsciiIEquals(*text, "false")) return false;
  return BadParam(name, "must be true or false, got '" + *text + "'.");
}

// A value from a fixed set, matched case-insensitively, returned canonical.
template <size_t N>
Result<std::optional<std::string>> EnumParam(const http::QueryParams& params, const std::string& name,
                                             const char* const (&allowed)[N]) {
  const std::string* text = Find(params, name);
  if (text == nullptr) return std::optional<std::string>();
  std::string list;
  for (const char* value : allowed) {
    if (AsciiIEquals(*text, value)) return std::optional<std::string>(value);
    list += (list.empty() ? "" : ", ") + std::string(value);
  }
  return BadParam(name, "'" + *text + "' is not one of " + list + ".");
}

std::string EncodeKey(const PageKey& key) {
  return auth::Base64UrlEncode(std::to_string(key.order_date) + "|" + key.purchase_order_id);
}

std::optional<PageKey> DecodeKey(const std::string& text) {
  auto raw = auth::Base64UrlDecode(text);
  if (!raw) return std::nullopt;
  size_t bar = raw->find('|');
  if (bar == std::string::npos) return std::nullopt;
  PageKey key;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + bar, key.order_date);
  if (ec != std::errc() || end != raw->data() + bar) return std::nullopt;
  key.purchase_order_id = raw->substr(bar + 1);
  return key;
}

// Percent-encodes a cursor value, keeping what Walmart's cursors show raw
// (letters, digits, "-._~:").
void AppendEncoded(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
}

}  // namespace

Result<http::QueryParams> ExpandCursorParam(const http::QueryParams& params) {
  http::QueryParams expanded;
  for (const auto& [name, value] : params) {
    if (name != "nextCursor") {
      expanded.emplace_back(name, value);
      continue;
    }
    std::string_view cursor = value;
    if (!cursor.empty() && cursor.front() == '?') cursor.remove_prefix(1);
    auto inner = http::ParseQueryString(cursor);
    if (!inner) return BadParam("nextCursor", "it is not a query string.");
    // Every cursor this server issues carries its position; without one the
    // value is not a cursor, and serving the first page instead would make a
    // client page forever.
    if (Find(*inner, "cursorKey") == nullptr) {
      return BadParam("nextCursor", "it is not a cursor this server issued.");
    }
    expanded.insert(expanded.end(), inner->begin(), inner->end());
  }
  return expanded;
}

Result<ListQuery> ParseListQuery(const http::QueryParams& raw_params, ListKind kind,
                                 const std::string& seller_id, EpochMillis now,
                                 const ApiOptions& options, const ListRules& rules) {
  // A repeated parameter is ambiguous: refused, on the wire and once a
  // nextCursor is expanded (a cursor plus the same parameter beside it).
  if (const std::string* repeated = http::RepeatedName(raw_params)) {
    return BadParam(*repeated, "it is sent more than once.");
  }
  auto expanded = ExpandCursorParam(raw_params);
  if (!expanded.ok()) return expanded.status();
  const http::QueryParams& params = *expanded;
  if (const std::string* repeated = http::RepeatedName(params)) {
    return BadParam(*repeated, "it is sent both in nextCursor and beside it.");
  }
  ListQuery query;
  OrderFilter& filter = query.request.filter;
  filter.seller_id = seller_id;

  // Cursor-only parameters must belong to the caller.
  for (const char* name : {"sellerId", "partnerId"}) {
    const std::string* value = Find(params, name);
    if (value != nullptr && *value != seller_id) {
      return BadParam(name, "this cursor belongs to another seller.");
    }
  }

  if (rules.created_start_required && Find(params, "createdStartDate") == nullptr) {
    return Status::InvalidParam("The query parameter 'createdStartDate' is required.",
                                "createdStartDate");
  }
  auto limit = IntParam(params, "limit", 1, options.max_limit);
  if (!limit.ok()) return limit.status();
  query.request.limit = static_cast<int>(
      limit->value_or(rules.default_limit > 0 ? rules.default_limit : options.default_limit));

  for (const char* name : {"sku", "customerOrderId", "purchaseOrderId", "shippingProgramType"}) {
    const std::string* value = Find(params, name);
    if (value == nullptr) continue;
    if (value->empty()) return BadParam(name, "must not be empty.");
    std::string_view key(name);
    if (key == "sku") filter.sku = *value;
    if (key == "customerOrderId") filter.customer_order_id = *value;
    if (key == "purchaseOrderId") filter.purchase_order_id = *value;
    if (key == "shippingProgramType") filter.shipping_program_type = *value;
  }

  if (kind == ListKind::kReleased) {
    filter.status = LineStatus::kCreated;
  } else if (const std::string* status = Find(params, "status")) {
    auto parsed = ParseLineStatus(*status);
    if (!parsed) {
      return BadParam("status", "'" + *status +
                                    "' is not one of Created, Acknowledged, Shipped, Delivered, Cancelled.");
    }
    filter.status = *parsed;
  }

  auto ship_node = EnumParam(params, "shipNodeType", kShipNodeTypes);
  if (!ship_node.ok()) return ship_node.status();
  filter.ship_node_type = ship_node->value_or("SellerFulfilled");
  auto order_type = EnumParam(params, "orderType", kOrderTypes);
  if (!order_type.ok()) return order_type.status();
  filter.order_type = *order_type;

  auto created_start = DateParam(params, "createdStartDate");
  if (!created_start.ok()) return created_start.status();
  auto created_end = DateParam(params, "createdEndDate");
  if (!created_end.ok()) return created_end.status();
  // Defaults: the last 7 days up to now; lists never reach past the retention
  // window (older orders stay readable by id).
  EpochMillis retention_start = now - options.retention_days * kMillisPerDay;
  filter.created_end = created_end->value_or(now);
  filter.created_start = std::max(created_start->value_or(now - options.default_window_days * kMillisPerDay),
                                  retention_start);
  if (*filter.created_start >= *filter.created_end) {
    return BadParam("createdStartDate", "it must be before createdEndDate (and within the last " +
                                            std::to_string(options.retention_days) + " days).");
  }

  struct Window {
    const char* start_name;
    const char* end_name;
    std::optional<EpochMillis>* start;
    std::optional<EpochMillis>* end;
  };
  std::vector<Window> windows = {
      {"fromExpectedShipDate", "toExpectedShipDate", &filter.expected_ship_start, &filter.expected_ship_end}};
  if (kind == ListKind::kAll) {
    windows.push_back({"lastModifiedStartDate", "lastModifiedEndDate", &filter.last_modified_start,
                       &filter.last_modified_end});
  }
  for (const Window& window : windows) {
    auto start = DateParam(params, window.start_name);
    if (!start.ok()) return start.status();
    auto end = DateParam(params, window.end_name);
    if (!end.ok()) return end.status();
    *window.start = *start;
    *window.end = *end;
    if (*start && *end && **start >= **end) {
      return BadParam(window.start_name, std::string("it must be before ") + window.end_name + ".");
    }
  }

  auto product_info = BoolValue(params, "productInfo");
  if (!product_info.ok()) return product_info.status();
  auto replacement_info = BoolValue(params, "replacementInfo");
  if (!replacement_info.ok()) return replacement_info.status();
  auto incentive_info = BoolValue(params, "incentiveInfo");  // accepted; no incentive data exists
  if (!incentive_info.ok()) return incentive_info.status();
  query.view = {*product_info, *replacement_info};

  // Continuation. The cursor's parameters are checked whenever one is
  // present, so a malformed cursor is a 400 whatever part of it is wrong.
  auto so_index = IntParam(params, "soIndex", 0, INT64_MAX);
  if (!so_index.ok()) return so_index.status();
  auto po_index = IntParam(params, "poIndex", 0, INT64_MAX);
  if (!po_index.ok()) return po_index.status();
  auto has_more = BoolValue(params, "hasMoreElements");
  if (!has_more.ok()) return has_more.status();
  const std::string* key = Find(params, "cursorKey");
  if (key == nullptr) {
    for (const char* name : {"soIndex", "poIndex", "hasMoreElements"}) {
      if (Find(params, name) != nullptr) {
        return BadParam("cursorKey", std::string("it is missing, and '") + name +
                                         "' belongs to a cursor: append meta.nextCursor as "
                                         "it was returned.");
      }
    }
  } else {
    auto position = DecodeKey(*key);
    if (!position) return BadParam("cursorKey", "it is not a cursor this server issued.");
    query.request.after = std::move(*position);
    if (so_index->has_value()) {
      query.known_total = **so_index;
      query.request.count_total = false;
    }
    query.returned_before = po_index->value_or(0);
  }
  query.max_total = rules.max_total > 0 ? rules.max_total : options.max_orders_per_query;
  query.request.count_cap = query.max_total;

  // What the next cursor repeats: every filter with its resolved value.
  auto& repeat = query.cursor_params;
  if (filter.status && kind == ListKind::kAll) repeat.emplace_back("status", LineStatusName(*filter.status));
  if (kind == ListKind::kReleased) repeat.emplace_back("status", "Created");
  if (filter.sku) repeat.emplace_back("sku", *filter.sku);
  if (filter.customer_order_id) repeat.emplace_back("customerOrderId", *filter.customer_order_id);
  if (filter.purchase_order_id) repeat.emplace_back("purchaseOrderId", *filter.purchase_order_id);
  repeat.emplace_back("createdStartDate", FormatIsoMillis(*filter.created_start));
  repeat.emplace_back("createdEndDate", FormatIsoMillis(*filter.created_end));
  if (filter.expected_ship_start) repeat.emplace_back("fromExpectedShipDate", FormatIsoMillis(*filter.expected_ship_start));
  if (filter.expected_ship_end) repeat.emplace_back("toExpectedShipDate", FormatIsoMillis(*filter.expected_ship_end));
  if (filter.last_modified_start) repeat.emplace_back("lastModifiedStartDate", FormatIsoMillis(*filter.last_modified_start));
  if (filter.last_modified_end) repeat.emplace_back("lastModifiedEndDate", FormatIsoMillis(*filter.last_modified_end));
  repeat.emplace_back("shipNodeType", *filter.ship_node_type);
  if (filter.shipping_program_type) repeat.emplace_back("shippingProgramType", *filter.shipping_program_type);
  if (filter.order_type) repeat.emplace_back("orderType", *filter.order_type);
  if (query.view.product_info) repeat.emplace_back("productInfo", "true");
  if (query.view.replacement_info) repeat.emplace_back("replacementInfo", "true");
  return query;
}

std::string BuildNextCursor(const ListQuery& query, std::int64_t total_count, std::int64_t returned,
                            const PageKey& last) {
  const std::string& seller = query.request.filter.seller_id;
  std::string cursor = "?limit=" + std::to_string(query.request.limit) +
                       "&hasMoreElements=true&soIndex=" + std::to_string(total_count) +
                       "&poIndex=" + std::to_string(returned) + "&partnerId=";
  AppendEncoded(cursor, seller);
  cursor += "&sellerId=";
  AppendEncoded(cursor, seller);
  for (const auto& [name, value] : query.cursor_params) {
    cursor += "&" + name + "=";
    AppendEncoded(cursor, value);
  }
  cursor += "&cursorKey=" + EncodeKey(last);
  return cursor;
}

}  // namespace mporders::api
