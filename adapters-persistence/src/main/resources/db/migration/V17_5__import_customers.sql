-- The customers whose history an import grew, written in each batch's transaction (so that they
-- survive a crash with the batch that named them) and read at the import's end, when their metrics
-- are recomputed once each, set-based, in chunks - instead of after every batch, which recomputed
-- a customer's whole history once per batch naming it (a cost growing with the square of the
-- history: hours for a file of millions of receipts). A chunk's rows are deleted once its metrics
-- are committed; an import taken over after a crash recomputes what is left. Deleted with nothing
-- else: the rows of a finished import are gone.
CREATE TABLE import_customer (
    import_id   CHAR(36) NOT NULL,
    customer_id CHAR(36) NOT NULL,
    PRIMARY KEY (import_id, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
