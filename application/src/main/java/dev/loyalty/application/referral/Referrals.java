package dev.loyalty.application.referral;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;

/** Driven port: referral codes and referrals. Works in the caller's transaction. */
public interface Referrals {

    /**
     * Gives a customer their code.
     *
     * @return false when another customer has this code (try another)
     */
    boolean assignCode(CustomerId customerId, String code);

    /** @return the customer's code, if assigned */
    Optional<String> codeOf(CustomerId customerId);

    /** @return whose code it is (case-insensitive) */
    Optional<CustomerId> ownerOf(String code);

    /**
     * Records that {@code referred} enrolled with {@code referrer}'s code, pending a first purchase.
     *
     * @param contact the digests of the newcomer's contact, if any
     * @return false when this contact was referred before, in either form (recorded as rejected instead)
     */
    boolean add(CustomerId referrer, CustomerId referred, Optional<ContactDigest> contact, Instant at);

    /**
     * The digests of a referred contact.
     *
     * @param keyed the keyed digest kept ({@link ReferralService#contactDigest})
     * @param unkeyed the plain SHA-256 kept before digests were keyed: a referral stored so (by an
     *     instance of the previous version) is still recognised
     */
    record ContactDigest(String keyed, String unkeyed) {}

    /** @return the newcomer's pending referral, locked */
    Optional<PendingReferral> pendingFor(CustomerId referred);

    /** @return how many of the referrer's referrals completed at or after {@code since} */
    int completedSince(CustomerId referrer, Instant since);

    /** Marks a referral completed. */
    void complete(long referralId, Instant at);

    /** Marks a referral rejected, with why. */
    void reject(long referralId, String reason);

    /** @return the programme in force */
    ReferralProgramme programme();

    /** Replaces the programme. */
    void save(ReferralProgramme programme, Instant at);

    /**
     * A referral waiting for the newcomer's first purchase.
     *
     * @param id its row
     * @param referrer whose code was used
     * @param referred the newcomer
     */
    record PendingReferral(long id, CustomerId referrer, CustomerId referred) {}
}
