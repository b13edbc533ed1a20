package dev.loyalty.domain.coupon;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A kind of coupon the marketing team defines, from which codes are issued: what it takes off,
 * where and on what, and for how long. Invariants: a non-blank name; at least one channel; a
 * validity given by a fixed window end ({@code validUntil}), a number of days after issue
 * ({@code validDays}), or both (then the earlier end wins), with {@code validFrom} before
 * {@code validUntil}; a positive minimum spend, per-customer limit and maximum of redemptions
 * when given; categories non-blank (empty means every category); tier names non-blank (empty
 * means every customer, see {@link #withTiers}). The limits are counted by the application from
 * stored redemptions.
 */
public final class CouponTemplate {

    private final CouponTemplateId id;
    private final String name;
    private final Discount discount;
    private final Money minSpend;
    private final Set<SalesChannel> channels;
    private final Instant validFrom;
    private final Instant validUntil;
    private final Integer validDays;
    private final Integer perCustomerLimit;
    private final Set<String> categories;
    private final Long maxRedemptions;
    private final Set<String> tiers;

    private CouponTemplate(
            CouponTemplateId id,
            String name,
            Discount discount,
            Money minSpend,
            Set<SalesChannel> channels,
            Instant validFrom,
            Instant validUntil,
            Integer validDays,
            Integer perCustomerLimit,
            Set<String> categories,
            Long maxRedemptions,
            Set<String> tiers) {
        this.id = Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "name is required");
        }
        this.name = name.strip();
        if (discount == null) {
            throw new InvalidValueException("discount", "discount is required");
        }
        this.discount = discount;
        if (minSpend != null && (minSpend.isNegative() || minSpend.isZero())) {
            throw new InvalidValueException("minSpend", "minSpend must be positive when given");
        }
        this.minSpend = minSpend;
        if (channels == null || channels.isEmpty() || channels.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValueException("channels", "at least one channel is required");
        }
        this.channels = Set.copyOf(EnumSet.copyOf(channels));
        if (validUntil == null && validDays == null) {
            throw new InvalidValueException("validUntil", "validUntil or validDays is required");
        }
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            throw new InvalidValueException("validUntil", "validUntil must be after validFrom");
        }
        if (validDays != null && validDays < 1) {
            throw new InvalidValueException("validDays", "validDays must be at least 1");
        }
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.validDays = validDays;
        if (perCustomerLimit != null && perCustomerLimit < 1) {
            throw new InvalidValueException("perCustomerLimit", "perCustomerLimit must be at least 1");
        }
        this.perCustomerLimit = perCustomerLimit;
        Set<String> cleanCategories = new TreeSet<>();
        for (String category : categories == null ? Set.<String>of() : categories) {
            if (category == null || category.isBlank()) {
                throw new InvalidValueException("categories", "a category must not be blank");
            }
            cleanCategories.add(category.strip());
        }
        this.categories = Set.copyOf(cleanCategories);
        if (maxRedemptions != null && maxRedemptions < 1) {
            throw new InvalidValueException("maxRedemptions", "maxRedemptions must be at least 1");
        }
        this.maxRedemptions = maxRedemptions;
        Set<String> cleanTiers = new TreeSet<>();
        for (String tier : tiers == null ? Set.<String>of() : tiers) {
            if (tier == null || tier.isBlank() || tier.strip().length() > 64) {
                throw new InvalidValueException("tiers", "a tier name is 1 to 64 characters");
            }
            cleanTiers.add(tier.strip());
        }
        this.tiers = Set.copyOf(cleanTiers);
    }

    /**
     * Defines (or rebuilds from storage) a template; optional parts are {@code null}.
     *
     * @param id identity
     * @param name a name for the console
     * @param discount what it takes off
     * @param minSpend the basket total required, or {@code null}
     * @param channels where it may be used, at least one
     * @param validFrom the start of the fixed window, or {@code null} (from issue)
     * @param validUntil the end of the fixed window (exclusive), or {@code null}
     * @param validDays days of validity after issue, or {@code null}
     * @param perCustomerLimit redemptions allowed per customer, or {@code null}
     * @param categories the categories it applies to; empty or {@code null} for all
     * @param maxRedemptions redemptions allowed in total, or {@code null}
     * @return the template
     * @throws InvalidValueException naming the first field that breaks a rule
     */
    public static CouponTemplate define(
            CouponTemplateId id,
            String name,
            Discount discount,
            Money minSpend,
            Set<SalesChannel> channels,
            Instant validFrom,
            Instant validUntil,
            Integer validDays,
            Integer perCustomerLimit,
            Set<String> categories,
            Long maxRedemptions) {
        return new CouponTemplate(
                id,
                name,
                discount,
                minSpend,
                channels,
                validFrom,
                validUntil,
                validDays,
                perCustomerLimit,
                categories,
                maxRedemptions,
                Set.of());
    }

    /**
     * Restricts the template to customers of some tiers: its coupons are then applicable only when
     * the customer's tier before the purchase is one of them (names compared regardless of case), and
     * never in an anonymous purchase.
     *
     * @param tierNames the tiers whose customers may use its coupons; empty for every customer
     * @return a copy restricted to those tiers
     * @throws InvalidValueException (field {@code tiers}) for a blank or too long name
     */
    public CouponTemplate withTiers(Set<String> tierNames) {
        return new CouponTemplate(
                id,
                name,
                discount,
                minSpend,
                channels,
                validFrom,
                validUntil,
                validDays,
                perCustomerLimit,
                categories,
                maxRedemptions,
                tierNames);
    }

    /**
     * The template as one coupon with figures of its own sees it: its amount off, minimum spend and
     * category instead of the template's (validity, channels, limits and tiers stay the template's).
     *
     * @param figures the coupon's own figures
     * @param currency the basket's currency
     * @return a copy with those figures
     */
    public CouponTemplate personalisedBy(Coupon.OwnFigures figures, java.util.Currency currency) {
        return new CouponTemplate(
                id,
                name,
                new Discount.AmountOff(Money.of(figures.valueCents(), currency.getCurrencyCode())),
                figures.minSpendCents() > 0 ? Money.of(figures.minSpendCents(), currency.getCurrencyCode()) : null,
                channels,
                validFrom,
                validUntil,
                validDays,
                perCustomerLimit,
                figures.category().map(Set::of).orElse(categories),
                maxRedemptions,
                tiers);
    }

    /**
     * Issues a coupon, fixing its validity: from the later of {@code now} and {@code validFrom},
     * until the earlier of {@code validUntil} and {@code now + validDays} (days of 24 hours).
     *
     * @param code a code never issued before
     * @param owner the customer of a personal coupon, or {@code null} for a bearer coupon
     * @param now the issue instant
     * @return the coupon, {@link CouponStatus#ISSUED}
     * @throws InvalidValueException (field {@code validUntil}) when the window has already ended
     */
    public Coupon issue(CouponCode code, CustomerId owner, Instant now) {
        Objects.requireNonNull(now, "now");
        Instant from = validFrom != null && validFrom.isAfter(now) ? validFrom : now;
        Instant until = validUntil;
        if (validDays != null) {
            Instant afterDays = now.plus(Duration.ofDays(validDays));
            until = until == null || afterDays.isBefore(until) ? afterDays : until;
        }
        if (!from.isBefore(until)) {
            throw new InvalidValueException("validUntil", "the template's validity has ended");
        }
        return Coupon.reconstitute(code, id, owner, CouponStatus.ISSUED, from, until);
    }

    /** @return the identity */
    public CouponTemplateId id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return what it takes off */
    public Discount discount() {
        return discount;
    }

    /** @return the basket total required, if any */
    public Optional<Money> minSpend() {
        return Optional.ofNullable(minSpend);
    }

    /** @return where it may be used, never empty */
    public Set<SalesChannel> channels() {
        return channels;
    }

    /** @return the start of the fixed window, if any */
    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    /** @return the end of the fixed window, if any */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** @return the days of validity after issue, if any */
    public Optional<Integer> validDays() {
        return Optional.ofNullable(validDays);
    }

    /** @return the redemptions allowed per customer, if limited */
    public Optional<Integer> perCustomerLimit() {
        return Optional.ofNullable(perCustomerLimit);
    }

    /** @return the categories it applies to; empty for all */
    public Set<String> categories() {
        return categories;
    }

    /** @return the redemptions allowed in total, if limited */
    public Optional<Long> maxRedemptions() {
        return Optional.ofNullable(maxRedemptions);
    }

    /** @return the tiers whose customers may use its coupons; empty for every customer */
    public Set<String> tiers() {
        return tiers;
    }

    /**
     * @param tierName the customer's tier, or {@code null} for none (no programme, anonymous)
     * @return whether a customer of that tier may use its coupons
     */
    public boolean isForTier(String tierName) {
        if (tiers.isEmpty()) {
            return true;
        }
        return tierName != null && tiers.stream().anyMatch(t -> t.equalsIgnoreCase(tierName.strip()));
    }

    /**
     * @param line a basket line
     * @return whether the discount applies to it
     */
    public boolean appliesTo(BasketLine line) {
        return categories.isEmpty() || categories.contains(line.category());
    }

    /** Two templates are the same when they have the same identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CouponTemplate that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "CouponTemplate[id=" + id + ", name=" + name + "]";
    }
}
