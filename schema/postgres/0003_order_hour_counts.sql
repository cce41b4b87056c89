-- How many orders each seller has per hour of orderDate and shipNode type, kept by triggers in
-- the transaction of every insert, delete and date change of an order. A
-- list's totalCount then sums the whole hours of its createdStartDate window
-- here and counts only the orders of the partial hours at its edges, so a
-- first page costs the same whether the window matches a thousand orders or
-- a hundred thousand.
--
-- hour = order_date / 3600000 (integer division; readers use it for windows
-- starting after 1970-01-01T00:00Z only, where it is the floor). Led by
-- seller_id like every key, so Citus can distribute it with the orders.

CREATE TABLE order_hour_counts (
  seller_id TEXT COLLATE "C" NOT NULL,
  hour BIGINT NOT NULL,
  ship_node_type TEXT COLLATE "C" NOT NULL,
  orders BIGINT NOT NULL,
  PRIMARY KEY (seller_id, hour, ship_node_type)
);

INSERT INTO order_hour_counts (seller_id, hour, ship_node_type, orders)
  SELECT seller_id, order_date / 3600000, ship_node_type, count(*) FROM orders GROUP BY 1, 2, 3;

CREATE FUNCTION order_hour_counts_add(seller TEXT, at BIGINT, node_type TEXT, delta BIGINT)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO order_hour_counts (seller_id, hour, ship_node_type, orders)
    VALUES (seller, at / 3600000, node_type, delta)
    ON CONFLICT (seller_id, hour, ship_node_type)
    DO UPDATE SET orders = order_hour_counts.orders + delta;
$$;

CREATE FUNCTION order_hour_counts_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM order_hour_counts_add(OLD.seller_id, OLD.order_date, OLD.ship_node_type, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM order_hour_counts_add(NEW.seller_id, NEW.order_date, NEW.ship_node_type, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER order_hour_counts_insert_delete AFTER INSERT OR DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION order_hour_counts_track();

CREATE TRIGGER order_hour_counts_move AFTER UPDATE OF seller_id, order_date, ship_node_type
  ON orders FOR EACH ROW
  WHEN (OLD.seller_id IS DISTINCT FROM NEW.seller_id
        OR OLD.order_date / 3600000 IS DISTINCT FROM NEW.order_date / 3600000
        OR OLD.ship_node_type IS DISTINCT FROM NEW.ship_node_type)
  EXECUTE FUNCTION order_hour_counts_track();
