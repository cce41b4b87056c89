-- The PostgreSQL store: the same tables as schema/sqlite at its version 5,
-- written for this engine.
--
-- Distribution (Citus, docs/postgres.md): every table of a seller's data
-- (orders, its side tables, sandbox_clocks) has seller_id first in its
-- primary key and in every index, so it can be distributed by seller_id
-- unchanged. The small account tables (sellers, clients, client_grants,
-- settings) are reference tables, copied to every node; they must not
-- reference the distributed ones. pg_store_schema_test checks both rules on
-- the live schema.
--
-- Text columns use the "C" collation: keys sort by bytes, as in SQLite, so
-- list order and page keys agree on both engines.
-- Instants are epoch milliseconds, UTC.

CREATE TABLE sellers (
  seller_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  market TEXT NOT NULL DEFAULT 'US' CHECK (market IN ('US', 'CA', 'MX', 'CL'))
);

-- kind 'seller': acts for seller_id; kind 'provider': seller_id is NULL and
-- it acts for each seller granted to it in client_grants.
CREATE TABLE clients (
  client_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('seller', 'provider')),
  seller_id TEXT COLLATE "C" REFERENCES sellers (seller_id),
  secret_hash TEXT NOT NULL,
  secret_salt TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  public_key_pem TEXT,
  CHECK ((kind = 'seller' AND seller_id IS NOT NULL) OR (kind = 'provider' AND seller_id IS NULL))
);

CREATE INDEX clients_by_seller ON clients (seller_id, client_id);

CREATE TABLE client_grants (
  client_id TEXT COLLATE "C" NOT NULL REFERENCES clients (client_id),
  seller_id TEXT COLLATE "C" NOT NULL REFERENCES sellers (seller_id),
  granted_at BIGINT NOT NULL,
  PRIMARY KEY (client_id, seller_id)
);

CREATE INDEX client_grants_by_seller ON client_grants (seller_id, client_id);

CREATE TABLE settings (
  key TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per purchase order: the Walmart order document and the columns
-- list queries filter on (ship_node_type and order_type normalised).
CREATE TABLE orders (
  seller_id TEXT COLLATE "C" NOT NULL,
  purchase_order_id TEXT COLLATE "C" NOT NULL,
  customer_order_id TEXT COLLATE "C" NOT NULL,
  order_date BIGINT NOT NULL,
  ship_node_type TEXT COLLATE "C" NOT NULL,
  order_type TEXT COLLATE "C" NOT NULL,
  est_ship_date BIGINT NOT NULL,
  last_modified BIGINT NOT NULL,
  version BIGINT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (seller_id, purchase_order_id)
);

-- The list order is (order_date DESC, purchase_order_id DESC).
CREATE INDEX orders_by_date ON orders (seller_id, order_date DESC, purchase_order_id DESC);
CREATE INDEX orders_by_customer_order ON orders (seller_id, customer_order_id);
CREATE INDEX orders_by_last_modified ON orders (seller_id, last_modified);
CREATE INDEX orders_by_est_ship_date ON orders (seller_id, est_ship_date);

-- Side tables: one row per distinct value an order has for a per-line
-- attribute, kept in step with the order in the same transaction.
CREATE TABLE order_status_idx (
  seller_id TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  order_date BIGINT NOT NULL,
  purchase_order_id TEXT COLLATE "C" NOT NULL,
  ship_node_type TEXT COLLATE "C" NOT NULL,
  order_type TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (seller_id, status, order_date, purchase_order_id)
);

CREATE TABLE order_programs_idx (
  seller_id TEXT COLLATE "C" NOT NULL,
  shipping_program_type TEXT COLLATE "C" NOT NULL,
  order_date BIGINT NOT NULL,
  purchase_order_id TEXT COLLATE "C" NOT NULL,
  ship_node_type TEXT COLLATE "C" NOT NULL,
  order_type TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (seller_id, shipping_program_type, order_date, purchase_order_id)
);

CREATE TABLE order_lines_idx (
  seller_id TEXT COLLATE "C" NOT NULL,
  sku TEXT COLLATE "C" NOT NULL,
  order_date BIGINT NOT NULL,
  purchase_order_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (seller_id, sku, order_date, purchase_order_id)
);

-- The sandbox: each seller's simulated-time offset from the wall clock.
CREATE TABLE sandbox_clocks (
  seller_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  offset_ms BIGINT NOT NULL
);
