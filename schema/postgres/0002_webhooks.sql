-- Walmart's Notifications API (src/events): the tables of
-- schema/sqlite/0007_webhooks.sql for this engine. Subscriptions per seller,
-- the transactional outbox of order events, and one delivery per event and
-- subscription with its attempts. Events and their deliveries are written in
-- the transaction of the order change that causes them.
--
-- Times: created_at and next_attempt_at are the seller's simulated time (the
-- retry schedule runs on it); lease_until is wall-clock time, shared by every
-- server process on this database (a claimed delivery is sent by its owner
-- alone until the lease runs out; claims lock with FOR UPDATE SKIP LOCKED).
--
-- Distribution (Citus): seller data, so seller_id leads every key and index
-- and nothing references these tables.

CREATE TABLE webhook_subscriptions (
  seller_id TEXT COLLATE "C" NOT NULL,
  subscription_id TEXT COLLATE "C" NOT NULL,
  event_type TEXT COLLATE "C" NOT NULL,
  event_version TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  event_url TEXT NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  auth_json TEXT,
  headers_json TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (seller_id, subscription_id)
);
CREATE INDEX webhook_subscriptions_type ON webhook_subscriptions (seller_id, event_type, status);

CREATE TABLE webhook_events (
  seller_id TEXT COLLATE "C" NOT NULL,
  event_id TEXT COLLATE "C" NOT NULL,
  event_type TEXT COLLATE "C" NOT NULL,
  purchase_order_id TEXT COLLATE "C" NOT NULL,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (seller_id, event_id)
);

-- seq: insertion order, which SQLite's rowid gives; it breaks ties between
-- deliveries created in the same millisecond when listing newest first.
CREATE TABLE webhook_deliveries (
  seller_id TEXT COLLATE "C" NOT NULL,
  delivery_id TEXT COLLATE "C" NOT NULL,
  seq BIGSERIAL NOT NULL,
  event_id TEXT COLLATE "C" NOT NULL,
  subscription_id TEXT COLLATE "C" NOT NULL,
  event_type TEXT COLLATE "C" NOT NULL,
  url TEXT NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  round_attempts INTEGER NOT NULL DEFAULT 0,
  last_status_code INTEGER,
  last_error TEXT,
  next_attempt_at BIGINT,
  created_at BIGINT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  PRIMARY KEY (seller_id, delivery_id)
);
-- Only deliveries still to send: small however long the history grows.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (seller_id, next_attempt_at)
  WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX webhook_deliveries_seller ON webhook_deliveries (seller_id, created_at, seq);

CREATE TABLE webhook_attempts (
  seller_id TEXT COLLATE "C" NOT NULL,
  delivery_id TEXT COLLATE "C" NOT NULL,
  attempt INTEGER NOT NULL,
  at BIGINT NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms BIGINT NOT NULL,
  PRIMARY KEY (seller_id, delivery_id, attempt)
);
