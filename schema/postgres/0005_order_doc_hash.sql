-- The hash of each order's document (Store::DocumentHash), written with the
-- document. A reader that keeps encoded answers tells a changed order from
-- an unchanged one by this column, version and last_modified, without
-- copying the document. Rows written before this migration hold NULL;
-- reading one hashes its document instead.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS doc_hash bigint;
