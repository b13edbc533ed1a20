package dev.loyalty.application.messaging;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.UnverifiedContacts;
import dev.loyalty.application.device.Devices;
import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.device.DeviceToken;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.ChannelChoice;
import dev.loyalty.domain.messaging.ContactPoints;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageKind;
import dev.loyalty.domain.messaging.MessageStatus;
import dev.loyalty.domain.messaging.MessageText;
import dev.loyalty.domain.messaging.MissingPlaceholderException;
import dev.loyalty.domain.messaging.PressureCap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The relay's steps, each one short transaction; the provider is called between them, outside any
 * transaction. {@link #claim} leases due messages; {@link #prepare} judges one message now - the
 * customer as it is now (consent withdrawn since it was queued wins), the channel, quiet hours,
 * marketing pressure - and either settles it (SUPPRESSED, deferred, held for a till or a call) or
 * records the attempt and hands it over to be sent; {@link #accepted} and {@link #failed} record
 * what the provider said. A relay that dies between the provider's acceptance and
 * {@link #accepted} leaves the message leased: when the lease runs out it is sent again with the
 * same id, which an idempotent provider recognises (so it is not sent twice) and any other
 * provider sends once more (so it is duplicated at most once per crash, never lost). A push goes
 * to each of the customer's registered devices (a copy per device, the device's token as the
 * address); a customer without one is not reachable by push, and {@link #addressesGone} forgets the
 * devices the provider says are unregistered.
 */
@ApplicationScoped
public class MessageDispatch {

    /** What {@link #prepare} decided. */
    public sealed interface Step {}

    /** Nothing to send: the message was settled, deferred, or is no longer this claim's. */
    public record Settled(String outcome) implements Step {}

    /**
     * Send these through the channel's gateway: one message, or for push one copy per device (the
     * same id and text, each to a device).
     */
    public record Send(List<OutgoingMessage> copies) implements Step {

        /** Copies the list; at least one copy. */
        public Send {
            copies = List.copyOf(copies);
            if (copies.isEmpty()) {
                throw new IllegalArgumentException("nothing to send");
            }
        }

        /** @param message the one message */
        public Send(OutgoingMessage message) {
            this(List.of(message));
        }

        /** @return the (first) message */
        public OutgoingMessage message() {
            return copies.get(0);
        }
    }

    private final Messages messages;
    private final Customers customers;
    private final Devices devices;
    private final MessagingSettings settings;
    private final UnsubscribeTokens unsubscribeTokens;
    private final Clock clock;
    private final DoubleSupplier random;
    private final UnverifiedContacts unverified;

    /** For CDI's proxy only. */
    protected MessageDispatch() {
        this(null, null, null, null, null, null, null, (UnverifiedContacts) null);
    }

    @Inject
    public MessageDispatch(
            Messages messages,
            Customers customers,
            Devices devices,
            MessagingSettings settings,
            UnsubscribeTokens unsubscribeTokens,
            Clock clock,
            UnverifiedContacts unverified) {
        this(
                messages,
                customers,
                devices,
                settings,
                unsubscribeTokens,
                clock,
                () -> ThreadLocalRandom.current().nextDouble(),
                unverified);
    }

    /** With a chosen source of jitter and the contacts awaiting verification (tests). */
    public MessageDispatch(
            Messages messages,
            Customers customers,
            Devices devices,
            MessagingSettings settings,
            UnsubscribeTokens unsubscribeTokens,
            Clock clock,
            DoubleSupplier random,
            UnverifiedContacts unverified) {
        this.unverified = unverified;
        this.messages = messages;
        this.customers = customers;
        this.devices = devices;
        this.settings = settings;
        this.unsubscribeTokens = unsubscribeTokens;
        this.clock = clock;
        this.random = random;
    }

    /** Leases up to {@code limit} due messages to the calling relay. */
    @Transactional
    public java.util.List<Messages.Claim> claim(int limit) {
        Instant now = clock.instant();
        return messages.claimDue(now, now.plus(settings.lease()), limit);
    }

    /**
     * Judges several claimed messages in one transaction, as {@link #prepare} does each, with the
     * batch's reads and writes together: the messages locked in one read, their customers, the
     * contacts awaiting verification and the devices each read once for the batch; the customers
     * whose messages reach the marketing-pressure judgement locked together (in the customers'
     * order) and their marketing messages read once, each message then judged, in the claims'
     * order, against those as the batch's earlier decisions changed them (what {@link #prepare}
     * reads from the store after writing those decisions); the messages' changes and history lines
     * written together at the end. Should one of them fail, nothing of the batch is kept (the caller
     * then prepares them one by one).
     *
     * @return each claim's step, in the claims' order
     */
    @Transactional
    public List<Step> prepareAll(List<Messages.Claim> claims) {
        Instant now = clock.instant();
        Map<UUID, Message> locked =
                messages.lockedByIds(claims.stream().map(Messages.Claim::id).toList());
        Set<CustomerId> customerIds = new LinkedHashSet<>();
        locked.values().forEach(message -> customerIds.add(message.customerId()));
        Map<CustomerId, Customer> found = customerIds.isEmpty() ? Map.of() : customers.byIds(customerIds);
        Map<CustomerId, Map<ContactChannel, Optional<String>>> pending =
                found.isEmpty() ? Map.of() : unverified.ofAll(found.keySet());
        Map<CustomerId, List<Device>> apps = found.isEmpty() ? Map.of() : devices.ofCustomers(found.keySet());
        UnverifiedContacts pendingOf = id -> pending.getOrDefault(id, Map.of());
        // who reaches the pressure judgement depends on nothing the batch changes: found before judging
        Set<CustomerId> pressured = new LinkedHashSet<>();
        for (Messages.Claim claim : claims) {
            Message message = locked.get(claim.id());
            if (message != null) {
                Customer customer = found.get(message.customerId());
                if (customer != null
                        && reachesPressure(
                                message,
                                claim,
                                customer,
                                pendingOf,
                                !apps.getOrDefault(customer.id(), List.of()).isEmpty(),
                                now)) {
                    pressured.add(customer.id());
                }
            }
        }
        Pressure pressure = pressured.isEmpty() ? Pressure.NONE : batchPressure(pressured, now);
        Writes writes = new Writes(messages, true, pressure);
        List<Step> steps = new ArrayList<>(claims.size());
        for (Messages.Claim claim : claims) {
            steps.add(judge(
                    claim,
                    Optional.ofNullable(locked.get(claim.id())),
                    id -> Optional.ofNullable(found.get(id)),
                    pendingOf,
                    id -> apps.getOrDefault(id, List.of()),
                    writes,
                    pressure,
                    now));
        }
        writes.flush();
        return steps;
    }

    /**
     * Whether {@link #judge} comes to the marketing-pressure judgement for this message: still this
     * claim's, an attempt left, marketing, not counted yet, a channel it may use and not in quiet
     * hours.
     */
    private boolean reachesPressure(
            Message message,
            Messages.Claim claim,
            Customer customer,
            UnverifiedContacts unverifiedOf,
            boolean hasDevice,
            Instant now) {
        if (!heldBy(message, claim)
                || message.schedule().attempts() >= settings.retrySchedule().maxAttempts()
                || message.routing().kind() != MessageKind.MARKETING
                || message.schedule().countedAt().isPresent()) {
            return false;
        }
        ChannelChoice.Outcome choice = settings.channelChoice()
                .choose(
                        message.routing().requestedChannel(),
                        MessageKind.MARKETING,
                        customer,
                        contactsFor(message, customer, unverifiedOf),
                        hasDevice);
        return choice instanceof ChannelChoice.Chosen
                && settings.quietHours()
                        .flatMap(q -> q.deferral(
                                now, settings.zoneOf(message.routing().storeId())))
                        .isEmpty();
    }

    /** The window the pressure caps look back over (the longest cap's). */
    private Duration longestCap() {
        return settings.pressure().caps().stream()
                .map(PressureCap::window)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /**
     * The batch's pressure: its customers locked together, their marketing messages read once and
     * kept as the batch changes them.
     */
    private Pressure batchPressure(Set<CustomerId> pressured, Instant now) {
        messages.lockPressure(pressured);
        Map<CustomerId, Map<UUID, Messages.Marketing>> known = new HashMap<>();
        pressured.forEach(customer -> known.put(customer, new HashMap<>()));
        for (Messages.Marketing message :
                messages.pressureOf(pressured, now.minus(longestCap()), now.plus(settings.lease()))) {
            Map<UUID, Messages.Marketing> ofCustomer = known.get(message.customer());
            if (ofCustomer != null) {
                ofCustomer.put(message.id(), message);
            }
        }
        return new Pressure() {
            @Override
            public void lock(CustomerId customer, Writes writes) {
                if (!known.containsKey(customer)) {
                    throw new IllegalStateException(
                            "customer " + customer + ": a pressure judgement the batch did not foresee");
                }
            }

            @Override
            public List<MarketingPressurePolicy.Counted> countedSince(CustomerId customer, Instant since) {
                return known.get(customer).values().stream()
                        .filter(m -> m.countedAfter(since))
                        .map(m -> new MarketingPressurePolicy.Counted(
                                m.countedAt().orElseThrow(), m.channel().orElseThrow()))
                        .toList();
            }

            @Override
            public List<Channel> waitingWithHigherPriority(
                    CustomerId customer, UUID excluding, int priority, Instant horizon) {
                return known.get(customer).values().stream()
                        .filter(m -> !m.id().equals(excluding) && m.waitingAbove(priority, horizon))
                        .map(Messages.Marketing::waitingChannel)
                        .toList();
            }

            @Override
            public void saved(Message message) {
                Map<UUID, Messages.Marketing> ofCustomer = known.get(message.customerId());
                if (ofCustomer != null && message.routing().kind() == MessageKind.MARKETING) {
                    ofCustomer.put(message.id(), Messages.Marketing.of(message));
                }
            }
        };
    }

    /**
     * Where the pressure judgement reads from: the store, after the batch's earlier decisions were
     * written and the customer locked ({@link #direct}), or what a batch read once and keeps current.
     */
    private interface Pressure {

        /** No message of the batch reaches the judgement. */
        Pressure NONE = new Pressure() {
            @Override
            public void lock(CustomerId customer, Writes writes) {
                throw new IllegalStateException(
                        "customer " + customer + ": a pressure judgement the batch did not foresee");
            }

            @Override
            public List<MarketingPressurePolicy.Counted> countedSince(CustomerId customer, Instant since) {
                throw new IllegalStateException("no pressure read");
            }

            @Override
            public List<Channel> waitingWithHigherPriority(
                    CustomerId customer, UUID excluding, int priority, Instant horizon) {
                throw new IllegalStateException("no pressure read");
            }

            @Override
            public void saved(Message message) {}
        };

        /** Takes the customer's pressure lock, the decisions before this one visible to the reads after it. */
        void lock(CustomerId customer, Writes writes);

        List<MarketingPressurePolicy.Counted> countedSince(CustomerId customer, Instant since);

        List<Channel> waitingWithHigherPriority(CustomerId customer, UUID excluding, int priority, Instant horizon);

        /** A message's change the reads after it must see. */
        void saved(Message message);
    }

    /** The pressure read from the store, one customer at a time. */
    private Pressure direct() {
        return new Pressure() {
            @Override
            public void lock(CustomerId customer, Writes writes) {
                writes.flush();
                messages.lockPressure(customer);
            }

            @Override
            public List<MarketingPressurePolicy.Counted> countedSince(CustomerId customer, Instant since) {
                return messages.countedSince(customer, since);
            }

            @Override
            public List<Channel> waitingWithHigherPriority(
                    CustomerId customer, UUID excluding, int priority, Instant horizon) {
                return messages.waitingWithHigherPriority(customer, excluding, priority, horizon);
            }

            @Override
            public void saved(Message message) {}
        };
    }

    /**
     * Records several providers' acceptances in one transaction, as {@link #accepted} does each:
     * the messages locked in one read, their changes and history lines written together.
     *
     * @param receipts each claim and what its provider answered
     */
    @Transactional
    public void acceptedAll(Map<Messages.Claim, MessageGateway.Accepted> receipts) {
        Instant now = clock.instant();
        Map<UUID, Message> locked = messages.lockedByIds(
                receipts.keySet().stream().map(Messages.Claim::id).toList());
        Writes writes = new Writes(messages, true, Pressure.NONE);
        receipts.forEach((claim, receipt) -> record(Optional.ofNullable(locked.get(claim.id())), receipt, writes, now));
        writes.flush();
    }

    /** Judges a claimed message now and settles it or hands it over to be sent. */
    @Transactional
    public Step prepare(Messages.Claim claim) {
        return judge(
                claim,
                messages.lockedById(claim.id()),
                customers::byId,
                unverified,
                devices::ofCustomer,
                new Writes(messages, false, Pressure.NONE),
                direct(),
                clock.instant());
    }

    /**
     * Judges a claimed message now - the customer as it is now (consent withdrawn since it was
     * queued wins), the channel, quiet hours, marketing pressure - from what was read for it.
     */
    private Step judge(
            Messages.Claim claim,
            Optional<Message> locked,
            Function<CustomerId, Optional<Customer>> customerOf,
            UnverifiedContacts unverifiedOf,
            Function<CustomerId, List<Device>> devicesOf,
            Writes writes,
            Pressure pressure,
            Instant now) {
        if (locked.isEmpty() || !heldBy(locked.get(), claim)) {
            return new Settled("claim lost");
        }
        Message message = locked.get();
        if (message.schedule().attempts() >= settings.retrySchedule().maxAttempts()) {
            return fail(
                    message,
                    "no attempt left (the last one's outcome is unknown: the relay stopped during it)",
                    now,
                    writes);
        }
        Optional<Customer> found = customerOf.apply(message.customerId());
        if (found.isEmpty()) {
            return suppress(message, "the customer does not exist", now, writes);
        }
        Customer customer = found.get();
        MessageKind kind = message.routing().kind();
        boolean marketing = kind == MessageKind.MARKETING;
        ContactPoints contacts = contactsFor(message, customer, unverifiedOf);
        List<Device> apps = devicesOf.apply(customer.id());
        ChannelChoice.Outcome choice = settings.channelChoice()
                .choose(message.routing().requestedChannel(), kind, customer, contacts, !apps.isEmpty());
        if (choice instanceof ChannelChoice.Unreachable unreachable) {
            return suppress(message, unreachable.reason(), now, writes);
        }
        Channel channel = ((ChannelChoice.Chosen) choice).channel();
        message.chooseChannel(channel);
        if (marketing) {
            Optional<Instant> quiet = settings.quietHours()
                    .flatMap(q ->
                            q.deferral(now, settings.zoneOf(message.routing().storeId())));
            if (quiet.isPresent()) {
                message.deferUntil(quiet.get());
                writes.save(message);
                writes.append(message.id(), new StatusChange("DEFERRED", "quiet hours, until " + quiet.get(), now));
                return new Settled("deferred");
            }
            if (message.schedule().countedAt().isEmpty()) {
                // the decisions on one customer's messages one at a time across all instances; the reads
                // below see the decisions taken before in this batch
                pressure.lock(message.customerId(), writes);
                Optional<String> refusal = settings.pressure()
                        .refusal(
                                channel,
                                now,
                                pressure.countedSince(message.customerId(), now.minus(longestCap())),
                                pressure.waitingWithHigherPriority(
                                        message.customerId(),
                                        message.id(),
                                        message.routing().priority(),
                                        now.plus(settings.lease())));
                if (refusal.isPresent()) {
                    return suppress(
                            message,
                            refusal.get() + " (priority " + message.routing().priority() + ")",
                            now,
                            writes);
                }
                message.countAgainstPressure(now);
            }
        }
        String text;
        String subject;
        try {
            Map<String, String> values = values(message, customer);
            text = new MessageText(message.content().template()).render(values);
            subject = Optional.ofNullable(message.content().values().get(OutboxService.SUBJECT))
                    .map(s -> new MessageText(s).render(values))
                    .orElse(settings.subject());
        } catch (MissingPlaceholderException e) {
            return fail(message, e.getMessage(), now, writes);
        }
        if (channel == Channel.PRINT_AT_TILL || channel == Channel.STAFF_CALL) {
            message.holdInStore(now);
            writes.save(message);
            writes.append(
                    message.id(),
                    new StatusChange(
                            "SENT",
                            channel == Channel.PRINT_AT_TILL
                                    ? "waiting to be printed at the customer's next till visit"
                                    : "on the call list of store "
                                            + message.routing().storeId().orElse("(none)"),
                            now));
            return new Settled("held in store");
        }
        List<String> addresses =
                switch (channel) {
                    case SMS -> List.of(contacts.phone().orElseThrow());
                    case EMAIL -> List.of(contacts.email().orElseThrow());
                    default -> apps.stream().map(d -> d.token().value()).toList();
                };
        Optional<String> unsubscribe = Optional.empty();
        if (marketing && channel == Channel.EMAIL) {
            unsubscribe = settings.publicBaseUrl()
                    .map(base -> base + "/api/v1/unsubscribe?token="
                            + unsubscribeTokens.token(
                                    customer.id(), channel.marketingConsent().orElseThrow()));
        }
        int attempt = message.attempt();
        writes.save(message);
        writes.append(
                message.id(),
                new StatusChange(
                        "ATTEMPT",
                        "attempt " + attempt + " on " + channel
                                + (channel == Channel.PUSH ? " to " + addresses.size() + " device(s)" : ""),
                        now));
        Optional<String> link = unsubscribe;
        return new Send(addresses.stream()
                .map(address -> new OutgoingMessage(
                        message.id(), message.customerId(), channel, kind, address, subject, text, link))
                .toList());
    }

    /**
     * Forgets the devices the push provider says are unregistered, and says so in the message's
     * history (by the tokens' short forms).
     *
     * @param messageId the message whose sending found out
     * @param tokens the tokens that no longer reach an app
     */
    @Transactional
    public void addressesGone(java.util.UUID messageId, Collection<String> tokens) {
        List<DeviceToken> gone = tokens.stream().map(DeviceToken::new).toList();
        int forgotten = devices.forget(gone);
        messages.append(
                messageId,
                new StatusChange(
                        "DEVICE_GONE",
                        "the push provider no longer knows device(s) "
                                + gone.stream().map(DeviceToken::shortForm).toList() + "; " + forgotten
                                + " forgotten",
                        clock.instant()));
    }

    /** Records a provider's acceptance (also when the claim was lost meanwhile: the provider did accept it). */
    @Transactional
    public void accepted(Messages.Claim claim, MessageGateway.Accepted receipt) {
        record(messages.lockedById(claim.id()), receipt, new Writes(messages, false, Pressure.NONE), clock.instant());
    }

    private static void record(Optional<Message> locked, MessageGateway.Accepted receipt, Writes writes, Instant now) {
        if (locked.isEmpty()) {
            return;
        }
        Message message = locked.get();
        String detail = "accepted by " + receipt.provider() + " as " + receipt.providerId();
        if (message.status() == MessageStatus.QUEUED) {
            message.acceptedBy(receipt.providerId(), now);
            writes.save(message);
            writes.append(message.id(), new StatusChange("SENT", detail, now));
        } else {
            writes.append(message.id(), new StatusChange("SENT", detail + " again (a repeated attempt)", now));
        }
    }

    /** Records a failed attempt: tried again later with backoff, or a dead letter. */
    @Transactional
    public void failed(Messages.Claim claim, GatewayException failure) {
        Instant now = clock.instant();
        Optional<Message> locked = messages.lockedById(claim.id());
        if (locked.isEmpty() || !heldBy(locked.get(), claim)) {
            return;
        }
        Message message = locked.get();
        int attempts = message.schedule().attempts();
        String detail = "attempt " + attempts + " failed: " + failure.getMessage();
        if (failure.retryable() && settings.retrySchedule().allowsAnotherAfter(attempts)) {
            Instant next = now.plus(settings.retrySchedule().delayAfter(attempts, random.getAsDouble()));
            message.retryAt(next, detail);
            messages.save(message);
            messages.append(message.id(), new StatusChange("RETRY", detail + "; next attempt at " + next, now));
        } else {
            fail(
                    message,
                    detail + (failure.retryable() ? " (no attempt left)" : " (permanent)"),
                    now,
                    new Writes(messages, false, Pressure.NONE));
        }
    }

    /**
     * @return where the message may go: the customer's verified contacts, except for a contact
     *     verification's code, which goes to the contact it verifies
     */
    static ContactPoints contactsFor(Message message, Customer customer, UnverifiedContacts unverified) {
        ContactPoints profile = ContactPoints.of(customer);
        boolean verificationCode = message.routing().kind() == MessageKind.TRANSACTIONAL
                && message.cause().startsWith("contact-verification:")
                && message.content().values().containsKey(OutboxService.VERIFY_CONTACT);
        return verificationCode ? profile : profile.verifiedOnly(unverified.of(customer.id()));
    }

    /** @return whether the message is still queued under this claim (no later claim took it) */
    private static boolean heldBy(Message message, Messages.Claim claim) {
        return message.schedule().leases() == claim.leases() && message.status() == MessageStatus.QUEUED;
    }

    private Map<String, String> values(Message message, Customer customer) {
        Map<String, String> values = new HashMap<>();
        values.put("firstName", customer.firstName());
        values.put("appLink", settings.appLink());
        values.put("storeName", message.routing().storeId().orElse(""));
        values.putAll(message.content().values());
        return values;
    }

    private static Step suppress(Message message, String reason, Instant now, Writes writes) {
        message.suppress(reason);
        writes.save(message);
        writes.append(message.id(), new StatusChange("SUPPRESSED", reason, now));
        return new Settled("suppressed");
    }

    private static Step fail(Message message, String reason, Instant now, Writes writes) {
        message.fail(reason);
        writes.save(message);
        writes.append(message.id(), new StatusChange("FAILED", reason, now));
        return new Settled("failed");
    }

    /**
     * Where a judgement's changes go: straight to the store, or held and written together by
     * {@link #flush} (a batch's: one statement for the messages' changes, one for their history).
     */
    private static final class Writes {

        private final Messages messages;
        private final boolean held;
        private final Pressure pressure;
        private final List<Message> changed = new ArrayList<>();
        private final List<Messages.Line> lines = new ArrayList<>();

        Writes(Messages messages, boolean held, Pressure pressure) {
            this.messages = messages;
            this.held = held;
            this.pressure = pressure;
        }

        void save(Message message) {
            pressure.saved(message);
            if (held) {
                changed.add(message);
            } else {
                messages.save(message);
            }
        }

        void append(UUID id, StatusChange change) {
            if (held) {
                lines.add(new Messages.Line(id, change));
            } else {
                messages.append(id, change);
            }
        }

        /** Writes what is held: the messages' changes, then their history lines in order. */
        void flush() {
            if (!changed.isEmpty()) {
                messages.saveAll(List.copyOf(changed));
                changed.clear();
            }
            if (!lines.isEmpty()) {
                messages.appendAll(List.copyOf(lines));
                lines.clear();
            }
        }
    }
}
