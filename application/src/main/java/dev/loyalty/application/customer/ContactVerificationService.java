package dev.loyalty.application.customer;

import dev.loyalty.application.messaging.MessageOutbox;
import dev.loyalty.application.messaging.MessageRequest;
import dev.loyalty.application.messaging.OutboxService;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.KeyedDigests;
import dev.loyalty.application.shared.RateLimitedException;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.customer.ProfileUpdate;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.shared.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Verification of the contacts a customer changes in the app. The profile shows the new e-mail or
 * phone at once, but messages (marketing and transactional alike) keep going to the contact verified
 * before it - or nowhere on that channel - until the customer confirms the code sent to the new one:
 * a stranger's number or address typed in the app receives one code and nothing else (no toll
 * fraud, no phishing through rule messages). The code, six digits, goes through the outbox as a
 * transactional message to the new contact; only its keyed digest is kept; it works for {@link
 * #VALIDITY} and {@link #ATTEMPTS} wrong codes (counted under a row lock, so parallel guesses are
 * counted each). Giving the verified contact back cancels the verification; a change the console
 * makes is taken as verified. A customer is sent at most {@link ContactChangeLimit#perDay()} codes
 * (new contacts) a day, counted in the database ({@link ContactChangeQuota}: across instances and
 * restarts); the next change is refused as {@link RateLimitedException} and changes nothing.
 */
@ApplicationScoped
public class ContactVerificationService implements ChangeProfileUseCase, VerifyContactUseCase {

    /** How long a code works. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);

    /** Wrong codes allowed before the code is void. */
    public static final int ATTEMPTS = 5;

    /** The message that carries the code ({@code {code}} filled in). */
    static final String TEXT = "Your loyalty programme code: {code}. It confirms this contact for 15 minutes;"
            + " if you did not ask for it, ignore this message.";

    static final String DIGEST_PURPOSE = "contact-code";

    private final UpdateProfileUseCase profiles;
    private final FindCustomerQuery customers;
    private final ContactVerifications verifications;
    private final MessageOutbox outbox;
    private final KeyedDigests digests;
    private final ContactChangeQuota quota;
    private final ContactChangeLimit limit;
    private final Clock clock;
    private final RandomGenerator random;

    /** For CDI's proxy only. */
    protected ContactVerificationService() {
        this(null, null, null, null, null, null, null, null, null);
    }

    @Inject
    public ContactVerificationService(
            UpdateProfileUseCase profiles,
            FindCustomerQuery customers,
            ContactVerifications verifications,
            MessageOutbox outbox,
            KeyedDigests digests,
            ContactChangeQuota quota,
            ContactChangeLimit limit,
            Clock clock) {
        this(profiles, customers, verifications, outbox, digests, quota, limit, clock, new SecureRandom());
    }

    /** With a chosen source of codes (tests). */
    public ContactVerificationService(
            UpdateProfileUseCase profiles,
            FindCustomerQuery customers,
            ContactVerifications verifications,
            MessageOutbox outbox,
            KeyedDigests digests,
            ContactChangeQuota quota,
            ContactChangeLimit limit,
            Clock clock,
            RandomGenerator random) {
        this.profiles = profiles;
        this.customers = customers;
        this.verifications = verifications;
        this.outbox = outbox;
        this.digests = digests;
        this.quota = quota;
        this.limit = limit;
        this.clock = clock;
        this.random = random;
    }

    @Override
    @Transactional
    public Customer change(UpdateProfileCommand command) {
        Objects.requireNonNull(command, "command");
        Customer before = customers.byId(command.customerId(), command.actor());
        boolean byTheCustomer = command.actor().role() == Role.CUSTOMER;
        if (byTheCustomer) {
            countNewContacts(before, command.update());
        }
        Customer after = profiles.updateProfile(command);
        contactChanged(
                ContactChannel.EMAIL,
                before.email().map(Email::value),
                after.email().map(Email::value),
                after,
                byTheCustomer);
        contactChanged(
                ContactChannel.SMS,
                before.phone().map(PhoneNumber::value),
                after.phone().map(PhoneNumber::value),
                after,
                byTheCustomer);
        return after;
    }

    /**
     * Counts the new contacts the change will send a code to, before anything changes: each one is
     * a message to a contact of the caller's choosing, a bounded number a day or the app is an SMS
     * pump.
     *
     * @throws RateLimitedException when the customer's day has no room for them
     */
    private void countNewContacts(Customer before, ProfileUpdate update) {
        int contacts = (sendsCode(
                                before,
                                ContactChannel.EMAIL,
                                before.email().map(Email::value),
                                update.email().map(Email::value))
                        ? 1
                        : 0)
                + (sendsCode(
                                before,
                                ContactChannel.SMS,
                                before.phone().map(PhoneNumber::value),
                                update.phone().map(PhoneNumber::value))
                        ? 1
                        : 0);
        if (contacts == 0) {
            return;
        }
        Instant now = clock.instant();
        quota.take(before.id(), contacts, limit.perDay(), ContactChangeLimit.WINDOW, now)
                .ifPresent(windowEnd -> {
                    throw new RateLimitedException(
                            "too many new contacts for this customer: at most " + limit.perDay()
                                    + " a day (each is sent a code)",
                            Duration.between(now, windowEnd).toSeconds());
                });
    }

    /** Whether the customer giving {@code wanted} is sent a code: a contact neither current nor verified. */
    private boolean sendsCode(
            Customer before, ContactChannel channel, Optional<String> current, Optional<String> wanted) {
        if (wanted.isEmpty() || wanted.equals(current)) {
            return false;
        }
        Optional<String> verified = verifications
                .locked(before.id(), channel)
                .map(ContactVerifications.Pending::verifiedBefore)
                .orElse(current);
        return !wanted.equals(verified);
    }

    private void contactChanged(
            ContactChannel channel,
            Optional<String> before,
            Optional<String> after,
            Customer customer,
            boolean byTheCustomer) {
        if (before.equals(after)) {
            return;
        }
        Optional<ContactVerifications.Pending> pending = verifications.locked(customer.id(), channel);
        Optional<String> verified =
                pending.map(ContactVerifications.Pending::verifiedBefore).orElse(before);
        if (!byTheCustomer || after.isEmpty() || after.equals(verified)) {
            pending.ifPresent(p -> verifications.remove(customer.id(), channel));
            return;
        }
        Instant now = clock.instant();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        verifications.save(new ContactVerifications.Pending(
                customer.id(),
                channel,
                verified,
                digest(customer.id(), channel, code),
                now.plus(VALIDITY),
                ATTEMPTS,
                now));
        outbox.queue(new MessageRequest(
                customer.id(),
                Optional.of(channel == ContactChannel.EMAIL ? Channel.EMAIL : Channel.SMS),
                TEXT,
                Map.of("code", code, OutboxService.VERIFY_CONTACT, channel.name(), OutboxService.SUBJECT, "Your code"),
                true,
                0,
                "contact-verification:" + customer.id() + "/" + channel + "/" + UUID.randomUUID()));
    }

    @Override
    @Transactional(dontRollbackOn = ContactVerificationException.class)
    public Customer verify(CustomerId customerId, ContactChannel channel, String code, Actor actor) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(code, "code");
        self(customerId, actor);
        ContactVerifications.Pending pending =
                verifications.locked(customerId, channel).orElseThrow(ContactVerificationException::notFound);
        if (!clock.instant().isBefore(pending.expiresAt())) {
            throw ContactVerificationException.expired();
        }
        if (pending.attemptsLeft() <= 0) {
            throw ContactVerificationException.locked();
        }
        boolean right = MessageDigest.isEqual(
                digest(customerId, channel, code.strip()).getBytes(StandardCharsets.US_ASCII),
                pending.codeDigest().getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            ContactVerifications.Pending after = pending.afterAWrongCode();
            verifications.save(after);
            throw after.attemptsLeft() == 0
                    ? ContactVerificationException.locked()
                    : ContactVerificationException.wrongCode(after.attemptsLeft());
        }
        verifications.remove(customerId, channel);
        return customers.byId(customerId, actor);
    }

    @Override
    public Set<ContactChannel> unverified(CustomerId customerId, Actor actor) {
        if (!actor.maySee(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
        return Set.copyOf(verifications.pendingOf(customerId).keySet());
    }

    private static void self(CustomerId customerId, Actor actor) {
        if (actor.role() != Role.CUSTOMER) {
            throw new AccessDeniedException("only the customer confirms their own contact");
        }
        if (!actor.maySee(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
    }

    private String digest(CustomerId customerId, ContactChannel channel, String code) {
        return digests.digest(DIGEST_PURPOSE, customerId + ":" + channel + ":" + code);
    }
}
