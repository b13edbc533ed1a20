package dev.loyalty.application.wallet;

import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Expires the points of one wallet in its own transaction, under the wallet's lock: the EXPIRE
 * entry is written once (expiry is idempotent for an instant, and a purchase or claim racing it
 * queues on the lock).
 */
@ApplicationScoped
public class PointsExpiry {

    private final Wallets wallets;
    private final DomainEventLog events;

    /** For CDI's proxy only. */
    protected PointsExpiry() {
        this(null, null);
    }

    @Inject
    public PointsExpiry(Wallets wallets, DomainEventLog events) {
        this.wallets = wallets;
        this.events = events;
    }

    /**
     * @return the points expired
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long expire(CustomerId customerId, Instant now) {
        Wallet wallet = wallets.lockedForUpdate(customerId);
        long before = wallet.balance().value();
        wallet.expire(now).forEach(events::append);
        wallets.save(wallet);
        return before - wallet.balance().value();
    }
}
