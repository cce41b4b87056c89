-- How many orders each seller has per status, shipNode type and hour of
-- orderDate, for the totalCount of a list filtered by status (the released
-- orders every integration polls), as SQLite's order_status_hour_counts.
--
-- Server processes commit concurrently here, so writes must not update
-- shared counter rows: every write of a recent order would lock the same few
-- rows until its commit, and two batches locking them in different orders
-- would deadlock. Writes therefore only append: each transaction that
-- changes status side rows adds its net change per (status, shipNode type,
-- hour) to order_status_hour_deltas in one statement (pg_store.cc,
-- StatusCountChanges), rows nobody else locks. A
-- compaction (PgStore, about once a second, one process at a time per seller
-- under an advisory lock) moves the deltas into order_status_hour_counts in
-- one transaction. A count reads both tables in one snapshot, so it is exact
-- whether or not a compaction ran.
--
-- hour = order_date / 3600000, as in order_hour_counts. Led by seller_id like
-- every key (Citus); a compaction touches one seller's rows.

CREATE TABLE order_status_hour_counts (
  seller_id TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  ship_node_type TEXT COLLATE "C" NOT NULL,
  hour BIGINT NOT NULL,
  orders BIGINT NOT NULL,
  PRIMARY KEY (seller_id, status, ship_node_type, hour)
);

CREATE TABLE order_status_hour_deltas (
  seller_id TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  ship_node_type TEXT COLLATE "C" NOT NULL,
  hour BIGINT NOT NULL,
  orders BIGINT NOT NULL
);

CREATE INDEX order_status_hour_deltas_by_key ON order_status_hour_deltas
  (seller_id, status, ship_node_type, hour);

INSERT INTO order_status_hour_counts (seller_id, status, ship_node_type, hour, orders)
  SELECT seller_id, status, ship_node_type, order_date / 3600000, count(*)
    FROM order_status_idx GROUP BY 1, 2, 3, 4;
