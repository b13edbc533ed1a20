package dev.loyalty.application.event;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.metrics.LiveMetrics;
import dev.loyalty.application.metrics.TakenEvent;
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
import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Takes in events pushed by integrations and the app. The customer is named by our id, e-mail or
 * phone; an e-mail or phone nobody enrolled with makes the event a prospect's, kept and attached
 * when that contact enrols. An event id is taken in once: a retry is answered DUPLICATE and
 * changes nothing. An event id is its sender's: unique per source (APP, INTEGRATION) and
 * case-sensitive. The app pushes only its own customer's events, of the types the programme lets it
 * post ({@link AppEventTypes}), never naming a store or a channel (what a purchase's rules react
 * to): its user holds its token. An event of a customer may weigh on their engagement score: its
 * weight added in the same transaction.
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
        // a customer named by id is looked up with the insert (one statement), not before it
        RecordedActivity activity = judge(command, clock.instant(), customer -> true);
        Optional<CustomerId> customer = activity.customerId();
        boolean kept = customer.isPresent() ? activities.appendIfCustomerExists(activity) : activities.append(activity);
        if (!kept) {
            if (customer.isPresent() && !customers.exists(customer.get())) {
                throw new CustomerNotFoundException(customer.get());
            }
            return duplicate(activity, actor);
        }
        return accepted(activity);
    }

    /**
     * Events of one sender in one transaction: each judged as {@link #record} judges it (a refused
     * one is answered with its refusal and changes nothing), their customers read in one query,
     * the accepted ones kept together.
     */
    @Override
    @Transactional
    public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
        if (commands.size() > MAX_BATCH) {
            throw new InvalidValueException("items", "at most " + MAX_BATCH + " events in one batch");
        }
        for (RecordEventCommand command : commands) {
            Role role = command.actor().role();
            if (role != Role.INTEGRATION && role != Role.ADMIN) {
                throw new AccessDeniedException("batches of events come from integrations");
            }
        }
        Instant now = clock.instant();
        Set<CustomerId> named = new HashSet<>();
        for (RecordEventCommand command : commands) {
            String raw = blankToNull(command.customerId());
            if (raw != null) {
                try {
                    named.add(CustomerId.parse(raw));
                } catch (RuntimeException notAnId) {
                    // judged (and refused) with the event itself
                }
            }
        }
        Set<CustomerId> existing = named.isEmpty() ? Set.of() : customers.existing(named);
        List<BatchItem> items = new ArrayList<>(Collections.nCopies(commands.size(), null));
        List<RecordedActivity> judged = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            try {
                judged.add(judge(commands.get(i), now, existing::contains));
                positions.add(i);
            } catch (DomainException refused) {
                items.set(i, BatchItem.refused(refused));
            }
        }
        List<Boolean> appended = activities.appendAll(judged);
        List<TakenEvent> taken = new ArrayList<>();
        for (int k = 0; k < judged.size(); k++) {
            RecordedActivity activity = judged.get(k);
            int i = positions.get(k);
            if (!appended.get(k)) {
                items.set(i, BatchItem.of(duplicate(activity, commands.get(i).actor())));
            } else {
                taken(activity).ifPresent(taken::add);
                items.set(
                        i,
                        BatchItem.of(new EventReceipt(
                                activity.eventId(),
                                activity.customerId().isPresent()
                                        ? EventReceipt.Status.ACCEPTED
                                        : EventReceipt.Status.PROSPECT,
                                activity.customerId())));
            }
        }
        // the engagement of the customers who gained an event, in one statement in the customers' order
        metrics.afterEvents(taken);
        return items;
    }

    private EventReceipt accepted(RecordedActivity activity) {
        taken(activity).ifPresent(metrics::afterEvent);
        return new EventReceipt(
                activity.eventId(),
                activity.customerId().isPresent() ? EventReceipt.Status.ACCEPTED : EventReceipt.Status.PROSPECT,
                activity.customerId());
    }

    /** A customer's event as the engagement weighs it (a prospect's weighs nothing). */
    private static Optional<TakenEvent> taken(RecordedActivity activity) {
        return activity.customerId()
                .map(customer -> new TakenEvent(
                        customer,
                        activity.type().value(),
                        activity.occurredAt(),
                        messageId(activity.attributes().get("messageId"))));
    }

    /** The message an event names, as the database reads {@code attributes.messageId}: a scalar as text. */
    static Optional<String> messageId(Object attribute) {
        if (attribute == null || attribute instanceof Map<?, ?> || attribute instanceof java.util.Collection<?>) {
            return Optional.empty();
        }
        return Optional.of(attribute.toString());
    }

    private EventReceipt duplicate(RecordedActivity activity, Actor actor) {
        RecordedActivity first =
                activities.byEventId(activity.source(), activity.eventId()).orElse(activity);
        if (actor.role() == Role.CUSTOMER && !first.customerId().equals(activity.customerId())) {
            // another customer's event id: say nothing about it
            throw new InvalidValueException("eventId", "this eventId is taken; send a new one");
        }
        return new EventReceipt(activity.eventId(), EventReceipt.Status.DUPLICATE, first.customerId());
    }

    /** Checks an event and names its customer: what is kept, unless its id was taken in before. */
    private RecordedActivity judge(RecordEventCommand command, Instant now, Predicate<CustomerId> exists) {
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
        Optional<CustomerId> customer = identify(command, email, phone, actor, exists);
        Object store = command.attributes().get("storeId");
        return new RecordedActivity(
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
    }

    private Optional<CustomerId> identify(
            RecordEventCommand command,
            Optional<Email> email,
            Optional<PhoneNumber> phone,
            Actor actor,
            Predicate<CustomerId> exists) {
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
            if (!exists.test(self)) {
                throw new CustomerNotFoundException(self);
            }
            return Optional.of(self);
        }
        if (rawId != null) {
            CustomerId id = CustomerId.parseDesignating(rawId, "no customer has this id");
            if (!exists.test(id)) {
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
