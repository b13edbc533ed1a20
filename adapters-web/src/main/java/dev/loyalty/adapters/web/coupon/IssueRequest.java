package dev.loyalty.adapters.web.coupon;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /coupon-templates/{id}/issue}: a customer (one personal coupon) or a count of bearer codes. */
public record IssueRequest(@Size(max = 64) String customerId, Integer count) {}
