/**
 * {@code /products} and {@code /categories}: the console keeps the catalogue, one item at a time
 * or from a CSV file (streamed, saved in batches; bad rows reported with their line).
 */
package dev.loyalty.adapters.web.catalogue;
