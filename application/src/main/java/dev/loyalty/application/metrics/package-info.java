/**
 * Customer metrics, the single customer view: recency, frequency and monetary over a window, RFM
 * quintile scores, average basket, visits per month, lifetime value, share of spend and last
 * purchase per category, last purchase per SKU, home store and engagement. Marked due in the
 * transaction of each purchase and reversal and recomputed just after it commits (first, by a read
 * that needs them current), recomputed after each import batch and each weighted event, and
 * rebuilt set-based by a nightly job (or on demand), once across the cluster.
 */
package dev.loyalty.application.metrics;
