-- Markets. Every seller sells in one Walmart marketplace (US, CA, MX, CL),
-- chosen when it is created and never changed: its orders, clients and
-- tokens belong to that market, and requests for another market are refused.
-- Sellers created before markets existed are US sellers.

ALTER TABLE sellers ADD COLUMN market TEXT NOT NULL DEFAULT 'US'
  CHECK (market IN ('US', 'CA', 'MX', 'CL'));
