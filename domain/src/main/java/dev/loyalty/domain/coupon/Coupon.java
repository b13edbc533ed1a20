package dev.loyalty.domain.coupon;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A code issued from a {@link CouponTemplate}: personal (bound to one customer) or bearer
 * (anyone holding the code). Its validity window {@code [validFrom, validUntil)} is fixed at issue.
 * Issued by {@link CouponTemplate#issue}, rebuilt from storage by {@link #reconstitute}.
 */
public final class Coupon {

    private final CouponCode code;
    private final CouponTemplateId templateId;
    private final CustomerId owner;
    private final CouponStatus status;
    private final Instant validFrom;
    private final Instant validUntil;

    private Coupon(
            CouponCode code,
            CouponTemplateId templateId,
            CustomerId owner,
            CouponStatus status,
            Instant validFrom,
            Instant validUntil) {
        this.code = Objects.requireNonNull(code, "code");
        this.templateId = Objects.requireNonNull(templateId, "templateId");
        this.owner = owner;
        this.status = Objects.requireNonNull(status, "status");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        if (!validFrom.isBefore(validUntil)) {
            throw new InvalidValueException("validUntil", "validUntil must be after validFrom");
        }
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
        return new Coupon(code, templateId, owner, status, validFrom, validUntil);
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
