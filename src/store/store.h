#pragma once
// The durable store: orders, sellers and API clients.
//
// Every order belongs to a seller, and the seller id is part of every key and
// every query: no method can reach another seller's order. The engines
// (store/sqlite, store/postgres) keep their types out of this header;
// OpenStore (store/open/store_open.h) opens one by URL.
//
// Threading contract:
// - A Store is shared by every thread of the process; every method may be
//   called concurrently from any thread.
// - Every method blocks its calling thread until the work is done: disk I/O
//   on SQLite, a round trip on PostgreSQL, a wait for a free connection of a
//   pool, and for UpdateOrder a wait for its group commit. The exception
//   is UpdateOrderThen, which queues an order update and returns: its
//   callback runs on the store's thread once the update is committed.
// - Callers on the server's I/O threads therefore run store calls on a pool
//   (api/blocking.h: RunBlocking on ApiContext::blocking, and order updates
//   through UpdateOrderThen with AwaitOrderUpdate), with one exception: the
//   point lookups by key of the request path run inline on the I/O
//   thread, because they are answered in microseconds and a hop to the pool
//   costs more (docs/performance.md). They are GetOrder (GET of one order,
//   api/orders_get.cc, api/ca_orders_get.cc), CheckSellerAccess (the token
//   check of every call, auth/tokens.cc), and GetClient and GetSeller (the
//   check of a signed call, auth/signature_auth.cc). An engine keeps these
//   one indexed read that never waits for a writer, a row lock or a group
//   commit: while one runs, every other connection of that I/O thread waits.
// - Everything else (lists, counts, writes, account changes, Ping) must not
//   run on an I/O thread.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "domain/market.h"
#include "domain/order.h"
#include "store/webhook_store.h"

namespace mporders {

struct GroupCommitStats;

// A resolved list query (defaults already applied by the caller).
// Time bounds are [start, end): start inclusive, end exclusive.
struct OrderFilter {
  std::string seller_id;
  std::optional<std::string> sku;                // some line has this SKU
  std::optional<std::string> customer_order_id;  // exact
  std::optional<std::string> purchase_order_id;  // exact
  std::optional<LineStatus> status;              // some quantity of some line is in it
  std::optional<EpochMillis> created_start;      // orderDate >=
  std::optional<EpochMillis> created_end;        // orderDate <
  std::optional<EpochMillis> expected_ship_start;  // shippingInfo.estimatedShipDate >=
  std::optional<EpochMillis> expected_ship_end;    // shippingInfo.estimatedShipDate <
  std::optional<EpochMillis> last_modified_start;  // last_modified >=
  std::optional<EpochMillis> last_modified_end;    // last_modified <
  std::optional<std::string> ship_node_type;       // shipNode.type (absent type == SellerFulfilled)
  std::optional<std::string> shipping_program_type;  // some line's fulfillment.shippingProgramType
  std::optional<std::string> order_type;  // REGULAR | REPLACEMENT (absent orderType == REGULAR)
};

// Position in the list order (orderDate desc, purchaseOrderId desc). A page
// that starts after a key returns orders strictly after it in that order.
struct PageKey {
  EpochMillis order_date = 0;
  std::string purchase_order_id;
  friend bool operator==(const PageKey&, const PageKey&) = default;
};

struct OrderPage {
  std::vector<StoredOrder> orders;  // at most `limit`, in list order
  bool has_more = false;            // more orders match after the last one
  // Matching orders in the whole query (ignoring `after`), counted up to
  // `count_cap` + 1; -1 when the caller did not ask for a count.
  std::int64_t total_count = -1;
};

// An order as the store keeps it: its document (the store's own format, read
// back with Store::DecodeOrderDocument) and the row's keys. Equal documents
// are equal orders, so a reader may reuse what it derived from a document
// (an encoded answer) for as long as the store hands back the same document:
// the same doc_hash, version and change time.
struct OrderDocument {
  std::string seller_id;
  std::string purchase_order_id;
  EpochMillis order_date = 0;
  EpochMillis last_modified = 0;
  std::int64_t version = 0;
  // Store::DocumentHash(doc), written with the row; every read sets it.
  std::uint64_t doc_hash = 0;
  std::string doc;
  // ListRequest::skip_document declined the bytes: `doc` is empty.
  bool doc_skipped = false;
};

// Tells a reader, without reading the order, that it has not changed since
// an earlier read (Store::OrderChangeStamp). An order's stamps never repeat:
// an equal stamp means that no change of the order was committed between.
struct OrderStamp {
  std::uint64_t all_orders = 0;
  std::uint64_t order = 0;
  friend bool operator==(const OrderStamp&, const OrderStamp&) = default;
};

// OrderPage with undecoded orders.
struct OrderDocumentPage {
  std::vector<OrderDocument> documents;
  bool has_more = false;
  std::int64_t total_count = -1;
};

struct ListRequest {
  OrderFilter filter;
  std::optional<PageKey> after;
  int limit = 100;
  // Count the whole query's matches, stopping at count_cap + 1. A page with
  // count_total == false skips the count (continuation pages carry it).
  bool count_total = true;
  std::int64_t count_cap = 20000;
  // When set, called once for each order of the page, in list order, with the
  // order's keys, version, change time and doc_hash but no doc; returning true
  // leaves its document unread (doc_skipped). A reader that keeps what it
  // derived from documents (encoded answers) skips copying the bytes of those
  // it has. Called on the thread running the store call, inside its read.
  std::function<bool(const OrderDocument&)> skip_document;
};

struct Seller {
  std::string seller_id;
  std::string name;
  EpochMillis created_at = 0;
  // The marketplace the seller sells in; fixed when the seller is created.
  MarketId market = MarketId::kUs;
};

// A seller's own client acts for that one seller. A solution provider's
// client acts for every seller granted to it, one seller per token.
enum class ClientKind { kSeller, kProvider };

struct ClientRecord {
  std::string client_id;
  std::string seller_id;    // kSeller: the seller this client acts for; kProvider: empty
  // Hex of a slow KDF, never the secret; empty for a key-only consumer (no
  // secret matches it).
  std::string secret_hash;
  std::string secret_salt;  // hex
  EpochMillis created_at = 0;
  std::optional<EpochMillis> revoked_at;
  ClientKind kind = ClientKind::kSeller;
  // kProvider: the sellers it may act for, ascending (read, never written, by
  // AddClient: grants are added with GrantSeller).
  std::vector<std::string> granted_sellers = {};
  // A consumer (kSeller only): the SubjectPublicKeyInfo PEM of the RSA key
  // its signed calls are verified with (auth/signature_auth.h). nullopt: it
  // authenticates with its secret only.
  std::optional<std::string> public_key_pem = std::nullopt;
};

// Whether a client may act for a seller right now.
enum class SellerAccess {
  kAllowed,     // its own seller, or a seller granted to it
  kNotAllowed,  // another seller (never granted, or the grant was removed)
  kRevoked,     // the client is revoked
  kNoClient,    // no such client
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores are opened by URL with OpenStore (store/open/store_open.h).

  // --- orders ---------------------------------------------------------------

  // The order, or kNotFound when the seller has no such purchase order.
  // The default decodes GetOrderDocument.
  virtual Result<StoredOrder> GetOrder(const std::string& seller_id,
                                       const std::string& purchase_order_id);
  // The same, undecoded: for readers that keep what they derive from it.
  virtual Result<OrderDocument> GetOrderDocument(const std::string& seller_id,
                                                 const std::string& purchase_order_id) = 0;

  // The order's stamp now, without a query: a reader that took it before
  // reading the order may reuse what it derived from that read for as long
  // as the order's stamp stays equal. It changes with every committed change
  // of the order, made by any process on the database. nullopt when the
  // engine keeps no stamps (the default) or when a change of the order may
  // be in flight: then read the order.
  virtual std::optional<OrderStamp> OrderChangeStamp(const std::string& seller_id,
                                                     const std::string& purchase_order_id);

  // One page of a list query. Cost does not grow with the depth of `after`.
  // The default decodes ListOrderDocuments.
  virtual Result<OrderPage> ListOrders(const ListRequest& request);
  // The same page, undecoded.
  virtual Result<OrderDocumentPage> ListOrderDocuments(const ListRequest& request) = 0;

  // The order a document holds. kInternal when it does not decode (a
  // damaged store).
  static Result<StoredOrder> DecodeOrderDocument(const OrderDocument& document);
  // The document of an order, as engines store it.
  static void EncodeOrderDocument(const Order& order, std::string& doc);
  // The 64-bit hash (XXH3) of a document's bytes, stored with the row as
  // doc_hash so that a reader can tell documents apart without their bytes.
  static std::uint64_t DocumentHash(std::string_view doc);
  // Completes a document read from a row whose keys, version and change
  // time are already in `document`: its hash (`stored_hash`, or for a row
  // written before the column, nullopt, the hash of `bytes`) and its bytes,
  // left uncopied when `skip_document` (ListRequest::skip_document) says so.
  static void FillDocument(OrderDocument& document, std::optional<std::uint64_t> stored_hash,
                           std::string_view bytes,
                           const std::function<bool(const OrderDocument&)>& skip_document);

  // Inserts new orders in one transaction. Fails as a whole (kInvalidRequestContent)
  // when any purchase order id already exists for its seller.
  virtual Status InsertOrders(const std::vector<StoredOrder>& orders) = 0;

  // Inserts or replaces orders (import). One transaction.
  virtual Status UpsertOrders(const std::vector<StoredOrder>& orders) = 0;

  // A state change as one transaction: loads the order, calls `fn` on it,
  // and saves what `fn` left (bumping `version`) if `fn` returns OK. If `fn`
  // fails, nothing is written and its Status is returned. Concurrent updates
  // of one order are serialised: `fn` always sees the latest committed state.
  // Returns the saved order. kNotFound when the order does not exist.
  using UpdateFn = std::function<Status(StoredOrder&)>;
  virtual Result<StoredOrder> UpdateOrder(const std::string& seller_id,
                                          const std::string& purchase_order_id,
                                          const UpdateFn& fn) = 0;
  // UpdateOrder for a caller that must not block (the server's I/O
  // threads): queues the update and returns at once. `done` gets what
  // UpdateOrder would have returned, once, on a thread of the store's; it
  // must not block or call the store (it hands the outcome on). The strings
  // and `fn` are used until then: the caller keeps them alive.
  using UpdateDone = std::function<void(Result<StoredOrder>)>;
  virtual void UpdateOrderThen(const std::string& seller_id, const std::string& purchase_order_id,
                               const UpdateFn& fn, UpdateDone done) = 0;

  // Returns once every order update queued so far has been run and its
  // caller told (UpdateOrderThen's callbacks included). A server calls it
  // before what those callbacks hand the outcome to goes away.
  virtual void FinishQueuedUpdates() = 0;

  // Number of orders the seller has.
  virtual Result<std::int64_t> CountOrders(const std::string& seller_id) = 0;

  // --- sellers and clients ----------------------------------------------------

  // Creates the seller, or does nothing if it exists (an existing seller keeps
  // its name and market: callers that care compare with GetSeller).
  virtual Status PutSeller(const Seller& seller) = 0;
  virtual Result<Seller> GetSeller(const std::string& seller_id) = 0;
  virtual Result<std::vector<Seller>> ListSellers() = 0;

  // Fails with kInvalidRequestContent when the client id is taken.
  virtual Status AddClient(const ClientRecord& client) = 0;
  // kNotFound when there is no such client.
  virtual Result<ClientRecord> GetClient(const std::string& client_id) = 0;
  virtual Result<std::vector<ClientRecord>> ListClients() = 0;
  virtual Status RevokeClient(const std::string& client_id, EpochMillis at) = 0;
  // Lets a provider client act for `seller_id` (which must exist). Granting
  // again keeps the first grant. kNotFound: no such client;
  // kInvalidRequestContent: a seller client, or an unknown seller.
  virtual Status GrantSeller(const std::string& client_id, const std::string& seller_id,
                             EpochMillis at) = 0;
  // Removes the grant. kNotFound when the client has no such grant.
  virtual Status UngrantSeller(const std::string& client_id, const std::string& seller_id) = 0;
  // One indexed lookup, made on every authenticated call: revoking a client
  // or removing a grant takes effect at once on every process.
  virtual Result<SellerAccess> CheckSellerAccess(const std::string& client_id,
                                                 const std::string& seller_id) = 0;

  // --- settings -----------------------------------------------------------------

  // The value stored under `key`; if none, stores `value_if_absent` and returns
  // it. Atomic across processes sharing the store (first writer wins).
  virtual Result<std::string> GetOrCreateSetting(const std::string& key,
                                                 const std::string& value_if_absent) = 0;

  // --- sandbox (simulated marketplace, src/sandbox) ----------------------------

  // Every seller's simulated-time offset (milliseconds added to the wall
  // clock). Sellers on the wall clock have no entry.
  virtual Result<std::map<std::string, EpochMillis>> ListClockOffsets() = 0;
  // Sets the seller's offset; 0 removes it.
  virtual Status SetClockOffset(const std::string& seller_id, EpochMillis offset) = 0;
  // Replaces all of the seller's orders with `orders` (each of this seller,
  // stored as given, version included) and sets its clock offset: one
  // transaction. An empty `orders` and offset 0 empty the seller.
  virtual Status ReplaceSellerState(const std::string& seller_id,
                                    const std::vector<StoredOrder>& orders,
                                    EpochMillis clock_offset) = 0;

  // --- operations (readiness, metrics) -----------------------------------------

  // OK when the store answers a query now (a readiness probe). The default
  // runs an indexed count that reads the database; engines may do cheaper.
  virtual Status Ping();

  // How many order updates shared each durable commit (group commit), as a
  // histogram: batches of at most 1, 2, 4, ... updates. Engines without group
  // commit answer nullopt.
  struct CommitBatchSizes {
    std::vector<std::pair<std::int64_t, std::int64_t>> cumulative;  // (at most N jobs, batches)
    std::int64_t batches = 0;  // all batches (the +Inf bucket)
    std::int64_t jobs = 0;     // updates in them (the sum)
  };
  virtual std::optional<CommitBatchSizes> CommitBatches() const { return std::nullopt; }

  // --- webhooks (store/webhook_store.h) ------------------------------------------

  // The engine's webhook tables; null when the engine has none (then the
  // Notifications API is unavailable).
  virtual WebhookStore* webhooks() { return nullptr; }

 protected:
  // The argument check every engine's ReplaceSellerState makes before it
  // writes: a seller id, and orders that are all this seller's and named.
  static Status CheckSellerState(const std::string& seller_id,
                                 const std::vector<StoredOrder>& orders);
  // The histogram CommitBatches() reports, from a group commit queue's counts.
  static CommitBatchSizes BatchSizesOf(const GroupCommitStats& stats);
  // The argument check of every engine's AddClient.
  static Status CheckNewClient(const ClientRecord& client);
  // The argument check of every engine's ListOrders.
  static Status CheckListRequest(const ListRequest& request);
};

}  // namespace mporders
