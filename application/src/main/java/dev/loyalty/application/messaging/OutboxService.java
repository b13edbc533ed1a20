package dev.loyalty.application.messaging;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.UnverifiedContacts;
import dev.loyalty.application.device.Devices;
import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.device.Device;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.ChannelChoice;
import dev.loyalty.domain.messaging.ContactPoints;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageKind;
import dev.loyalty.domain.messaging.MessageTemplate;
import dev.loyalty.domain.messaging.MessageText;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Queues messages in the caller's transaction (the outbox): a message exists if and only if the
 * change that caused it commits, and the relay sends it after commit. The same cause queues one
 * message (a unique key). The text's placeholders are checked now: a placeholder that will have no
 * value makes the message a dead letter at once (FAILED, with the reason) rather than failing the
 * caller's transaction or reaching the customer half-filled; so does a text naming a template
 * ({@code @name}, taken - for a push, in the language of the app's device first - in the customer's
 * language, else the programme's, else English) that does not exist. The channel is chosen tentatively
 * now and for good when sent, when consent and pressure are judged; a campaign's message that no channel
 * may reach now ({@link #queueAllJudged}) is stored SUPPRESSED at once instead, as the relay would
 * have settled it.
 */
@ApplicationScoped
public class OutboxService implements MessageOutbox, SendMessageUseCase {

    /** The longest cause accepted. */
    public static final int MAX_CAUSE = 255;

    /** The value that, when given, is the message's subject (a template's subject goes there). */
    public static final String SUBJECT = "subject";

    /**
     * The value that, in a transactional message, sends it to the customer's contact on that channel
     * ({@code EMAIL}, {@code SMS}) as the profile has it, verified or not: only the verification code
     * goes there; every other message goes to the verified contacts.
     */
    public static final String VERIFY_CONTACT = "verifyContact";

    /** The placeholders the messaging side fills itself. */
    static final Set<String> FILLED_HERE = Set.of("firstName", "appLink", "storeName");

    private final Messages messages;
    private final Customers customers;
    private final Devices devices;
    private final MessageTemplates templates;
    private final MessagingSettings settings;
    private final Clock clock;
    private final UnverifiedContacts unverified;

    /** For CDI's proxy only. */
    protected OutboxService() {
        this(null, null, null, null, null, null, (UnverifiedContacts) null);
    }

    @Inject
    public OutboxService(
            Messages messages,
            Customers customers,
            Devices devices,
            MessageTemplates templates,
            MessagingSettings settings,
            Clock clock,
            UnverifiedContacts unverified) {
        this.unverified = unverified;
        this.messages = messages;
        this.customers = customers;
        this.devices = devices;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void queue(MessageRequest request) {
        queued(request);
    }

    @Override
    @Transactional
    public Queued queueJudged(MessageRequest request) {
        return queued(request);
    }

    /**
     * The requests' customers, their apps' languages and contacts awaiting verification read once for all, each
     * request judged as {@link #queueJudged} judges it, then all the messages stored in one go. A message no
     * channel may reach (consent, no contact) is stored SUPPRESSED at once, with its reason and the history the
     * relay would have given it (queued, then suppressed), so no relay claims and judges it again: the caller
     * (a campaign's page or chunk) records its member SUPPRESSED for the same reason in the same transaction.
     */
    @Override
    @Transactional
    public List<Queued> queueAllJudged(List<MessageRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Set<CustomerId> who = new java.util.LinkedHashSet<>();
        requests.forEach(r -> who.add(r.customerId()));
        Map<CustomerId, Customer> found = customers.byIds(who);
        Map<CustomerId, Optional<LanguageTag>> apps = devices.appLanguages(who);
        Map<CustomerId, Map<ContactChannel, Optional<String>>> pending = unverified.ofAll(who);
        List<Judged> judged = new java.util.ArrayList<>(requests.size());
        // a page's messages name one template: read once per language order, not per message
        Map<String, Object> resolved = new HashMap<>();
        Resolver once = (languages, text) -> {
            Object known = resolved.computeIfAbsent(languages + "\n" + text, k -> {
                try {
                    return MessageTemplateService.resolve(templates, languages, text);
                } catch (MessageTemplateNotFoundException e) {
                    return e;
                }
            });
            if (known instanceof MessageTemplateNotFoundException e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            Optional<MessageTemplate> template = (Optional<MessageTemplate>) known;
            return template;
        };
        for (MessageRequest request : requests) {
            Customer customer = found.get(request.customerId());
            if (customer == null) {
                throw new CustomerNotFoundException(request.customerId());
            }
            judged.add(judged(
                    once,
                    request,
                    customer,
                    apps.containsKey(customer.id()),
                    pending.getOrDefault(customer.id(), Map.of()),
                    () -> apps.getOrDefault(customer.id(), Optional.empty()),
                    true));
        }
        Set<UUID> stored = messages.addAll(
                judged.stream().map(Judged::message).toList(),
                judged.stream().map(Judged::history).toList());
        return judged.stream()
                .map(j -> j.queued(stored.contains(j.message().id())))
                .toList();
    }

    @Override
    @Transactional
    public MessageRecord send(SendMessageCommand command) {
        command.actor().requireAdmin("only the console sends messages by hand");
        MessageRequest request = new MessageRequest(
                command.customerId(),
                command.channel(),
                command.template(),
                command.values(),
                command.transactional(),
                command.priority(),
                "console:" + command.actor().subject() + "/" + UUID.randomUUID());
        UUID id = queued(request).messageId().orElseThrow();
        Message message = messages.byId(id).orElseThrow(MessageNotFoundException::new);
        return new MessageRecord(message, messages.history(id));
    }

    /**
     * @return the cause as kept: as given, or past {@value #MAX_CAUSE} characters its SHA-256 (still
     *     unique per cause, so a long cause never fails the caller's transaction)
     */
    static String cause(String given) {
        String cause = given.strip();
        if (cause.isEmpty()) {
            throw new InvalidValueException("cause", "cause must not be blank");
        }
        if (cause.length() <= MAX_CAUSE) {
            return cause;
        }
        try {
            return "sha256:"
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(cause.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** @return the new message's id (empty when its cause was already queued) and the channel judged */
    private Queued queued(MessageRequest request) {
        Customer customer = customers
                .byId(request.customerId())
                .orElseThrow(() -> new CustomerNotFoundException(request.customerId()));
        List<Device> apps = devices.ofCustomer(customer.id());
        Judged judged = judged(
                (languages, text) -> MessageTemplateService.resolve(templates, languages, text),
                request,
                customer,
                !apps.isEmpty(),
                unverified.of(customer.id()),
                () -> Devices.appLanguage(apps),
                false);
        boolean stored = messages.add(judged.message(), judged.history().get(0));
        return judged.queued(stored);
    }

    /** A message's template as {@link MessageTemplateService#resolve} finds it. */
    private interface Resolver {
        Optional<MessageTemplate> resolve(List<String> languages, String text);
    }

    /**
     * A message judged and built, not stored yet, with the history it is stored with (its first line, and
     * for a message settled at once the line of its end) and what its caller is told once it is.
     */
    private record Judged(
            Message message, List<StatusChange> history, Optional<Channel> tentative, Optional<String> refused) {

        Queued queued(boolean stored) {
            return new Queued(
                    stored ? Optional.of(message.id()) : Optional.empty(),
                    refused.isPresent() ? Optional.empty() : tentative,
                    refused);
        }
    }

    /**
     * The message a request makes to the customer (who has a device or not, these contacts awaiting
     * verification); with {@code settleUnreachable}, one no channel may reach is SUPPRESSED at once with the
     * reason the relay would give it (it judges the channel first, as here: the customer exists and no
     * attempt was made), else it is queued and the relay suppresses it.
     */
    private Judged judged(
            Resolver resolver,
            MessageRequest request,
            Customer customer,
            boolean hasDevice,
            Map<ContactChannel, Optional<String>> awaitingVerification,
            java.util.function.Supplier<Optional<LanguageTag>> appLanguage,
            boolean settleUnreachable) {
        String cause = cause(request.cause());
        String template = request.template();
        Map<String, String> values = new HashMap<>(request.values());
        Optional<String> problem = Optional.empty();
        Instant now = clock.instant();
        MessageKind kind = request.transactional() ? MessageKind.TRANSACTIONAL : MessageKind.MARKETING;
        Optional<Channel> requested = request.channel();
        ContactPoints profile = ContactPoints.of(customer);
        ContactPoints contacts = request.transactional()
                        && request.cause().startsWith("contact-verification:")
                        && values.containsKey(VERIFY_CONTACT)
                ? profile
                : profile.verifiedOnly(awaitingVerification);
        ChannelChoice.Outcome choice = settings.channelChoice().choose(requested, kind, customer, contacts, hasDevice);
        Optional<Channel> tentative =
                choice instanceof ChannelChoice.Chosen chosen ? Optional.of(chosen.channel()) : requested;
        // a push is read in the app: the language the app runs in comes before the customer's (read
        // only for a push, so a page of SMS reads no device)
        Optional<LanguageTag> pushLanguage =
                tentative.filter(c -> c == Channel.PUSH).flatMap(push -> appLanguage.get());
        try {
            Optional<MessageTemplate> named = resolver.resolve(
                    MessageTemplateService.languages(
                            pushLanguage, customer.attributes().knownLanguage(), settings.language()),
                    template.strip());
            if (named.isPresent()) {
                template = named.get().body().value();
                named.get().subject().ifPresent(subject -> values.putIfAbsent(SUBJECT, subject));
            }
        } catch (MessageTemplateNotFoundException e) {
            problem = Optional.of(e.getMessage());
        }
        MessageText text = new MessageText(template);
        Optional<String> unreachable =
                choice instanceof ChannelChoice.Unreachable none ? Optional.of(none.reason()) : Optional.empty();
        Optional<String> storeId = Optional.ofNullable(request.values().get("storeId"))
                .filter(s -> !s.isBlank())
                .or(customer::storeId);

        Set<String> known = new HashSet<>(FILLED_HERE);
        known.addAll(values.keySet());
        Set<String> missing = new HashSet<>(text.placeholders());
        Optional.ofNullable(values.get(SUBJECT)).ifPresent(s -> missing.addAll(new MessageText(s).placeholders()));
        missing.removeAll(known);
        if (problem.isEmpty() && !missing.isEmpty()) {
            problem =
                    Optional.of("placeholders without a value: " + String.join(", ", new java.util.TreeSet<>(missing)));
        }
        UUID id = UUID.randomUUID();
        Message.Routing routing = new Message.Routing(kind, request.priority(), requested, storeId);
        Message.Content content = new Message.Content(template, values);
        Message message = problem.isEmpty()
                ? Message.queue(id, request.customerId(), cause, routing, content, tentative, now)
                : Message.deadLetter(id, request.customerId(), cause, routing, content, tentative, problem.get(), now);
        StatusChange first = new StatusChange(
                message.status().name(),
                message.delivery()
                        .reason()
                        .orElse(kind + " message queued"
                                + tentative.map(c -> " for " + c).orElse("")),
                now);
        List<StatusChange> history = List.of(first);
        if (settleUnreachable && problem.isEmpty() && unreachable.isPresent()) {
            message.suppress(unreachable.get());
            history = List.of(first, new StatusChange("SUPPRESSED", unreachable.get(), now));
        }
        Optional<String> refused = problem.isPresent() ? problem : unreachable;
        return new Judged(message, history, tentative, refused);
    }
}
