package dev.loyalty.domain.purchase;

import dev.loyalty.domain.shared.DomainEvent;

/** Something that happened to a purchase. */
public sealed interface PurchaseEvent extends DomainEvent permits PurchaseRecorded, PurchaseReversed {

    /** @return the purchase */
    PurchaseId purchaseId();

    @Override
    default String aggregateId() {
        return purchaseId().toString();
    }
}
