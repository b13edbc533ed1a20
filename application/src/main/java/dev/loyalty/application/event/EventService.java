package dev.loyalty.application.event;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.metrics.LiveMetrics;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes in events pushed by integrations and the app. The customer is named by our id, e-mail or
 * phone; an e-mail or phone nobody enrolled with makes the event a prospect's, kept and attached
 * when that contact enrols. An event id is taken in once: a retry is answered DUPLICATE and
 * changes nothing. An event id is its sender's: unique per source (APP, INTEGRATION) and
 * case-sensitive. The app pushes only its own customer's events, of the types the programme lets it
 * post ({@link AppEventTypes}), never naming a store or a channel (what a purchase's rules react
 * to): its user holds its token. An event of a customer may weigh on their engagement score,
 * recomputed in the same transaction.
 */
@ApplicationScoped
public class EventService implements RecordEventUseCase {

    /** How far ahead of our clock an event may be dated. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** How old an event may be when it reaches us. */
    public static final Duration MAX_AGE = Duration.ofDays(365);

    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final ActivityLog activities;
    private final Customers customers;
    private final LiveMetrics metrics;
    private final AppEventTypes appTypes;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected EventService() {
        this(null, null, null, null, null);
    }

    @Inject
    public EventService(
            ActivityLog activities, Customers customers, LiveMetrics metrics, AppEventTypes appTypes, Clock clock) {
        this.activities = activities;
        this.customers = customers;
        this.metrics = metrics;
        this.appTypes = appTypes;
        this.clock = clock;
    }

    /** The attributes the app may not set: a store or a channel is what a till or an integration says. */
    static final java.util.List<String> NOT_FROM_THE_APP = java.util.List.of("storeId", Activity.CHANNEL);

    @Override
    @Transactional
    public EventReceipt record(RecordEventCommand command) {
        Actor actor = command.actor();
        if (actor.role() != Role.INTEGRATION && actor.role() != Role.CUSTOMER && actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("events come from integrations and the app");
        }
        String eventId = command.eventId() == null ? "" : command.eventId().strip();
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new InvalidValueException("eventId", "eventId is 1 to 100 printable characters without spaces");
        }
        EventType type = EventType.parse(command.type(), "type");
        if (type.internal()) {
            throw new EventTypeReservedException(type.value());
        }
        EventSource source = actor.role() == Role.CUSTOMER ? EventSource.APP : EventSource.INTEGRATION;
        if (source == EventSource.APP) {
            if (!appTypes.appPostable().contains(type)) {
                throw new EventTypeNotAppPostableException(type.value());
            }
            for (String name : NOT_FROM_THE_APP) {
                if (command.attributes().containsKey(name)) {
                    throw new InvalidValueException(
                            "attributes." + name, "the app does not say which " + name + " an event is of");
                }
            }
        }
        Instant now = clock.instant();
        Instant occurredAt = command.occurredAt() == null ? now : command.occurredAt();
        if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException("occurredAt", "occurredAt is in the future");
        }
        if (occurredAt.isBefore(now.minus(MAX_AGE))) {
            throw new InvalidValueException("occurredAt", "an event is taken in within " + MAX_AGE.toDays() + " days");
        }
        Optional<Email> email =
                Optional.ofNullable(blankToNull(command.email())).map(Email::of);
        Optional<PhoneNumber> phone =
                Optional.ofNullable(blankToNull(command.phone())).map(PhoneNumber::of);
        Optional<CustomerId> customer = identify(command, email, phone, actor);
        Object store = command.attributes().get("storeId");

        RecordedActivity activity = new RecordedActivity(
                eventId,
                type,
                source,
                customer,
                customer.isPresent() ? Optional.empty() : email,
                customer.isPresent() ? Optional.empty() : phone,
                store == null ? null : store.toString(),
                occurredAt,
                now,
                command.attributes());
        if (!activities.append(activity)) {
            RecordedActivity first = activities.byEventId(source, eventId).orElse(activity);
            if (actor.role() == Role.CUSTOMER && !first.customerId().equals(customer)) {
                // another customer's event id: say nothing about it
                throw new InvalidValueException("eventId", "this eventId is taken; send a new one");
            }
            return new EventReceipt(eventId, EventReceipt.Status.DUPLICATE, first.customerId());
        }
        customer.ifPresent(c -> metrics.afterEvent(c, type.value()));
        return new EventReceipt(
                eventId, customer.isPresent() ? EventReceipt.Status.ACCEPTED : EventReceipt.Status.PROSPECT, customer);
    }

    private Optional<CustomerId> identify(
            RecordEventCommand command, Optional<Email> email, Optional<PhoneNumber> phone, Actor actor) {
        String rawId = blankToNull(command.customerId());
        if (actor.role() == Role.CUSTOMER) {
            if (email.isPresent() || phone.isPresent()) {
                throw new InvalidValueException(
                        "customerId", "the app names no e-mail or phone: its events are its customer's");
            }
            CustomerId self = CustomerId.parseDesignating(actor.subject(), "the token's subject is not a customer");
            if (rawId != null && !rawId.equalsIgnoreCase(self.toString())) {
                throw new AccessDeniedException("the app pushes its own customer's events only");
            }
            if (!customers.exists(self)) {
                throw new CustomerNotFoundException(self);
            }
            return Optional.of(self);
        }
        if (rawId != null) {
            CustomerId id = CustomerId.parseDesignating(rawId, "no customer has this id");
            if (!customers.exists(id)) {
                throw new CustomerNotFoundException(id);
            }
            return Optional.of(id);
        }
        if (email.isEmpty() && phone.isEmpty()) {
            throw new InvalidValueException("customerId", "an event names its customer: customerId, email or phone");
        }
        Optional<Customer> byEmail = email.flatMap(customers::byEmail);
        Optional<Customer> byPhone = phone.flatMap(customers::byPhone);
        if (byEmail.isPresent()
                && byPhone.isPresent()
                && !byEmail.get().id().equals(byPhone.get().id())) {
            throw new InvalidValueException("phone", "the e-mail and the phone belong to different customers");
        }
        return byEmail.or(() -> byPhone).map(Customer::id);
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
