/**
 * Who is due for a replenishment offer, answered set-based over the last purchase per customer and
 * SKU ({@code customer_sku_metrics}), the catalogue's consumption periods and cross-sell mapping.
 */
package dev.loyalty.adapters.persistence.replenishment;
