-- The list index also carries each order's version and document hash, so a
-- page of the default list (the pollers' query: seller, created window,
-- shipNode type) is read from this index alone: with the kept answers of
-- its orders still current, no order row is visited. Every write already
-- rewrote this index's entry (last_modified changes with each one), so the
-- two columns cost writes nothing more.
DROP INDEX orders_by_date;
CREATE INDEX orders_by_date ON orders (
  seller_id, order_date, purchase_order_id,
  ship_node_type, order_type, est_ship_date, last_modified, version, doc_hash);
