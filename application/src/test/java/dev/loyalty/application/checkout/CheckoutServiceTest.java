package dev.loyalty.application.checkout;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.coupon.InMemoryCouponTemplates;
import dev.loyalty.application.coupon.InMemoryCoupons;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.tier.TierFakes;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CheckoutServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
    private int seed;
    private final Actor till = new Actor(Role.TERMINAL, "till-1", "MI-001");
    private final TierFakes tiers = new TierFakes();
    private final CheckoutService service = new CheckoutService(
            customers,
            coupons,
            templates,
            () -> EarningRulesHistory.of(List.of(EarningRules.flat(1, EUR, Instant.parse("2000-01-01T00:00:00Z")))),
            tiers.movements(event -> {}),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private Coupon aBearerCoupon(Discount discount) {
        CouponTemplate template = CouponTemplate.define(
                CouponTemplateId.newId(),
                "Flyer",
                discount,
                null,
                Set.of(SalesChannel.STORE),
                null,
                null,
                30,
                null,
                Set.of(),
                null);
        templates.add(template);
        Coupon coupon = template.issue(CouponCode.generate(new SplittableRandom(seed++)), null, NOW);
        coupons.addAll(List.of(coupon));
        return coupon;
    }

    private QuoteCommand basket(CustomerId customer, long unitPrice, String... codes) {
        return new QuoteCommand(
                "MI-001",
                customer,
                null,
                SalesChannel.STORE,
                List.of(new BasketLine("SKU-1", "grocery", 1, Money.of(unitPrice, "EUR"))),
                List.of(codes),
                till);
    }

    @Test
    void anAnonymousBasketIsPricedAndShowsWhatItWouldEarn() {
        Quote quote = service.quote(basket(null, 2_499));

        assertThat(quote.customerId()).isEmpty();
        assertThat(quote.net()).isEqualTo(Money.of(2_499, "EUR"));
        assertThat(quote.points().points().value()).isEqualTo(24);
    }

    @Test
    void theSameCouponTwiceCountsOnce() {
        Coupon coupon = aBearerCoupon(new Discount.AmountOff(Money.of(300, "EUR")));

        Quote quote = service.quote(
                basket(null, 2_000, coupon.code().value(), coupon.code().printable()));

        assertThat(quote.coupons()).extracting(Quote.CouponVerdict::applicable).containsExactly(true, false);
        assertThat(quote.coupons().get(1).rejectionCode()).isEqualTo("coupon-duplicated");
        assertThat(quote.discount()).isEqualTo(Money.of(300, "EUR"));
    }

    @Test
    void discountsNeverExceedTheBasket() {
        Coupon first = aBearerCoupon(new Discount.AmountOff(Money.of(800, "EUR")));
        Coupon second = aBearerCoupon(new Discount.AmountOff(Money.of(800, "EUR")));

        Quote quote = service.quote(
                basket(null, 1_000, first.code().value(), second.code().value()));

        assertThat(quote.discount()).isEqualTo(Money.of(1_000, "EUR"));
        assertThat(quote.net()).isEqualTo(Money.of(0, "EUR"));
        assertThat(quote.points().points().value()).isZero();
    }

    @Test
    void anUnknownCodeOfTheRightShapeIsNotFound() {
        String unknown = CouponCode.generate(new SplittableRandom(99)).value();

        Quote quote = service.quote(basket(null, 1_000, unknown));

        assertThat(quote.coupons().get(0).rejectionCode()).isEqualTo("coupon-not-found");
    }

    @Test
    void anIdentifiedCustomerMustExist() {
        Customer elena = aCustomer().build();
        customers.add(elena);

        assertThat(service.quote(basket(elena.id(), 1_000)).customerId()).contains(elena.id());
        assertThatThrownBy(() -> service.quote(basket(CustomerId.newId(), 1_000)))
                .isInstanceOf(CustomerNotFoundException.class);
    }

    @Test
    void aTillQuotesForItsOwnStoreOnly() {
        QuoteCommand elsewhere = new QuoteCommand(
                "RM-009",
                null,
                null,
                SalesChannel.STORE,
                List.of(new BasketLine("SKU-1", "grocery", 1, Money.of(100, "EUR"))),
                List.of(),
                till);

        assertThatThrownBy(() -> service.quote(elsewhere)).isInstanceOf(AccessDeniedException.class);
    }
}
