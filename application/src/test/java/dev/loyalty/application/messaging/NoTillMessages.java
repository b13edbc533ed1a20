package dev.loyalty.application.messaging;

import dev.loyalty.domain.customer.CustomerId;
import java.util.List;

/** A till port with no message waiting for anybody: a purchase prints nothing, a quote shows nothing. */
public final class NoTillMessages implements TillMessages {

    @Override
    public List<PrintableMessage> print(CustomerId customer, String storeId, String reference) {
        return List.of();
    }
}
