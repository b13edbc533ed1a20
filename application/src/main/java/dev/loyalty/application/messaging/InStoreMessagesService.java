package dev.loyalty.application.messaging;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.UnverifiedContacts;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.ContactPoints;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageStatus;
import dev.loyalty.domain.messaging.MessageText;
import dev.loyalty.domain.messaging.MissingPlaceholderException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-store channels: blocks printed at the till and the stores' call lists. Their messages are
 * SENT when the relay has judged them (consent, pressure) and held them here, and DELIVERED when a
 * till printed them or the staff made the call. The call list shows only verified phone numbers: a
 * number changed in the app and not confirmed yet gives way to the one verified before it, or to
 * no line at all.
 */
@ApplicationScoped
public class InStoreMessagesService implements TillMessages, StaffCallList {

    /** The longest call list read at once. */
    public static final int CALL_LIST_LIMIT = 200;

    private final Messages messages;
    private final Customers customers;
    private final UnverifiedContacts unverified;
    private final MessagingSettings settings;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected InStoreMessagesService() {
        this(null, null, null, null, null);
    }

    @Inject
    public InStoreMessagesService(
            Messages messages,
            Customers customers,
            UnverifiedContacts unverified,
            MessagingSettings settings,
            Clock clock) {
        this.messages = messages;
        this.customers = customers;
        this.unverified = unverified;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param storeId the store whose receipt would print them
     * @return the blocks waiting for the customer there (its store's and every store's), oldest first
     */
    List<PrintableMessage> waitingFor(CustomerId customer, String storeId) {
        // every STORE purchase asks, and mostly nothing waits: the customer is read only when something does
        List<Message> waiting = messages.sentNotDelivered(customer, Channel.PRINT_AT_TILL).stream()
                .filter(m -> m.routing().storeId().map(storeId::equals).orElse(true))
                .toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        Optional<Customer> found = customers.byId(customer);
        if (found.isEmpty()) {
            return List.of();
        }
        return waiting.stream().flatMap(m -> printable(m, found.get()).stream()).toList();
    }

    @Override
    @Transactional
    public List<PrintableMessage> print(CustomerId customer, String storeId, String reference) {
        List<PrintableMessage> printed = new ArrayList<>();
        Instant now = clock.instant();
        for (PrintableMessage block : waitingFor(customer, storeId)) {
            Optional<Message> locked = messages.lockedById(block.messageId());
            if (locked.isPresent() && locked.get().status() == MessageStatus.SENT) {
                locked.get().deliver();
                messages.save(locked.get());
                messages.append(
                        block.messageId(),
                        new StatusChange("DELIVERED", "printed at store " + storeId + " on " + reference, now));
                printed.add(block);
            }
        }
        return printed;
    }

    @Override
    public List<StaffCall> callList(String storeId, Actor actor) {
        String store = mayAct(storeId, actor);
        List<StaffCall> calls = new ArrayList<>();
        for (Message message : messages.callList(store, CALL_LIST_LIMIT)) {
            Optional<Customer> customer = customers.byId(message.customerId());
            if (customer.isEmpty()) {
                continue;
            }
            Customer c = customer.get();
            // the staff phone the number the customer verified: one changed in the app and not
            // confirmed yet could be anyone's (the one verified before it, if any, is called meanwhile)
            Optional<String> phone =
                    ContactPoints.of(c).verifiedOnly(unverified.of(c.id())).phone();
            if (phone.isEmpty()) {
                continue;
            }
            printable(message, c)
                    .ifPresent(block -> calls.add(new StaffCall(
                            message.id(),
                            c.id(),
                            c.firstName(),
                            c.lastName(),
                            phone.get(),
                            block.text(),
                            message.delivery().sentAt().orElse(message.createdAt()))));
        }
        return calls;
    }

    @Override
    @Transactional
    public void called(String storeId, UUID messageId, String note, Actor actor) {
        String store = mayAct(storeId, actor);
        Message message = messages.lockedById(messageId).orElseThrow(MessageNotFoundException::new);
        if (message.delivery().channel().filter(c -> c == Channel.STAFF_CALL).isEmpty()
                || !message.routing().storeId().filter(store::equals).isPresent()) {
            throw new MessageNotFoundException();
        }
        if (message.status() != MessageStatus.SENT) {
            throw new MessageNotRetryableException(message.status());
        }
        String detail = "called by " + actor.subject() + (note == null || note.isBlank() ? "" : ": " + note.strip());
        message.deliver();
        messages.save(message);
        messages.append(messageId, new StatusChange("DELIVERED", detail, clock.instant()));
    }

    private Optional<PrintableMessage> printable(Message message, Customer customer) {
        Map<String, String> values = new HashMap<>();
        values.put("firstName", customer.firstName());
        values.put("appLink", settings.appLink());
        values.put("storeName", message.routing().storeId().orElse(""));
        values.putAll(message.content().values());
        try {
            return Optional.of(new PrintableMessage(
                    message.id(), new MessageText(message.content().template()).render(values), message.createdAt()));
        } catch (MissingPlaceholderException e) {
            return Optional.empty();
        }
    }

    private static String mayAct(String storeId, Actor actor) {
        if (storeId == null || storeId.isBlank()) {
            throw new InvalidValueException("storeId", "storeId is required");
        }
        String store = storeId.strip();
        switch (actor.role()) {
            case ADMIN -> {}
            case TERMINAL -> {
                if (!actor.storeId().equals(store)) {
                    throw new AccessDeniedException("a terminal sees its own store's call list only");
                }
            }
            default -> throw new AccessDeniedException("call lists are the stores' and the console's");
        }
        return store;
    }
}
