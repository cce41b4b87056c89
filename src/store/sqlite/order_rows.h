#pragma once
// Reading and writing one order: the orders row (document plus filter
// columns) and its side-table rows, always changed together.
//
// REQUIRES for the writers: called inside a write transaction on `db`.

#include <functional>
#include <string>

#include "core/status.h"
#include "domain/order.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace mporders::sqlite {

// The order, or kNotFound. kInternal when its stored document does not decode.
Result<StoredOrder> LoadOrder(Connection& db, const std::string& seller_id,
                              const std::string& purchase_order_id);
// The same, undecoded.
Result<OrderDocument> LoadOrderDocument(Connection& db, const std::string& seller_id,
                                        const std::string& purchase_order_id);

// The current row of a statement whose columns follow sql::kOrderDocColumn,
// kOrderLastModifiedColumn, kOrderVersionColumn, kOrderDateColumn,
// kOrderPurchaseOrderIdColumn and kOrderDocHashColumn. The document's bytes
// are left unread when `skip_document` says so (ListRequest::skip_document).
OrderDocument DocumentFromRow(const Statement& row, const std::string& seller_id,
                              const std::function<bool(const OrderDocument&)>& skip_document = {});

// The current row of a list page (BuildPageQuery): the same columns, with
// the rowid in kOrderDocColumn. The document is read by rowid within the
// caller's transaction unless `skip_document` skips it.
Result<OrderDocument> ListedDocumentFromRow(
    Connection& db, const Statement& row, const std::string& seller_id,
    const std::function<bool(const OrderDocument&)>& skip_document);

// Inserts a new order. kInvalidRequestContent when the seller already has
// this purchase order id. `doc` is scratch space for the encoded document.
Status InsertOrder(Connection& db, const StoredOrder& order, std::string& doc);

// Overwrites `previous` (as loaded in this transaction) with `order`, which
// has the same seller and purchase order id.
Status ReplaceOrder(Connection& db, const StoredOrder& previous, const StoredOrder& order,
                    std::string& doc);

}  // namespace mporders::sqlite
