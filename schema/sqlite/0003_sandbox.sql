-- The sandbox control API (src/sandbox): each seller's simulated time, kept
-- as an offset from the wall clock so that every server process on this
-- database agrees on it and time keeps running between requests. A seller
-- without a row lives on the wall clock.

CREATE TABLE sandbox_clocks (
  seller_id TEXT NOT NULL PRIMARY KEY,
  offset_ms BIGINT NOT NULL
);
