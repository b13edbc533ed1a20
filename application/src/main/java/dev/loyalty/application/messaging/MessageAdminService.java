package dev.loyalty.application.messaging;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageStatus;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's side of messaging - messages with their history, the dead letters and their retry
 * - and the providers' delivery reports.
 */
@ApplicationScoped
public class MessageAdminService implements MessagesQuery, RetryMessageUseCase, DeliveryReportUseCase {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "messages are the console's";

    /** The most messages one read returns. */
    public static final int MAX_LIMIT = 500;

    private final Messages messages;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected MessageAdminService() {
        this(null, null);
    }

    @Inject
    public MessageAdminService(Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<MessageRecord> ofCustomer(CustomerId customer, int limit, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return messages.ofCustomer(customer, checked(limit)).stream()
                .map(this::record)
                .toList();
    }

    @Override
    public List<MessageRecord> withStatus(MessageStatus status, int limit, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return messages.withStatus(status, checked(limit)).stream()
                .map(this::record)
                .toList();
    }

    @Override
    public MessageRecord byId(UUID id, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return record(messages.byId(id).orElseThrow(MessageNotFoundException::new));
    }

    @Override
    @Transactional
    public MessageRecord retry(UUID id, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        Message message = messages.lockedById(id).orElseThrow(MessageNotFoundException::new);
        if (message.status() != MessageStatus.FAILED) {
            throw new MessageNotRetryableException(message.status());
        }
        Instant now = clock.instant();
        message.requeue(now);
        messages.save(message);
        messages.append(id, new StatusChange("REQUEUED", "queued again by " + actor.subject(), now));
        return record(message);
    }

    @Override
    @Transactional
    public Outcome report(String providerId, boolean delivered, String detail) {
        Optional<Message> found = messages.lockedByProviderId(providerId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_MESSAGE;
        }
        Message message = found.get();
        Instant now = clock.instant();
        // the provider's parameters are signed as a whole: the same report twice is a replay
        boolean seen = messages.history(message.id()).stream()
                .anyMatch(change -> change.detail().equals(detail) && REPORT_STATUSES.contains(change.status()));
        if (seen || (message.status() == MessageStatus.DELIVERED && !delivered)) {
            return Outcome.REPLAYED;
        }
        if (message.status() != MessageStatus.SENT) {
            messages.append(message.id(), new StatusChange("REPORT", detail, now));
            return Outcome.RECORDED;
        }
        if (delivered) {
            message.deliver();
        } else {
            message.fail(detail);
        }
        messages.save(message);
        messages.append(message.id(), new StatusChange(message.status().name(), detail, now));
        return Outcome.RECORDED;
    }

    /** The history lines a delivery report writes. */
    private static final java.util.Set<String> REPORT_STATUSES = java.util.Set.of("REPORT", "DELIVERED", "FAILED");

    private MessageRecord record(Message message) {
        return new MessageRecord(message, messages.history(message.id()));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be 1 to " + MAX_LIMIT);
        }
        return limit;
    }
}
