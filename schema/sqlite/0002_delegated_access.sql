-- Delegated access. A client is either a seller's own client (kind 'seller':
-- it acts for the one seller in seller_id) or a solution provider's client
-- (kind 'provider': seller_id is NULL and it acts for each seller granted to
-- it in client_grants, choosing one per token with WM_PARTNER.ID).
--
-- SQLite cannot drop the NOT NULL of clients.seller_id in place, so the table
-- is rebuilt (PostgreSQL would use ALTER COLUMN ... DROP NOT NULL). Nothing
-- references clients yet, so dropping the old table breaks no foreign key.

CREATE TABLE clients_v2 (
  client_id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('seller', 'provider')),
  seller_id TEXT REFERENCES sellers (seller_id),
  secret_hash TEXT NOT NULL,
  secret_salt TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  CHECK ((kind = 'seller' AND seller_id IS NOT NULL) OR (kind = 'provider' AND seller_id IS NULL))
);

INSERT INTO clients_v2 (client_id, kind, seller_id, secret_hash, secret_salt, created_at, revoked_at)
  SELECT client_id, 'seller', seller_id, secret_hash, secret_salt, created_at, revoked_at
  FROM clients;

DROP TABLE clients;
ALTER TABLE clients_v2 RENAME TO clients;

CREATE INDEX clients_by_seller ON clients (seller_id, client_id);

-- The sellers a provider client may act for. Token verification looks up
-- (client_id, seller_id) on every call, so that removing a grant refuses the
-- client's live tokens for that seller at once.
CREATE TABLE client_grants (
  client_id TEXT NOT NULL REFERENCES clients (client_id),
  seller_id TEXT NOT NULL REFERENCES sellers (seller_id),
  granted_at BIGINT NOT NULL,
  PRIMARY KEY (client_id, seller_id)
);

CREATE INDEX client_grants_by_seller ON client_grants (seller_id, client_id);
