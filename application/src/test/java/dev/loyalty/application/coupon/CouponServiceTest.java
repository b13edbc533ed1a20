package dev.loyalty.application.coupon;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.tier.InMemoryTierProgrammes;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CouponServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final InMemoryCouponTemplates templates = new InMemoryCouponTemplates();
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final CouponService service = new CouponService(
            templates,
            coupons,
            customers,
            new InMemoryTierProgrammes(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SplittableRandom(42));
    private final Actor admin = new Actor(Role.ADMIN, "console", null);

    private CouponTemplateId aStoreOnlyFiveEuroTemplate() {
        return service.define(
                CouponTemplate.define(
                        CouponTemplateId.newId(),
                        "Newsletter welcome",
                        new Discount.AmountOff(Money.of(500, "EUR")),
                        Money.of(2000, "EUR"),
                        Set.of(SalesChannel.STORE),
                        null,
                        null,
                        30,
                        1,
                        Set.of(),
                        null),
                admin);
    }

    @Test
    void aPersonalCouponIsValidForTheTemplatesDaysFromIssue() {
        Customer elena = aCustomer().build();
        customers.add(elena);

        Coupon coupon = service.issueTo(aStoreOnlyFiveEuroTemplate(), elena.id(), admin);

        assertThat(coupon.owner()).contains(elena.id());
        assertThat(coupon.status()).isEqualTo(CouponStatus.ISSUED);
        assertThat(coupon.validUntil()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(service.couponsOf(
                        elena.id(), new Actor(Role.CUSTOMER, elena.id().toString(), null)))
                .singleElement()
                .satisfies(held -> assertThat(held.template().name()).isEqualTo("Newsletter welcome"));
    }

    @Test
    void aBatchOfBearerCouponsHasDistinctValidCodes() {
        List<Coupon> batch = service.issueBearer(aStoreOnlyFiveEuroTemplate(), 2_000, admin);

        assertThat(batch).hasSize(2_000);
        assertThat(batch.stream().map(Coupon::code).distinct()).hasSize(2_000);
        assertThat(batch).allSatisfy(c -> {
            assertThat(c.owner()).isEmpty();
            assertThat(CouponCode.parse(c.code().value())).isEqualTo(c.code());
        });
    }

    @Test
    void batchesAreBounded() {
        CouponTemplateId template = aStoreOnlyFiveEuroTemplate();

        assertThatThrownBy(() -> service.issueBearer(template, 0, admin)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> service.issueBearer(template, 10_001, admin))
                .isInstanceOf(InvalidValueException.class);
        assertThat(coupons.size()).isZero();
    }

    @Test
    void onlyTheConsoleDefinesAndIssues() {
        CouponTemplateId template = aStoreOnlyFiveEuroTemplate();
        Actor terminal = new Actor(Role.TERMINAL, "till", "MI-001");

        assertThatThrownBy(() -> service.issueBearer(template, 1, terminal)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theConsoleListsTheTemplatesItDefinedAndNoOneElseDoes() {
        CouponTemplateId template = aStoreOnlyFiveEuroTemplate();

        assertThat(service.templates(admin)).singleElement().satisfies(t -> assertThat(t.id())
                .isEqualTo(template));
        assertThatThrownBy(() -> service.templates(new Actor(Role.TERMINAL, "till", "MI-001")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void unknownTemplatesAndCustomersAreNotFound() {
        CouponTemplateId template = aStoreOnlyFiveEuroTemplate();

        assertThatThrownBy(() -> service.issueTo(CouponTemplateId.newId(), CustomerId.newId(), admin))
                .isInstanceOf(CouponTemplateNotFoundException.class);
        assertThatThrownBy(() -> service.issueTo(template, CustomerId.newId(), admin))
                .isInstanceOf(CustomerNotFoundException.class);
    }

    @Test
    void aCustomerListsOnlyTheirOwnCoupons() {
        Customer elena = aCustomer().build();
        customers.add(elena);
        service.issueTo(aStoreOnlyFiveEuroTemplate(), elena.id(), admin);
        Actor marco = new Actor(Role.CUSTOMER, CustomerId.newId().toString(), null);

        assertThatThrownBy(() -> service.couponsOf(elena.id(), marco)).isInstanceOf(CustomerNotFoundException.class);
    }
}
