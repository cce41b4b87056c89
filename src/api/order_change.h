#pragma once
// The write endpoints' shared steps, for every API surface: decode the body
// in the representation its Content-Type names, and apply one lifecycle
// change to the order in one store transaction.

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string_view>

#include "api/call.h"
#include "core/status.h"
#include "domain/lifecycle.h"
#include "store/store.h"

namespace mporders::api {

using OrderChange = std::function<Status(Order&, const LifecycleContext&)>;

// Re-reads the call's order ({purchaseOrderId}), applies `change` with the
// call's market, `policy` and time, and saves it — all or nothing. Returns
// the saved order, or the change's or the store's error.
boost::asio::awaitable<Result<StoredOrder>> ApplyOrderChange(Call& call, OrderChange change,
                                                             LifecyclePolicy policy);
// The same with the policy of the US and Canadian APIs (the server's options).
boost::asio::awaitable<Result<StoredOrder>> ApplyOrderChange(Call& call, OrderChange change);

// Decodes the request body with the JSON or XML decoder its Content-Type
// names (OrderWriteBodyFormat: 415 for any other type).
template <typename Command>
Result<Command> DecodeBody(const Call& call, Result<Command> (*from_json)(std::string_view),
                           Result<Command> (*from_xml)(std::string_view)) {
  auto format = OrderWriteBodyFormat(call.request);
  if (!format.ok()) return format.status();
  const std::string& body = call.request.message.body();
  return *format == BodyFormat::kXml ? from_xml(body) : from_json(body);
}

}  // namespace mporders::api
