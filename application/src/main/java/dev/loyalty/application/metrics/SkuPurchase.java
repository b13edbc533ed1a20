package dev.loyalty.application.metrics;

import java.time.Instant;

/** The last purchase of a SKU by a customer (a line not fully given back). */
public record SkuPurchase(String sku, Instant lastPurchaseAt) {}
