-- How many orders each seller has per hour of orderDate and shipNode type, kept by triggers in
-- the transaction of every insert, delete and date change of an order. A
-- list's totalCount then sums the whole hours of its createdStartDate window
-- here and counts only the orders of the partial hours at its edges, so a
-- first page costs the same whether the window matches a thousand orders or
-- a hundred thousand.
--
-- hour = order_date / 3600000 (integer division; readers use it for windows
-- starting after 1970-01-01T00:00Z only, where it is the floor).

CREATE TABLE order_hour_counts (
  seller_id TEXT NOT NULL,
  hour INTEGER NOT NULL,
  ship_node_type TEXT NOT NULL,
  orders INTEGER NOT NULL,
  PRIMARY KEY (seller_id, hour, ship_node_type)
) WITHOUT ROWID;

INSERT INTO order_hour_counts (seller_id, hour, ship_node_type, orders)
  SELECT seller_id, order_date / 3600000, ship_node_type, count(*) FROM orders GROUP BY 1, 2, 3;

CREATE TRIGGER order_hour_counts_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_hour_counts (seller_id, hour, ship_node_type, orders)
    VALUES (NEW.seller_id, NEW.order_date / 3600000, NEW.ship_node_type, 1)
    ON CONFLICT (seller_id, hour, ship_node_type) DO UPDATE SET orders = orders + 1;
END;

CREATE TRIGGER order_hour_counts_delete AFTER DELETE ON orders BEGIN
  UPDATE order_hour_counts SET orders = orders - 1
    WHERE seller_id = OLD.seller_id AND hour = OLD.order_date / 3600000
      AND ship_node_type = OLD.ship_node_type;
END;

CREATE TRIGGER order_hour_counts_move AFTER UPDATE OF seller_id, order_date, ship_node_type ON orders
  WHEN OLD.seller_id IS NOT NEW.seller_id OR OLD.order_date / 3600000 <> NEW.order_date / 3600000
    OR OLD.ship_node_type IS NOT NEW.ship_node_type
BEGIN
  UPDATE order_hour_counts SET orders = orders - 1
    WHERE seller_id = OLD.seller_id AND hour = OLD.order_date / 3600000
      AND ship_node_type = OLD.ship_node_type;
  INSERT INTO order_hour_counts (seller_id, hour, ship_node_type, orders)
    VALUES (NEW.seller_id, NEW.order_date / 3600000, NEW.ship_node_type, 1)
    ON CONFLICT (seller_id, hour, ship_node_type) DO UPDATE SET orders = orders + 1;
END;
