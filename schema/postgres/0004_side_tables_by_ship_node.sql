-- List queries with a status or shipping program filter walk that side
-- table's rows (src/store/postgres/pg_store_list.cc). The API always filters
-- on the ship node type, so these indexes put it right after the value and
-- before the list order (order_date DESC, purchase_order_id DESC): a page
-- reads its rows in order, and a count of a date window reads only the
-- matching entries, without a visit to the table (order_type is included
-- for the orderType filter). The primary keys stay for uniqueness and for
-- the EXISTS probes of filters without a ship node type.
--
-- Led by seller_id like every index (Citus). Built in the migration's
-- transaction: writes to these tables wait while it runs (a few seconds per
-- million orders).

CREATE INDEX order_status_by_ship_node ON order_status_idx
  (seller_id, status, ship_node_type, order_date DESC, purchase_order_id DESC) INCLUDE (order_type);

CREATE INDEX order_programs_by_ship_node ON order_programs_idx
  (seller_id, shipping_program_type, ship_node_type, order_date DESC, purchase_order_id DESC)
  INCLUDE (order_type);
