-- Sellers, their API clients, service settings and orders with the side
-- tables that serve list filters.
--
-- seller_id leads every key and index of seller-owned data so that a
-- PostgreSQL schema can distribute the same tables by seller. Types stay
-- portable (TEXT, BIGINT); WITHOUT ROWID is this engine's storage hint only.
-- Instants are epoch milliseconds, UTC.

CREATE TABLE sellers (
  seller_id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE clients (
  client_id TEXT NOT NULL PRIMARY KEY,
  seller_id TEXT NOT NULL REFERENCES sellers (seller_id),
  secret_hash TEXT NOT NULL,
  secret_salt TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE INDEX clients_by_seller ON clients (seller_id, client_id);

CREATE TABLE settings (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per purchase order. `doc` is the full Walmart order document; the
-- other columns copy what list queries filter on. ship_node_type and
-- order_type hold normalised values (absent type = SellerFulfilled, absent
-- orderType = REGULAR). `doc` comes last so reading the small columns never
-- walks the document.
CREATE TABLE orders (
  seller_id TEXT NOT NULL,
  purchase_order_id TEXT NOT NULL,
  customer_order_id TEXT NOT NULL,
  order_date BIGINT NOT NULL,
  ship_node_type TEXT NOT NULL,
  order_type TEXT NOT NULL,
  est_ship_date BIGINT NOT NULL,
  last_modified BIGINT NOT NULL,
  version BIGINT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (seller_id, purchase_order_id)
);

-- The list order is (order_date DESC, purchase_order_id DESC); ascending
-- indexes serve it by scanning backwards. The list index also carries every
-- column filter, so filters are checked in the index before a row is read and
-- counts never touch the table.
CREATE INDEX orders_by_date ON orders (
  seller_id, order_date, purchase_order_id,
  ship_node_type, order_type, est_ship_date, last_modified);

CREATE INDEX orders_by_customer_order ON orders (
  seller_id, customer_order_id, order_date, purchase_order_id);

CREATE INDEX orders_by_last_modified ON orders (
  seller_id, last_modified, order_date, purchase_order_id);

CREATE INDEX orders_by_est_ship_date ON orders (
  seller_id, est_ship_date, order_date, purchase_order_id);

-- Side tables: one row per distinct value an order has for a per-line
-- attribute, keyed so that each drives a list query in list order. The dense
-- ones (status, shipping program) also copy the order's categorical filter
-- columns, which the API sends with nearly every list call, so that such a
-- query is filtered and counted inside the side table. Kept in step with the
-- order in the same transaction.

-- Statuses of any quantity bucket of any line.
CREATE TABLE order_status_idx (
  seller_id TEXT NOT NULL,
  status TEXT NOT NULL,
  order_date BIGINT NOT NULL,
  purchase_order_id TEXT NOT NULL,
  ship_node_type TEXT NOT NULL,
  order_type TEXT NOT NULL,
  PRIMARY KEY (seller_id, status, order_date, purchase_order_id)
) WITHOUT ROWID;

-- fulfillment.shippingProgramType of the order's lines.
CREATE TABLE order_programs_idx (
  seller_id TEXT NOT NULL,
  shipping_program_type TEXT NOT NULL,
  order_date BIGINT NOT NULL,
  purchase_order_id TEXT NOT NULL,
  ship_node_type TEXT NOT NULL,
  order_type TEXT NOT NULL,
  PRIMARY KEY (seller_id, shipping_program_type, order_date, purchase_order_id)
) WITHOUT ROWID;

-- SKUs of the order's lines. A SKU selects few orders: other filters are
-- checked on the orders row.
CREATE TABLE order_lines_idx (
  seller_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  order_date BIGINT NOT NULL,
  purchase_order_id TEXT NOT NULL,
  PRIMARY KEY (seller_id, sku, order_date, purchase_order_id)
) WITHOUT ROWID;
