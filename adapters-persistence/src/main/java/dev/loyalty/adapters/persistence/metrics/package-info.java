/**
 * The customer metrics in MariaDB: set-based statements over {@code purchase} and
 * {@code purchase_line} for one customer (a live purchase), a few hundred (an import batch) or a
 * range of thousands (a rebuild batch), the rebuild's lease and RFM cut points in
 * {@code metrics_rebuild}, and the settings from MicroProfile Config.
 */
package dev.loyalty.adapters.persistence.metrics;
