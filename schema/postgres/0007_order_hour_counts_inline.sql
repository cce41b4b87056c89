-- The per-hour order counts of 0003, kept by the same triggers, with the
-- upsert written in the trigger function itself. 0003's function called the
-- SQL function order_hour_counts_add for each row, and PostgreSQL sets that
-- call up anew every time: about 30 us per inserted order, half the cost of
-- the INSERT itself when orders arrive many per statement (seed, copy, a
-- sandbox state restored). Statements in a PL/pgSQL body keep their plans
-- for the session. Same counts, same row-level triggers (docs/postgres.md
-- says how Citus runs them).

CREATE OR REPLACE FUNCTION order_hour_counts_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO order_hour_counts AS c (seller_id, hour, ship_node_type, orders)
      VALUES (OLD.seller_id, OLD.order_date / 3600000, OLD.ship_node_type, -1)
      ON CONFLICT (seller_id, hour, ship_node_type) DO UPDATE SET orders = c.orders - 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO order_hour_counts AS c (seller_id, hour, ship_node_type, orders)
      VALUES (NEW.seller_id, NEW.order_date / 3600000, NEW.ship_node_type, 1)
      ON CONFLICT (seller_id, hour, ship_node_type) DO UPDATE SET orders = c.orders + 1;
  END IF;
  RETURN NULL;
END;
$$;

DROP FUNCTION order_hour_counts_add(TEXT, BIGINT, TEXT, BIGINT);
