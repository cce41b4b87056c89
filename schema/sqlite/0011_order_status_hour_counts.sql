-- How many orders each seller has per status, shipNode type and hour of
-- orderDate: order_hour_counts (0008) for a list filtered by status, such as
-- the released orders every integration polls. Kept by triggers on the
-- status side table, whose rows (one per order and status it has) change in
-- the transaction of every order write, so a status list's totalCount sums
-- the whole hours of its window here and counts only the side rows of the
-- partial hours at its edges.
--
-- SQLite only: its writes are serialised, so these rows cost no waiting. On
-- PostgreSQL, where server processes commit concurrently, every write of a
-- recent order would lock the same few rows until its commit.
--
-- hour = order_date / 3600000, as in order_hour_counts.

CREATE TABLE order_status_hour_counts (
  seller_id TEXT NOT NULL,
  status TEXT NOT NULL,
  ship_node_type TEXT NOT NULL,
  hour INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  PRIMARY KEY (seller_id, status, ship_node_type, hour)
) WITHOUT ROWID;

INSERT INTO order_status_hour_counts (seller_id, status, ship_node_type, hour, orders)
  SELECT seller_id, status, ship_node_type, order_date / 3600000, count(*)
    FROM order_status_idx GROUP BY 1, 2, 3, 4;

-- A side row is only ever inserted (OR IGNORE: no trigger when it exists)
-- or deleted (sqlite/sql.h), never updated: two triggers keep the counts.
CREATE TRIGGER order_status_hour_counts_insert AFTER INSERT ON order_status_idx BEGIN
  INSERT INTO order_status_hour_counts (seller_id, status, ship_node_type, hour, orders)
    VALUES (NEW.seller_id, NEW.status, NEW.ship_node_type, NEW.order_date / 3600000, 1)
    ON CONFLICT (seller_id, status, ship_node_type, hour) DO UPDATE SET orders = orders + 1;
END;

CREATE TRIGGER order_status_hour_counts_delete AFTER DELETE ON order_status_idx BEGIN
  UPDATE order_status_hour_counts SET orders = orders - 1
    WHERE seller_id = OLD.seller_id AND status = OLD.status
      AND ship_node_type = OLD.ship_node_type AND hour = OLD.order_date / 3600000;
END;
