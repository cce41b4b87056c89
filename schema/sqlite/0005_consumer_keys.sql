-- Signature authentication (Walmart's legacy CA/CL/MX scheme): a consumer is
-- a seller's client that signs each call with its RSA private key, verified
-- with the public key stored here (SubjectPublicKeyInfo PEM). NULL: the
-- client authenticates with its secret only. A key-only consumer has empty
-- secret_hash and secret_salt, which no secret ever matches.
--
-- Signed calls look the consumer up by client_id, the primary key, on every
-- call (so revocation applies at once): no new index is needed.

ALTER TABLE clients ADD COLUMN public_key_pem TEXT;
