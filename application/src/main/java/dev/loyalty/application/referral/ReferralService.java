package dev.loyalty.application.referral;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.KeyedDigests;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Referral codes and the programme. A code is given at enrolment; an enrolment with somebody's
 * code is recorded as a pending referral - unless the newcomer's e-mail or phone was referred
 * before (a person who erased their account and enrols again is no new customer). An unknown code
 * does not refuse the enrolment (a cashier should not lose a customer over a typo); it is simply
 * no referral. The reward itself comes with the newcomer's first purchase (see {@link ReferralReactor}).
 */
@ApplicationScoped
public class ReferralService implements ReferralUseCases {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "the referral programme is the console's";

    /** Letters and digits a customer can read aloud without confusion (no 0/O, 1/I/L). */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    static final int CODE_LENGTH = 8;

    /** The purpose of the keyed digest of a referred contact. */
    public static final String DIGEST_PURPOSE = "referral-contact";

    private final Referrals referrals;
    private final Clock clock;
    private final RandomGenerator random;
    private final KeyedDigests digests;

    /** For CDI's proxy only. */
    protected ReferralService() {
        this(null, null, null);
    }

    @Inject
    public ReferralService(Referrals referrals, Clock clock, KeyedDigests digests) {
        this.referrals = referrals;
        this.clock = clock;
        this.digests = digests;
        this.random = new SecureRandom();
    }

    /**
     * Gives a newly enrolled customer a code and records the referral their enrolment names.
     * Runs in the enrolment's transaction.
     */
    public void enrolled(Customer customer, Instant now) {
        String code;
        do {
            code = newCode();
        } while (!referrals.assignCode(customer.id(), code));
        Optional<CustomerId> referrer = customer.referralCode().flatMap(referrals::ownerOf);
        if (referrer.isPresent() && !referrer.get().equals(customer.id())) {
            referrals.add(referrer.get(), customer.id(), contactDigest(customer), now);
        }
    }

    /** @return the customer's code to share */
    @Override
    public Optional<String> codeOf(CustomerId customerId, Actor actor) {
        if (!actor.maySee(customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
        return referrals.codeOf(customerId);
    }

    /** @return the programme in force (administrators) */
    @Override
    public ReferralProgramme programme(Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return referrals.programme();
    }

    /** Replaces the programme (administrators). */
    @Override
    @Transactional
    public ReferralProgramme define(ReferralProgramme programme, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        referrals.save(programme, clock.instant());
        return programme;
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The digests of the newcomer's e-mail (or phone), so that the contact itself is not kept twice:
     * kept is the HMAC, keyed with the service's secret, of its SHA-256 - a digest nobody without the
     * secret can test a guessed phone number against (the plain SHA-256 of a phone number is found by
     * trying the few billion numbers there are). Keyed over the SHA-256 so that digests stored plain
     * by an earlier version can be keyed without the contact ({@code ReferralContactKeying}).
     */
    Optional<Referrals.ContactDigest> contactDigest(Customer customer) {
        return unkeyed(customer)
                .map(plain -> new Referrals.ContactDigest(digests.digest(DIGEST_PURPOSE, plain), plain));
    }

    /** @return the plain SHA-256 (hex) of the newcomer's e-mail or phone, as kept before it was keyed */
    static Optional<String> unkeyed(Customer customer) {
        Optional<String> contact = customer.email()
                .map(e -> "email:" + e.value())
                .or(() -> customer.phone().map(p -> "phone:" + p.value()));
        return contact.map(c -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(c.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        });
    }
}
