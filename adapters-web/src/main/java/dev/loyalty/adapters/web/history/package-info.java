/**
 * {@code /imports}: a sales history streamed as CSV or ARTS POSLog, sniffed at once, spooled to
 * disk and read by a worker; its progress and rejects. The file formats' streaming readers live
 * here too (the shape of what the API takes).
 */
package dev.loyalty.adapters.web.history;
