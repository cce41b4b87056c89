#pragma once
// The SQLite store's fixed statements, by name. List queries are assembled
// from filters in list_query.cc. Numbered parameters (?1, ?2, ...) let one
// binding routine serve statements that share a parameter layout.

namespace mporders::sqlite::sql {

// --- schema migrations ---------------------------------------------------------

inline constexpr char kCreateSchemaMigrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT NOT NULL PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";

inline constexpr char kSchemaMigrationsExists[] =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

inline constexpr char kSelectSchemaVersion[] =
    "SELECT coalesce(max(version), 0) FROM schema_migrations";

inline constexpr char kInsertSchemaMigration[] =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)";

// --- orders -----------------------------------------------------------------------

// Row layout shared by every statement that reads an order.
inline constexpr int kOrderDocColumn = 0;
inline constexpr int kOrderLastModifiedColumn = 1;
inline constexpr int kOrderVersionColumn = 2;
inline constexpr int kOrderDateColumn = 3;
inline constexpr int kOrderPurchaseOrderIdColumn = 4;
inline constexpr int kOrderDocHashColumn = 5;

// A list page's rows carry the row's rowid where the others carry the
// document (kOrderDocColumn): the page is read from the list index alone,
// and a document is fetched by rowid only when it is needed.
inline constexpr char kSelectDocumentByRowid[] = "SELECT doc FROM orders WHERE rowid = ?1";

inline constexpr char kSelectOrder[] =
    "SELECT doc, last_modified, version, order_date, purchase_order_id, doc_hash FROM orders"
    " WHERE seller_id = ?1 AND purchase_order_id = ?2";

// Insert and update share one parameter layout:
// ?1 seller_id, ?2 purchase_order_id, ?3 customer_order_id, ?4 order_date,
// ?5 ship_node_type, ?6 order_type, ?7 est_ship_date, ?8 last_modified,
// ?9 version, ?10 doc, ?11 doc_hash.
inline constexpr char kInsertOrder[] =
    "INSERT INTO orders (seller_id, purchase_order_id, customer_order_id, order_date,"
    " ship_node_type, order_type, est_ship_date, last_modified, version, doc, doc_hash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

inline constexpr char kUpdateOrder[] =
    "UPDATE orders SET customer_order_id = ?3, order_date = ?4, ship_node_type = ?5,"
    " order_type = ?6, est_ship_date = ?7, last_modified = ?8, version = ?9, doc = ?10,"
    " doc_hash = ?11 WHERE seller_id = ?1 AND purchase_order_id = ?2";

inline constexpr char kCountOrders[] = "SELECT count(*) FROM orders WHERE seller_id = ?1";

// Side tables: ?1 seller_id, ?2 the key value, ?3 order_date,
// ?4 purchase_order_id, and for status and program rows ?5 ship_node_type,
// ?6 order_type. OR IGNORE: two lines may share a SKU or program.
inline constexpr char kInsertStatusRow[] =
    "INSERT OR IGNORE INTO order_status_idx (seller_id, status, order_date, purchase_order_id,"
    " ship_node_type, order_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr char kDeleteStatusRow[] =
    "DELETE FROM order_status_idx WHERE seller_id = ?1 AND status = ?2"
    " AND order_date = ?3 AND purchase_order_id = ?4";

inline constexpr char kInsertProgramRow[] =
    "INSERT OR IGNORE INTO order_programs_idx (seller_id, shipping_program_type, order_date,"
    " purchase_order_id, ship_node_type, order_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
inline constexpr char kDeleteProgramRow[] =
    "DELETE FROM order_programs_idx WHERE seller_id = ?1 AND shipping_program_type = ?2"
    " AND order_date = ?3 AND purchase_order_id = ?4";

inline constexpr char kInsertSkuRow[] =
    "INSERT OR IGNORE INTO order_lines_idx (seller_id, sku, order_date, purchase_order_id)"
    " VALUES (?1, ?2, ?3, ?4)";
inline constexpr char kDeleteSkuRow[] =
    "DELETE FROM order_lines_idx WHERE seller_id = ?1 AND sku = ?2"
    " AND order_date = ?3 AND purchase_order_id = ?4";

// --- sellers, clients, settings -------------------------------------------------

inline constexpr char kInsertSeller[] =
    "INSERT INTO sellers (seller_id, name, created_at, market) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (seller_id) DO NOTHING";
inline constexpr char kSelectSeller[] =
    "SELECT seller_id, name, created_at, market FROM sellers WHERE seller_id = ?1";
inline constexpr char kSelectSellers[] =
    "SELECT seller_id, name, created_at, market FROM sellers ORDER BY seller_id";
inline constexpr char kSelectSellerExists[] = "SELECT 1 FROM sellers WHERE seller_id = ?1";

// Client rows: client_id, seller_id (NULL for a provider), secret_hash,
// secret_salt, created_at, revoked_at, kind ('seller' | 'provider'),
// public_key_pem (NULL: no signature authentication).
inline constexpr char kInsertClient[] =
    "INSERT INTO clients (client_id, seller_id, secret_hash, secret_salt, created_at, revoked_at,"
    " kind, public_key_pem) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
inline constexpr char kSelectClient[] =
    "SELECT client_id, seller_id, secret_hash, secret_salt, created_at, revoked_at, kind,"
    " public_key_pem FROM clients WHERE client_id = ?1";
inline constexpr char kSelectClients[] =
    "SELECT client_id, seller_id, secret_hash, secret_salt, created_at, revoked_at, kind,"
    " public_key_pem FROM clients ORDER BY client_id";
// The first revocation time stands.
inline constexpr char kRevokeClient[] =
    "UPDATE clients SET revoked_at = coalesce(revoked_at, ?2) WHERE client_id = ?1";

// Grants of provider clients: ?1 client_id, ?2 seller_id, ?3 granted_at.
// A second grant keeps the first one's time.
inline constexpr char kInsertGrant[] =
    "INSERT INTO client_grants (client_id, seller_id, granted_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (client_id, seller_id) DO NOTHING";
inline constexpr char kDeleteGrant[] =
    "DELETE FROM client_grants WHERE client_id = ?1 AND seller_id = ?2";
inline constexpr char kSelectClientGrants[] =
    "SELECT seller_id FROM client_grants WHERE client_id = ?1 ORDER BY seller_id";
inline constexpr char kSelectAllGrants[] =
    "SELECT client_id, seller_id FROM client_grants ORDER BY client_id, seller_id";
// Whether client ?1 may act for seller ?2, in one lookup by primary keys:
// kind, its own seller, revoked_at, and whether a grant row exists.
inline constexpr char kSelectSellerAccess[] =
    "SELECT c.kind, c.seller_id, c.revoked_at,"
    " EXISTS (SELECT 1 FROM client_grants g WHERE g.client_id = c.client_id AND g.seller_id = ?2)"
    " FROM clients c WHERE c.client_id = ?1";

inline constexpr char kInsertSettingIfAbsent[] =
    "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING";
inline constexpr char kSelectSetting[] = "SELECT value FROM settings WHERE key = ?1";

}  // namespace mporders::sqlite::sql
