/**
 * Sales history import: a retailer's past receipts (CSV or ARTS POSLog), spooled to disk, read in
 * batches by a worker that holds a lease on the import, and appended as {@code IMPORT} purchases,
 * once per (store, receipt). Imported history counts for tiers and metrics but triggers no rule,
 * message or mission, and earns points only when asked.
 */
package dev.loyalty.application.history;
