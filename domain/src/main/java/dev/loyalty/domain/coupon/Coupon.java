package dev.loyalty.domain.coupon;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A code issued from a {@link CouponTemplate}: personal (bound to one customer) or bearer
 * (anyone holding the code). Its validity window {@code [validFrom, validUntil)} is fixed at issue.
 * Issued by {@link CouponTemplate#issue}, rebuilt from storage by {@link #reconstitute}.
 *
 * <p>Life: {@link #redeem} takes an {@link CouponStatus#ISSUED} coupon that
 * {@link CouponEligibility} accepts to {@link CouponStatus#REDEEMED}, remembering the purchase;
 * {@link #restore} after that purchase is reversed takes it back to ISSUED while still valid, or to
 * {@link CouponStatus#EXPIRED} once past its validity. Invariant: a redemption reference is held
 * only while REDEEMED (a REDEEMED coupon rebuilt without one cannot be restored).
 */
public final class Coupon {

    private final CouponCode code;
    private final CouponTemplateId templateId;
    private final CustomerId owner;
    private final Instant validFrom;
    private final Instant validUntil;
    private final OwnFigures ownFigures;
    private CouponStatus status;
    private String redemptionReference;

    private Coupon(
            CouponCode code,
            CouponTemplateId templateId,
            CustomerId owner,
            CouponStatus status,
            Instant validFrom,
            Instant validUntil,
            String redemptionReference,
            OwnFigures ownFigures) {
        this.code = Objects.requireNonNull(code, "code");
        this.ownFigures = ownFigures;
        this.templateId = Objects.requireNonNull(templateId, "templateId");
        this.owner = owner;
        this.status = Objects.requireNonNull(status, "status");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        if (!validFrom.isBefore(validUntil)) {
            throw new InvalidValueException("validUntil", "validUntil must be after validFrom");
        }
        if (redemptionReference != null && (status != CouponStatus.REDEEMED || redemptionReference.isBlank())) {
            throw new InvalidValueException(
                    "redemptionReference", "only a redeemed coupon names a non-blank redemption reference");
        }
        this.redemptionReference = redemptionReference;
    }

    /**
     * @param code the code
     * @param templateId the template it was issued from
     * @param owner the customer of a personal coupon, or {@code null} for a bearer coupon
     * @param status where it is in its life
     * @param validFrom start of validity (inclusive)
     * @param validUntil end of validity (exclusive), after {@code validFrom}
     * @return the coupon
     */
    public static Coupon reconstitute(
            CouponCode code,
            CouponTemplateId templateId,
            CustomerId owner,
            CouponStatus status,
            Instant validFrom,
            Instant validUntil) {
        return new Coupon(code, templateId, owner, status, validFrom, validUntil, null, null);
    }

    /**
     * Rebuilds a stored coupon together with the purchase that redeemed it.
     *
     * @param code the code
     * @param templateId the template it was issued from
     * @param owner the customer of a personal coupon, or {@code null} for a bearer coupon
     * @param status where it is in its life
     * @param validFrom start of validity (inclusive)
     * @param validUntil end of validity (exclusive), after {@code validFrom}
     * @param redemptionReference the purchase that redeemed it (only when {@link CouponStatus#REDEEMED}),
     *     or {@code null}
     * @return the coupon
     * @throws InvalidValueException when a reference is given for a coupon that is not redeemed
     */
    public static Coupon reconstitute(
            CouponCode code,
            CouponTemplateId templateId,
            CustomerId owner,
            CouponStatus status,
            Instant validFrom,
            Instant validUntil,
            String redemptionReference) {
        return new Coupon(code, templateId, owner, status, validFrom, validUntil, redemptionReference, null);
    }

    /**
     * @param figures the coupon's own value, minimum spend and category (a personal offer's), which
     *     the till enforces over its template's
     * @return this coupon carrying them
     */
    public Coupon withOwnFigures(OwnFigures figures) {
        return new Coupon(
                code,
                templateId,
                owner,
                status,
                validFrom,
                validUntil,
                redemptionReference,
                Objects.requireNonNull(figures));
    }

    /** @return the coupon's own figures, when it has them (a personal offer's coupon) */
    public Optional<OwnFigures> ownFigures() {
        return Optional.ofNullable(ownFigures);
    }

    /**
     * A coupon's own figures, computed for its customer (a personal offer).
     *
     * @param valueCents the amount off, in cents, above 0
     * @param minSpendCents the basket it needs, in cents (0: any)
     * @param category the category it applies to, if only one
     */
    public record OwnFigures(long valueCents, long minSpendCents, Optional<String> category) {
        public OwnFigures {
            Objects.requireNonNull(category, "category");
            if (valueCents <= 0 || minSpendCents < 0) {
                throw new InvalidValueException(
                        "valueCents", "a coupon's own value is above 0, its minimum spend not negative");
            }
        }
    }

    /**
     * Uses the coupon on a purchase, after {@link CouponEligibility} has accepted it.
     *
     * @param use this coupon presented on the purchase (its {@link CouponUse#coupon()} is this very
     *     instance, so the rules judge the current state)
     * @param purchaseReference the business key of the purchase, which a reversal names
     * @return a {@link CouponRedeemed} with the discount taken off
     * @throws CouponRejectedException with the first rule the coupon breaks; nothing changes
     * @throws InvalidValueException (field {@code purchaseReference}) when the reference is blank
     */
    public List<CouponEvent> redeem(CouponUse use, String purchaseReference) {
        Objects.requireNonNull(use, "use");
        if (use.coupon() != this) {
            throw new IllegalArgumentException(
                    "the use presents coupon " + use.coupon().code() + ", not this one");
        }
        if (purchaseReference == null || purchaseReference.isBlank()) {
            throw new InvalidValueException("purchaseReference", "purchaseReference is required");
        }
        Eligibility eligibility = new CouponEligibility().evaluate(use);
        if (eligibility instanceof Eligibility.Rejected rejected) {
            throw new CouponRejectedException(code, rejected.rejection());
        }
        Eligibility.Applicable applicable = (Eligibility.Applicable) eligibility;
        status = CouponStatus.REDEEMED;
        redemptionReference = purchaseReference;
        return List.of(new CouponRedeemed(code, use.customer(), purchaseReference, applicable.discount(), use.at()));
    }

    /**
     * Gives the coupon back after the purchase that redeemed it was reversed. Only that purchase
     * releases it: when it is {@link CouponStatus#REDEEMED} by {@code purchaseReference} it becomes
     * {@link CouponStatus#ISSUED} again if {@code at} is before {@code validUntil}
     * ({@link CouponRestored}), or {@link CouponStatus#EXPIRED} otherwise ({@link CouponExpired}).
     * In any other case (redeemed by another purchase, already restored, void, expired, never
     * used) nothing changes and nothing happened, so a repeated reversal is harmless.
     *
     * @param purchaseReference the reversed purchase
     * @param at when the reversal happens
     * @return the event, or nothing when the coupon was not released
     */
    public List<CouponEvent> restore(String purchaseReference, Instant at) {
        Objects.requireNonNull(purchaseReference, "purchaseReference");
        Objects.requireNonNull(at, "at");
        if (status != CouponStatus.REDEEMED || !purchaseReference.equals(redemptionReference)) {
            return List.of();
        }
        redemptionReference = null;
        if (at.isBefore(validUntil)) {
            status = CouponStatus.ISSUED;
            return List.of(new CouponRestored(code, purchaseReference, at));
        }
        status = CouponStatus.EXPIRED;
        return List.of(new CouponExpired(code, purchaseReference, at));
    }

    /** @return the code */
    public CouponCode code() {
        return code;
    }

    /** @return the template it was issued from */
    public CouponTemplateId templateId() {
        return templateId;
    }

    /** @return the customer of a personal coupon; empty for a bearer coupon */
    public Optional<CustomerId> owner() {
        return Optional.ofNullable(owner);
    }

    /** @return where it is in its life */
    public CouponStatus status() {
        return status;
    }

    /** @return the purchase that redeemed it, while {@link CouponStatus#REDEEMED} and known */
    public Optional<String> redemptionReference() {
        return Optional.ofNullable(redemptionReference);
    }

    /** @return start of validity, inclusive */
    public Instant validFrom() {
        return validFrom;
    }

    /** @return end of validity, exclusive */
    public Instant validUntil() {
        return validUntil;
    }

    /** Two coupons are the same when they have the same code. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Coupon that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return "Coupon[code=" + code + ", status=" + status + "]";
    }
}
