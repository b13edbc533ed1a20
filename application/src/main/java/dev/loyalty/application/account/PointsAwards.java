package dev.loyalty.application.account;

import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.shared.ProgrammeSettings;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Credits points a reaction awards (a rule's action, a completed mission, a referral) to a
 * customer's wallet: earned points, valid for the programme's points validity, the wallet's events
 * appended in the caller's transaction.
 */
@ApplicationScoped
public class PointsAwards {

    private final Wallets wallets;
    private final ProgrammeSettings programme;
    private final DomainEventLog events;

    /** For CDI's proxy only. */
    protected PointsAwards() {
        this(null, null, null);
    }

    @Inject
    public PointsAwards(Wallets wallets, ProgrammeSettings programme, DomainEventLog events) {
        this.wallets = wallets;
        this.programme = programme;
        this.events = events;
    }

    /**
     * @param reason the wallet entry's reason ("rule", "mission", "referral")
     * @param reference what the points are for (a rule, a mission, a referral)
     * @return what happened, for the reasons a reaction records
     */
    public String award(CustomerId customer, Points points, String reason, String reference, Instant now) {
        WalletHead head = wallets.lockedHead(customer);
        Instant expiresAt = programme.pointsValidity().map(now::plus).orElse(null);
        head.earn(points, reason, reference, now, expiresAt).forEach(events::append);
        wallets.save(head);
        return "awarded " + points.value() + " points";
    }

    /**
     * Credits the same points to several customers at once, as {@link #award} does to each: their
     * wallets locked together (in customer id order), their entries and events appended in one
     * statement each.
     *
     * @param customers who (each once)
     */
    public void awardAll(
            java.util.List<CustomerId> customers, Points points, String reason, String reference, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        Instant expiresAt = programme.pointsValidity().map(now::plus).orElse(null);
        java.util.List<WalletHead> heads = wallets.lockedHeads(customers);
        java.util.List<dev.loyalty.domain.shared.DomainEvent> happened = new java.util.ArrayList<>();
        for (WalletHead head : heads) {
            happened.addAll(head.earn(points, reason, reference, now, expiresAt));
        }
        wallets.saveHeads(heads);
        events.appendAll(happened);
    }
}
