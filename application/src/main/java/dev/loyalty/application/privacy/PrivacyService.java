package dev.loyalty.application.privacy;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.checkout.Purchases;
import dev.loyalty.application.coupon.MyCouponsQuery;
import dev.loyalty.application.question.CustomerAnswers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.tier.CustomerTiers;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's answer to a customer's data request: an export of everything held, or the erasure
 * of the personal data. Erasure anonymises the profile (attributes included), withdraws every
 * consent, deletes the answers and what was computed about the customer (metrics, segment
 * snapshot memberships), erases the personal traces elsewhere ({@link PersonalTraces}); the card
 * identifies nobody any more; the ledger,
 * coupons and purchases stay under the customer's id (they hold no personal data), so the books
 * still balance and a reversal of an old purchase still works.
 */
@ApplicationScoped
public class PrivacyService implements PrivacyUseCases {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "only an administrator exports or erases a customer's data";

    /** How many purchases an export carries at most. */
    public static final int MAX_EXPORTED_PURCHASES = 10_000;

    /** How many ledger entries an export carries at most. */
    public static final int MAX_EXPORTED_ENTRIES = 100_000;

    private final Customers customers;
    private final Wallets wallets;
    private final MyCouponsQuery coupons;
    private final Purchases purchases;
    private final CustomerTiers tiers;
    private final DomainEventLog events;
    private final Clock clock;
    private final CustomerAnswers answers;
    private final DerivedCustomerData derived;
    private final PersonalTraces traces;
    private final PersonalRecords records;

    /** For CDI's proxy only. */
    protected PrivacyService() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }

    @Inject
    public PrivacyService(
            Customers customers,
            Wallets wallets,
            MyCouponsQuery coupons,
            Purchases purchases,
            CustomerTiers tiers,
            DomainEventLog events,
            Clock clock,
            CustomerAnswers answers,
            DerivedCustomerData derived,
            PersonalTraces traces,
            PersonalRecords records) {
        this.traces = traces;
        this.records = records;
        this.answers = answers;
        this.derived = derived;
        this.customers = customers;
        this.wallets = wallets;
        this.coupons = coupons;
        this.purchases = purchases;
        this.tiers = tiers;
        this.events = events;
        this.clock = clock;
    }

    /** @return everything held about the customer */
    @Override
    @Transactional
    public CustomerExport export(CustomerId id, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        Customer customer = customers.byId(id).orElseThrow(() -> new CustomerNotFoundException(id));
        return new CustomerExport(
                customer,
                wallets.balanceOf(id),
                wallets.entries(id, 0, MAX_EXPORTED_ENTRIES),
                coupons.couponsOf(id, actor),
                purchases.ofCustomer(id, MAX_EXPORTED_PURCHASES),
                tiers.history(id, MAX_EXPORTED_ENTRIES),
                answers.of(id),
                records.of(id, MAX_EXPORTED_ENTRIES));
    }

    /**
     * Erases the customer's personal data (the profile with its attributes, the answers, what was
     * computed about the customer, and its traces in events, messages, stored responses and the
     * referral); erasing again changes nothing.
     *
     * @param textVersion the privacy notice in force, recorded with the consent withdrawals
     */
    @Override
    @Transactional
    public void erase(CustomerId id, String textVersion, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        Customer customer = customers.byId(id).orElseThrow(() -> new CustomerNotFoundException(id));
        List<String> contacts = new ArrayList<>();
        customer.email().ifPresent(email -> contacts.add(email.value()));
        customer.phone().ifPresent(phone -> contacts.add(phone.value()));
        traces.erase(id, contacts);
        var happened = customer.erase(clock.instant(), "ERASURE:" + actor.subject(), textVersion);
        if (!happened.isEmpty()) {
            customers.update(customer);
            happened.forEach(events::append);
        }
        answers.eraseAllOf(id);
        derived.forget(id);
    }
}
