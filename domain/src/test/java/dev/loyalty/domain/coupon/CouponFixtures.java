package dev.loyalty.domain.coupon;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.Money;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Test data builders for coupons, shared with the other modules through the test-jar:
 * {@code aCouponUse().ownedBy(MARCO).by(MARCO).inChannel(ONLINE).withBasket(eur(4200)).build()}.
 * Defaults: a personal coupon of {@link #MARCO}, 10% off, valid {@link #VALID_FROM} to
 * {@link #VALID_UNTIL}, from a STORE-only template of every category with no limits, used by Marco
 * in a store at {@link #AT} on an eligible basket of 100.00 EUR with no earlier redemptions.
 */
public final class CouponFixtures {

    /** Marco, the default owner and customer. */
    public static final CustomerId MARCO = CustomerId.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    /** Elena, another customer. */
    public static final CustomerId ELENA = CustomerId.parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    /** Start of the default coupon's validity. */
    public static final Instant VALID_FROM = Instant.parse("2025-03-01T00:00:00Z");
    /** End (exclusive) of the default coupon's validity. */
    public static final Instant VALID_UNTIL = Instant.parse("2025-06-01T00:00:00Z");
    /** The default instant of use, inside the validity. */
    public static final Instant AT = Instant.parse("2025-04-01T10:00:00Z");

    private CouponFixtures() {}

    /**
     * @param cents an amount in euro cents
     * @return the amount
     */
    public static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    /** @return a builder of a coupon presented on a purchase */
    public static CouponUseBuilder aCouponUse() {
        return new CouponUseBuilder();
    }

    /** Builds a {@link CouponUse} together with its coupon and template. */
    public static final class CouponUseBuilder {
        private final CouponTemplateId templateId = CouponTemplateId.newId();
        private CouponCode code = CouponCode.generate(new SplittableRandom(7));
        private Discount discount = new Discount.PercentOff(10);
        private Money minSpend;
        private Set<SalesChannel> channels = EnumSet.of(SalesChannel.STORE);
        private Set<String> categories = Set.of();
        private Integer perCustomerLimit;
        private Long maxRedemptions;
        private CustomerId owner = MARCO;
        private CouponStatus status = CouponStatus.ISSUED;
        private String redemptionReference;
        private CustomerId customer = MARCO;
        private SalesChannel channel = SalesChannel.STORE;
        private Instant at = AT;
        private Money eligibleBasket = eur(10_000);
        private long customerRedemptions;
        private long templateRedemptions;
        private Set<String> tiers = Set.of();
        private String customerTier;

        private CouponUseBuilder() {}

        /** @return with a code drawn from {@code seed} */
        public CouponUseBuilder withCodeSeed(long seed) {
            this.code = CouponCode.generate(new SplittableRandom(seed));
            return this;
        }

        /** @return with the template's discount */
        public CouponUseBuilder withDiscount(Discount discount) {
            this.discount = discount;
            return this;
        }

        /** @return with the template's minimum spend */
        public CouponUseBuilder withMinSpend(Money minSpend) {
            this.minSpend = minSpend;
            return this;
        }

        /** @return with the template's channels */
        public CouponUseBuilder validIn(SalesChannel... channels) {
            this.channels = Set.of(channels);
            return this;
        }

        /** @return with the template's categories */
        public CouponUseBuilder forCategories(String... categories) {
            this.categories = Set.of(categories);
            return this;
        }

        /** @return with the template's per-customer limit */
        public CouponUseBuilder limitedPerCustomerTo(int limit) {
            this.perCustomerLimit = limit;
            return this;
        }

        /** @return with the template's maximum of redemptions */
        public CouponUseBuilder cappedAt(long cap) {
            this.maxRedemptions = cap;
            return this;
        }

        /** @return a coupon owned by {@code owner}, or a bearer coupon for {@code null} */
        public CouponUseBuilder ownedBy(CustomerId owner) {
            this.owner = owner;
            return this;
        }

        /** @return a coupon in {@code status} */
        public CouponUseBuilder inStatus(CouponStatus status) {
            this.status = status;
            return this;
        }

        /** @return a coupon redeemed by {@code purchaseReference} */
        public CouponUseBuilder redeemedBy(String purchaseReference) {
            this.status = CouponStatus.REDEEMED;
            this.redemptionReference = purchaseReference;
            return this;
        }

        /** @return used by {@code customer}, or anonymously for {@code null} */
        public CouponUseBuilder by(CustomerId customer) {
            this.customer = customer;
            return this;
        }

        /** @return used in {@code channel} */
        public CouponUseBuilder inChannel(SalesChannel channel) {
            this.channel = channel;
            return this;
        }

        /** @return used at {@code at} */
        public CouponUseBuilder at(Instant at) {
            this.at = at;
            return this;
        }

        /** @return on an eligible basket worth {@code eligibleBasket} */
        public CouponUseBuilder withBasket(Money eligibleBasket) {
            this.eligibleBasket = eligibleBasket;
            return this;
        }

        /** @return with earlier redemptions of the template by the customer and by everyone */
        public CouponUseBuilder afterRedemptions(long byCustomer, long byEveryone) {
            this.customerRedemptions = byCustomer;
            this.templateRedemptions = byEveryone;
            return this;
        }

        /** @return with the template restricted to customers of these tiers */
        public CouponUseBuilder forTiers(String... tiers) {
            this.tiers = Set.of(tiers);
            return this;
        }

        /** @return used by a customer in tier {@code tier}, or without tier for {@code null} */
        public CouponUseBuilder inTier(String tier) {
            this.customerTier = tier;
            return this;
        }

        /** @return the template */
        public CouponTemplate template() {
            return CouponTemplate.define(
                            templateId,
                            "Newsletter",
                            discount,
                            minSpend,
                            channels,
                            null,
                            VALID_UNTIL,
                            null,
                            perCustomerLimit,
                            categories,
                            maxRedemptions)
                    .withTiers(tiers);
        }

        /** @return the coupon */
        public Coupon coupon() {
            return Coupon.reconstitute(code, templateId, owner, status, VALID_FROM, VALID_UNTIL, redemptionReference);
        }

        /** @return the use of a fresh coupon and template */
        public CouponUse build() {
            return new CouponUse(
                    coupon(),
                    template(),
                    customer,
                    channel,
                    at,
                    eligibleBasket,
                    customerRedemptions,
                    templateRedemptions,
                    customerTier);
        }
    }
}
