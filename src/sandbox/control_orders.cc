// Control API: orders arriving, carriers delivering, customers asking to
// cancel, Walmart's auto-cancel job, and API clients for a seller.

#include <algorithm>

#include "api/errors.h"
#include "auth/credentials.h"
#include "codec/mx/mx_order_json.h"
#include "codec/order_json.h"
#include "domain/invariants.h"
#include "domain/mx_lifecycle.h"
#include "sandbox/body_json.h"
#include "sandbox/control_endpoints.h"
#include "sandbox/control_support.h"
#include "sandbox/order_factory.h"
#include "sandbox/system_events.h"

namespace mporders::sandbox {
namespace {

constexpr std::int64_t kMaxOrdersPerCall = 1000;

// Walmart's documents in the body: {"order": {...}} or {"orders": [...]}.
Result<std::vector<Order>> DecodeGivenOrders(const JsonNode& body) {
  MP_RETURN_IF_ERROR(CheckMembers(body, {"order", "orders"}));
  std::vector<const JsonNode*> nodes;
  if (const JsonNode* one = body.Find("order")) nodes.push_back(one);
  if (const JsonNode* many = body.Find("orders")) {
    if (!many->IsArray())
      return Status::InvalidContent("orders must be an array of orders", "orders");
    for (const JsonNode& element : many->children) nodes.push_back(&element);
  }
  if (nodes.empty() || nodes.size() > static_cast<std::size_t>(kMaxOrdersPerCall)) {
    return Status::InvalidContent("send 1 to 1000 orders", "orders");
  }
  std::vector<Order> orders;
  for (const JsonNode* node : nodes) {
    // Mexico's documents have plain orderLines[] (mx_mp_orders.json).
    const JsonNode* inner = node->IsObject() && node->Find("order") ? node->Find("order") : node;
    const JsonNode* lines = inner->IsObject() ? inner->Find("orderLines") : nullptr;
    const bool mexican = lines != nullptr && lines->IsArray();
    auto order = mexican ? DecodeMxOrderJson(SerializeJsonNode(*inner))
                         : DecodeOrderJson(SerializeJsonNode(*node));
    if (!order.ok()) return order.status();
    // The same rule the store's orders obey: quantities partition every line,
    // refunds stay within the charges.
    Status consistent = CheckInvariants(*order);
    if (!consistent.ok()) {
      return Status::InvalidContent("order " + order->purchase_order_id + ": " +
                                    consistent.description());
    }
    orders.push_back(std::move(order).value());
  }
  return orders;
}

struct GenerateRequest {
  std::int64_t count = 1;
  std::uint64_t seed = 1;
  std::optional<std::int64_t> first_index;
  OrderShape shape;
};

Result<GenerateRequest> DecodeGenerateRequest(const JsonNode& body) {
  MP_RETURN_IF_ERROR(CheckMembers(
      body, {"count", "seed", "firstIndex", "lines", "quantity", "shipNodeType", "orderType"}));
  GenerateRequest request;
  auto count = OptionalInteger(body, "count", 1, kMaxOrdersPerCall);
  auto seed = OptionalInteger(body, "seed", 0, INT64_MAX);
  auto first = OptionalInteger(body, "firstIndex", 0, 1'000'000'000'000LL);
  auto lines = OptionalInteger(body, "lines", 1, 20);
  auto quantity = OptionalInteger(body, "quantity", 1, 1000);
  auto node = OptionalString(body, "shipNodeType");
  auto type = OptionalString(body, "orderType");
  for (const Status* status : {&count.status(), &seed.status(), &first.status(), &lines.status(),
                               &quantity.status(), &node.status(), &type.status()}) {
    if (!status->ok()) return *status;
  }
  request.count = count->value_or(1);
  request.seed = static_cast<std::uint64_t>(seed->value_or(1));
  request.first_index = *first;
  if (*lines) request.shape.lines = static_cast<int>(**lines);
  request.shape.quantity = *quantity;
  request.shape.ship_node_type = *node;
  request.shape.order_type = *type;
  MP_RETURN_IF_ERROR(ValidateOrderShape(request.shape));
  return request;
}

Result<std::vector<LineQuantity>> DecodeDeliveredLines(const JsonNode& body) {
  MP_RETURN_IF_ERROR(CheckMembers(body, {"lines"}));
  std::vector<LineQuantity> lines;
  const JsonNode* node = body.Find("lines");
  if (node == nullptr) return lines;
  if (!node->IsArray() || node->children.empty()) {
    return Status::InvalidContent("lines must be a non-empty array of {lineNumber, quantity}",
                                  "lines");
  }
  for (const JsonNode& element : node->children) {
    if (!element.IsObject()) {
      return Status::InvalidContent("lines must be a non-empty array of {lineNumber, quantity}",
                                    "lines");
    }
    MP_RETURN_IF_ERROR(CheckMembers(element, {"lineNumber", "quantity"}));
    auto number = OptionalString(element, "lineNumber");
    if (!number.ok()) return number.status();
    auto quantity = OptionalInteger(element, "quantity", 1, 1'000'000'000);
    if (!quantity.ok()) return quantity.status();
    if (!*number || !*quantity) {
      return Status::InvalidContent("every line needs lineNumber and quantity", "lines");
    }
    lines.push_back(LineQuantity{**number, **quantity});
  }
  return lines;
}

http::Reply OrderReply(const StoredOrder& stored) {
  http::Reply reply;
  reply.body = EncodeOrderResponseJson(stored.order, OrderView::Full());
  return reply;
}

}  // namespace

Reply PostClient(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  Status members = CheckMembers(control.body, {"clientId", "clientSecret"});
  if (!members.ok()) co_return api::ErrorReply(call, members);
  auto client_id = OptionalString(control.body, "clientId");
  auto secret = OptionalString(control.body, "clientSecret");
  if (!client_id.ok()) co_return api::ErrorReply(call, client_id.status());
  if (!secret.ok()) co_return api::ErrorReply(call, secret.status());
  Sandbox& sandbox = *control.sandbox;
  auto created = co_await api::RunBlocking(call.ctx.blocking, [&] {
    return auth::CreateClient(sandbox.store(), sandbox.clock(), control.seller_id, *client_id,
                              *secret);
  });
  if (!created.ok()) co_return api::ErrorReply(call, created.status());
  boost::json::object out;
  out["sellerId"] = control.seller_id;
  out["clientId"] = created->client_id;
  out["clientSecret"] = created->client_secret;
  co_return JsonValueReply(out, 201);
}

// The orders a create body asks for (Walmart's documents, or the generator's
// options; an empty body is one generated order), inserted for `seller`.
// Blocks (store I/O).
Result<std::vector<std::string>> CreateOrdersFromBody(Sandbox& sandbox, const std::string& seller,
                                                      const JsonNode& body) {
  std::vector<Order> given;
  std::optional<GenerateRequest> generate;
  if (body.Find("order") != nullptr || body.Find("orders") != nullptr) {
    auto orders = DecodeGivenOrders(body);
    if (!orders.ok()) return orders.status();
    given = std::move(orders).value();
  } else {
    auto request = DecodeGenerateRequest(body);
    if (!request.ok()) return request.status();
    generate = std::move(request).value();
  }
  {
    Store& store = sandbox.store();
    // Orders are in the seller's market: given ones in its currency (an
    // MX document goes to an MX seller only, and the reverse), generated
    // ones with its buyers, money and carriers. A new seller takes the
    // market of the documents posted for it.
    MarketId market = MarketId::kUs;
    auto known = store.GetSeller(seller);
    if (known.ok()) {
      market = known->market;
    } else if (known.status().code() != ErrorCode::kNotFound) {
      return known.status();
    } else if (!given.empty() && given.front().mx) {
      market = MarketId::kMx;
    }
    for (const Order& order : given) {
      MP_RETURN_IF_ERROR(CheckOrderCurrency(order, GetMarket(market)));
    }
    std::vector<StoredOrder> orders;
    for (Order& order : given) {
      if (order.mx.has_value() != (market == MarketId::kMx)) {
        return Status::InvalidContent(
            "order " + order.purchase_order_id + " is " +
                (order.mx ? "a Mexican order document" : "not a Mexican order document") +
                "; seller " + seller + " sells in " + std::string(MarketCode(market)),
            "order");
      }
      // Walmart opens the order's shipments (carrier, tracking number)
      // as it creates the order.
      if (order.mx) OpenMxShipments(order, sandbox.clock().NowMillisFor(seller));
      orders.push_back(NewStoredOrder(seller, std::move(order)));
    }
    if (generate) {
      std::uint64_t first = 0;
      if (generate->first_index) {
        first = static_cast<std::uint64_t>(*generate->first_index);
      } else {
        // Continue after the seller's orders, as `mporders seed` does.
        auto count = store.CountOrders(seller);
        if (!count.ok()) return count.status();
        first = static_cast<std::uint64_t>(*count);
      }
      const EpochMillis now = sandbox.clock().NowMillisFor(seller);
      for (std::int64_t i = 0; i < generate->count; ++i) {
        orders.push_back(NewStoredOrder(
            seller, MakeNewOrder(generate->seed, first + static_cast<std::uint64_t>(i), now,
                                 generate->shape, market)));
      }
    }
    MP_RETURN_IF_ERROR(store.InsertOrders(orders));
    // The seller row only after the orders went in: a refused insert
    // (say, a purchase order id taken) leaves no trace.
    MP_RETURN_IF_ERROR(
        store.PutSeller(Seller{seller, seller, sandbox.clock().NowMillis(), market}));
    std::vector<std::string> ids;
    for (const StoredOrder& order : orders) ids.push_back(order.order.purchase_order_id);
    return ids;
  }
}

Reply PostOrders(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  Sandbox& sandbox = *control.sandbox;
  const std::string& seller = control.seller_id;
  auto inserted = co_await api::RunBlocking(
      call.ctx.blocking, [&] { return CreateOrdersFromBody(sandbox, seller, control.body); });
  if (!inserted.ok()) co_return api::ErrorReply(call, inserted.status());
  boost::json::array ids;
  for (const auto& id : *inserted) ids.emplace_back(id);
  boost::json::object out;
  out["sellerId"] = seller;
  out["created"] = static_cast<std::int64_t>(inserted->size());
  out["purchaseOrderIds"] = std::move(ids);
  co_return JsonValueReply(out, 201);
}

Reply PostOrderDeliver(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  auto lines = DecodeDeliveredLines(control.body);
  if (!lines.ok()) co_return api::ErrorReply(call, lines.status());
  Sandbox& sandbox = *control.sandbox;
  std::string po(call.request.PathParam("purchaseOrderId"));
  auto saved = co_await api::RunBlocking(call.ctx.blocking, [&] {
    return DeliverOrder(sandbox.store(), control.seller_id, po, *lines,
                        sandbox.clock().NowMillisFor(control.seller_id));
  });
  if (!saved.ok()) co_return api::ErrorReply(call, saved.status());
  co_return OrderReply(*saved);
}

Reply PostOrderCustomerCancel(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  Status members = CheckMembers(control.body, {"lineNumbers"});
  if (!members.ok()) co_return api::ErrorReply(call, members);
  auto lines = OptionalStrings(control.body, "lineNumbers");
  if (!lines.ok()) co_return api::ErrorReply(call, lines.status());
  Sandbox& sandbox = *control.sandbox;
  std::string po(call.request.PathParam("purchaseOrderId"));
  auto saved = co_await api::RunBlocking(call.ctx.blocking, [&] {
    return RequestCustomerCancellation(sandbox.store(), control.seller_id, po,
                                       lines->value_or(std::vector<std::string>{}),
                                       sandbox.clock().NowMillisFor(control.seller_id));
  });
  if (!saved.ok()) co_return api::ErrorReply(call, saved.status());
  co_return OrderReply(*saved);
}

Reply PostDeliver(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  Status members = CheckMembers(control.body, {"shippedBefore"});
  if (!members.ok()) co_return api::ErrorReply(call, members);
  auto before = OptionalInstant(control.body, "shippedBefore");
  if (!before.ok()) co_return api::ErrorReply(call, before.status());
  Sandbox& sandbox = *control.sandbox;
  const EpochMillis now = sandbox.clock().NowMillisFor(control.seller_id);
  auto swept = co_await api::RunBlocking(call.ctx.blocking, [&] {
    return DeliverShippedBefore(sandbox.store(), control.seller_id, before->value_or(now), now);
  });
  if (!swept.ok()) co_return api::ErrorReply(call, swept.status());
  boost::json::object out = SweepJson(*swept);
  out["sellerId"] = control.seller_id;
  co_return JsonValueReply(out);
}

Reply PostAutoCancel(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  Status members = CheckMembers(control.body, {"shipDays", "acknowledgeHours"});
  if (!members.ok()) co_return api::ErrorReply(call, members);
  auto ship_days = OptionalInteger(control.body, "shipDays", 0, 365);
  if (!ship_days.ok()) co_return api::ErrorReply(call, ship_days.status());
  auto acknowledge_hours = OptionalInteger(control.body, "acknowledgeHours", 0, 8760);
  if (!acknowledge_hours.ok()) co_return api::ErrorReply(call, acknowledge_hours.status());
  Sandbox& sandbox = *control.sandbox;
  AutoCancelRule rule = sandbox.DefaultAutoCancelRule();
  if (*ship_days) rule.ship_days = static_cast<int>(**ship_days);
  if (*acknowledge_hours) rule.acknowledge_hours = static_cast<int>(**acknowledge_hours);
  const EpochMillis now = sandbox.clock().NowMillisFor(control.seller_id);
  auto swept = co_await api::RunBlocking(call.ctx.blocking, [&] {
    return RunAutoCancel(sandbox.store(), control.seller_id, now, rule);
  });
  if (!swept.ok()) co_return api::ErrorReply(call, swept.status());
  boost::json::object out = SweepJson(*swept);
  out["sellerId"] = control.seller_id;
  out["cancellationReason"] = kAutoCancelReason;
  co_return JsonValueReply(out);
}

// Walmart's dynamic sandbox (reference §1.2): the seller of the token
// creates orders and has them delivered. `WM_SANDBOX`, when sent, must say v2.
namespace {

std::optional<Status> WrongSandboxHeader(const api::Call& call) {
  std::string_view flavour = call.request.Header("WM_SANDBOX");
  if (flavour.empty() || flavour == "v2" || flavour == "V2") return std::nullopt;
  return Status::Error(
      ErrorCode::kInvalidRequestHeader,
      "WM_SANDBOX '" + std::string(flavour) + "' is not served here: this sandbox is dynamic (v2).",
      "WM_SANDBOX");
}

}  // namespace

Reply PostSimulationOrders(api::Call& call) {
  if (auto wrong = WrongSandboxHeader(call)) co_return api::ErrorReply(call, *wrong);
  auto body = ParseObjectBody(call.request.message.body());
  if (!body.ok()) co_return api::ErrorReply(call, body.status());
  Sandbox& sandbox = Sandbox::Of(call);
  const std::string seller = call.seller_id();
  auto inserted = co_await api::RunBlocking(
      call.ctx.blocking, [&] { return CreateOrdersFromBody(sandbox, seller, *body); });
  if (!inserted.ok()) co_return api::ErrorReply(call, inserted.status());
  boost::json::array ids;
  for (const auto& id : *inserted) ids.emplace_back(id);
  boost::json::object out;
  out["created"] = static_cast<std::int64_t>(inserted->size());
  out["purchaseOrderIds"] = std::move(ids);
  co_return JsonValueReply(out, 201);
}

Reply PostSimulationDeliver(api::Call& call) {
  if (auto wrong = WrongSandboxHeader(call)) co_return api::ErrorReply(call, *wrong);
  auto body = ParseObjectBody(call.request.message.body());
  if (!body.ok()) co_return api::ErrorReply(call, body.status());
  auto lines = DecodeDeliveredLines(*body);
  if (!lines.ok()) co_return api::ErrorReply(call, lines.status());
  Sandbox& sandbox = Sandbox::Of(call);
  const std::string seller = call.seller_id();
  std::string po(call.request.PathParam("purchaseOrderId"));
  auto saved = co_await api::RunBlocking(call.ctx.blocking, [&] {
    return DeliverOrder(sandbox.store(), seller, po, *lines, sandbox.clock().NowMillisFor(seller));
  });
  if (!saved.ok()) co_return api::ErrorReply(call, saved.status());
  co_return OrderReply(*saved);
}

}  // namespace mporders::sandbox
