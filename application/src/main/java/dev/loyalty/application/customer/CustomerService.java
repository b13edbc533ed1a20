package dev.loyalty.application.customer;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.metrics.LiveMetrics;
import dev.loyalty.application.referral.ReferralService;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.DomainEventLog;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerEvent;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.customer.Enrolment;
import dev.loyalty.domain.customer.EnrolmentDetails;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.wallet.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer use cases: enrolment, lookup and profile update. Each mutating use case is one
 * transaction in which the change and its events (through the outbox) are stored together.
 * Access rules: customers cannot enrol and only see or change themselves (anything else is "not
 * found"); terminals enrol only for their own store.
 */
@ApplicationScoped
public class CustomerService implements EnrolCustomerUseCase, FindCustomerQuery, UpdateProfileUseCase {

    private final Customers customers;
    private final CardNumberSerials serials;
    private final DomainEventLog events;
    private final Clock clock;
    private final Wallets wallets;
    private final ServiceEvents serviceEvents;
    private final ReferralService referrals;
    private final LiveMetrics metrics;

    /**
     * @param customers the customers on record
     * @param serials the card serial source
     * @param events the outbox
     * @param clock the time source
     * @param wallets the wallets, one opened (empty) with each enrolment
     * @param serviceEvents where the enrolment becomes an event rules react to
     * @param referrals the referral codes, one given with each enrolment
     */
    public CustomerService(
            Customers customers,
            CardNumberSerials serials,
            DomainEventLog events,
            Clock clock,
            Wallets wallets,
            ServiceEvents serviceEvents,
            ReferralService referrals) {
        this(customers, serials, events, clock, wallets, serviceEvents, referrals, LiveMetrics.NONE);
    }

    /**
     * @param metrics what learns that a prospect's events became an enrolled customer's
     */
    @Inject
    public CustomerService(
            Customers customers,
            CardNumberSerials serials,
            DomainEventLog events,
            Clock clock,
            Wallets wallets,
            ServiceEvents serviceEvents,
            ReferralService referrals,
            LiveMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.serviceEvents = Objects.requireNonNull(serviceEvents, "serviceEvents");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.wallets = Objects.requireNonNull(wallets, "wallets");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.serials = Objects.requireNonNull(serials, "serials");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** For CDI client proxies only. */
    protected CustomerService() {
        this.customers = null;
        this.serials = null;
        this.events = null;
        this.clock = null;
        this.wallets = null;
        this.serviceEvents = null;
        this.referrals = null;
        this.metrics = null;
    }

    @Override
    @Transactional
    public Customer enrol(EnrolCustomerCommand command) {
        Objects.requireNonNull(command, "command");
        EnrolmentDetails details = command.details();
        Actor actor = command.actor();
        if (actor.role() == Role.CUSTOMER) {
            throw new AccessDeniedException("a customer cannot enrol customers");
        }
        if (actor.role() == Role.TERMINAL && !actor.storeId().equals(details.storeId())) {
            throw new AccessDeniedException("a terminal enrols only for its own store");
        }
        if (actor.role() == Role.INTEGRATION
                && details.storeId() != null
                && !actor.stores().isEmpty()
                && !actor.stores().contains(details.storeId().strip())) {
            throw new AccessDeniedException("an integration enrols only for the stores its token names");
        }
        Instant now = clock.instant();
        Enrolment enrolment = Customer.enrol(CustomerId.newId(), CardNumber.fromSerial(serials.next()), details, now);
        Customer customer = enrolment.customer();
        customers.add(customer);
        // every customer has a wallet from the start, so that its writers only ever lock an existing row
        wallets.save(Wallet.open(customer.id()));
        events.append(enrolment.event());
        if (serviceEvents.enrolled(enrolment.event(), customer.email(), customer.phone(), now) > 0) {
            // a prospect's events (by e-mail or phone) weigh on the engagement from now on
            metrics.afterEventsAttached(customer.id());
        }
        referrals.enrolled(customer, now);
        return enrolment.customer();
    }

    @Override
    public Customer byId(CustomerId id, Actor actor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        return visible(id, actor);
    }

    @Override
    public Customer lookup(CustomerLookup criteria, Actor actor) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(actor, "actor");
        List<Optional<Customer>> matches = new ArrayList<>();
        if (criteria.card() != null) {
            matches.add(customers.byCardNumber(criteria.card()));
        }
        if (criteria.phone() != null) {
            matches.add(customers.byPhone(criteria.phone()));
        }
        if (criteria.email() != null) {
            matches.add(customers.byEmail(criteria.email()));
        }
        Customer found = null;
        for (Optional<Customer> match : matches) {
            if (match.isEmpty()
                    || (found != null && !found.id().equals(match.get().id()))) {
                throw new CustomerNotFoundException();
            }
            found = match.get();
        }
        if (found == null || !actor.maySee(found.id())) {
            throw new CustomerNotFoundException();
        }
        return found;
    }

    @Override
    @Transactional
    public Customer updateProfile(UpdateProfileCommand command) {
        Objects.requireNonNull(command, "command");
        Customer customer = visible(command.customerId(), command.actor());
        List<CustomerEvent> happened = customer.updateProfile(command.update(), clock.instant());
        if (happened.isEmpty()) {
            return customer;
        }
        customers.update(customer);
        happened.forEach(events::append);
        return customers.byId(customer.id()).orElse(customer);
    }

    private Customer visible(CustomerId id, Actor actor) {
        if (!actor.maySee(id)) {
            throw new CustomerNotFoundException(id);
        }
        return customers.byId(id).orElseThrow(() -> new CustomerNotFoundException(id));
    }
}
