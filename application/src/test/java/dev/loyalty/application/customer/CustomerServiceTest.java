package dev.loyalty.application.customer;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.aProfileUpdate;
import static dev.loyalty.domain.customer.CustomerFixtures.anEnrolment;
import static dev.loyalty.domain.customer.EnrolmentChannel.APP;
import static dev.loyalty.domain.customer.EnrolmentChannel.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.Customers;
import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.referral.InMemoryReferrals;
import dev.loyalty.application.referral.ReferralService;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.ConsentChanged;
import dev.loyalty.domain.customer.ConsentEvidence;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerAlreadyEnrolledException;
import dev.loyalty.domain.customer.CustomerEnrolled;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.customer.CustomerProfileUpdated;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.EnrolmentDetails;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.customer.PreferredChannel;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.DomainEvent;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:15:30Z");

    private final InMemoryCustomers store = new InMemoryCustomers();
    private final AtomicInteger updates = new AtomicInteger();
    private final Customers customers = new Customers() {
        @Override
        public void add(Customer customer) {
            store.add(customer);
        }

        @Override
        public java.util.Optional<Customer> byId(CustomerId id) {
            return store.byId(id);
        }

        @Override
        public java.util.Optional<Customer> byCardNumber(CardNumber cardNumber) {
            return store.byCardNumber(cardNumber);
        }

        @Override
        public boolean exists(CustomerId id) {
            return store.exists(id);
        }

        @Override
        public java.util.Optional<CustomerId> holderOf(CardNumber cardNumber) {
            return store.holderOf(cardNumber);
        }

        @Override
        public java.util.Optional<Customer> byEmail(Email email) {
            return store.byEmail(email);
        }

        @Override
        public java.util.Optional<Customer> byPhone(PhoneNumber phone) {
            return store.byPhone(phone);
        }

        @Override
        public void update(Customer customer) {
            updates.incrementAndGet();
            store.update(customer);
        }
    };
    private final AtomicLong serials = new AtomicLong(1000);
    private final List<DomainEvent> events = new ArrayList<>();
    private final InMemoryActivityLog activities = new InMemoryActivityLog();
    private final CustomerService service = new CustomerService(
            customers,
            serials::incrementAndGet,
            events::add,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new InMemoryWallets(),
            new ServiceEvents(activities),
            new ReferralService(
                    new InMemoryReferrals(),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    dev.loyalty.application.shared.TestDigests.KEYED),
            new dev.loyalty.application.metrics.LiveMetrics() {
                @Override
                public void afterPurchase(CustomerId customer, dev.loyalty.domain.purchase.PurchaseId purchase) {}

                @Override
                public void afterEvents(List<dev.loyalty.application.metrics.TakenEvent> taken) {}

                @Override
                public void afterEventsAttached(CustomerId customer) {
                    attachedTo.add(customer);
                }
            });
    private final List<CustomerId> attachedTo = new ArrayList<>();

    private static final Actor TERMINAL_S001 = Actor.terminal("till-7", "S001");
    private static final Actor ADMIN = Actor.admin("back-office");

    private Customer stored(Customer customer) {
        store.add(customer);
        return customer;
    }

    @Nested
    class Enrol {

        @Test
        void aProspectsEventsBecomeTheEnrolledCustomersAndTheMetricsAreTold() {
            activities.append(new dev.loyalty.application.activity.RecordedActivity(
                    "opened-1",
                    dev.loyalty.domain.activity.EventType.parse("EMAIL_OPENED", "type"),
                    dev.loyalty.domain.activity.EventSource.INTEGRATION,
                    java.util.Optional.empty(),
                    java.util.Optional.of(Email.of("prospect@example.com")),
                    java.util.Optional.empty(),
                    null,
                    NOW.minusSeconds(60),
                    NOW.minusSeconds(60),
                    java.util.Map.of()));

            Customer nobodys = service.enrol(new EnrolCustomerCommand(
                    anEnrolment().withEmail("someone.else@example.com").build(), ADMIN));
            assertThat(attachedTo).isEmpty();

            Customer prospect = service.enrol(new EnrolCustomerCommand(
                    anEnrolment().withEmail("prospect@example.com").build(), ADMIN));
            assertThat(attachedTo).containsExactly(prospect.id());
            assertThat(nobodys.id()).isNotEqualTo(prospect.id());
        }

        @Test
        void terminalEnrolsForItsStore() {
            EnrolmentDetails details = anEnrolment()
                    .withPhone("+393471234567")
                    .withPreferredChannel(PreferredChannel.SMS)
                    .withConsent(MARKETING_SMS)
                    .enrolledAt(STORE, "S001")
                    .build();

            Customer customer = service.enrol(new EnrolCustomerCommand(details, TERMINAL_S001));

            assertThat(customer.cardNumber()).isEqualTo(CardNumber.fromSerial(1001));
            assertThat(customer.enrolledAt()).isEqualTo(NOW);
            assertThat(customer.version()).isZero();
            assertThat(customer.consentHistory())
                    .extracting(ConsentEvidence::source)
                    .containsOnly("STORE:S001");
            assertThat(store.byId(customer.id())).isPresent();
            assertThat(events)
                    .containsExactly(
                            new CustomerEnrolled(customer.id(), customer.cardNumber(), STORE, "S001", null, NOW));
        }

        @Test
        void terminalCannotEnrolForAnotherStore() {
            EnrolmentDetails details = anEnrolment().enrolledAt(STORE, "S002").build();

            assertThatThrownBy(() -> service.enrol(new EnrolCustomerCommand(details, TERMINAL_S001)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(store.all()).isEmpty();
            assertThat(events).isEmpty();
        }

        @Test
        void terminalCannotEnrolWithoutNamingItsStore() {
            EnrolmentDetails details = anEnrolment().enrolledAt(APP).build();

            assertThatThrownBy(() -> service.enrol(new EnrolCustomerCommand(details, TERMINAL_S001)))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void customerCannotEnrol() {
            EnrolmentDetails details = anEnrolment().enrolledAt(APP).build();
            Actor customer = Actor.customer(CustomerId.newId());

            assertThatThrownBy(() -> service.enrol(new EnrolCustomerCommand(details, customer)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code())
                            .isEqualTo("forbidden"));
            assertThat(store.all()).isEmpty();
        }

        @Test
        void anIntegrationScopedToStoresEnrolsOnlyForThemOrForNoStore() {
            Actor romeShop = Actor.integration("shop-rome", java.util.Set.of("S001"), java.util.Set.of());

            assertThatThrownBy(() -> service.enrol(new EnrolCustomerCommand(
                            anEnrolment().enrolledAt(STORE, "S002").build(), romeShop)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(store.all()).isEmpty();
            assertThat(events).isEmpty();
            service.enrol(new EnrolCustomerCommand(
                    anEnrolment().enrolledAt(STORE, "S001").build(), romeShop));
            service.enrol(new EnrolCustomerCommand(anEnrolment().enrolledAt(APP).build(), romeShop));
            assertThat(store.all()).hasSize(2);
        }

        @Test
        void adminAndIntegrationEnrolAnywhere() {
            Customer byAdmin = service.enrol(new EnrolCustomerCommand(
                    anEnrolment()
                            .enrolledAt(STORE, "S009")
                            .withConsentSource("ADMIN")
                            .build(),
                    ADMIN));
            Customer byIntegration = service.enrol(new EnrolCustomerCommand(
                    anEnrolment()
                            .enrolledAt(APP)
                            .withConsentSource("INTEGRATION:website")
                            .build(),
                    Actor.integration("website")));

            assertThat(store.all()).extracting(Customer::id).containsExactly(byAdmin.id(), byIntegration.id());
            assertThat(byAdmin.cardNumber()).isNotEqualTo(byIntegration.cardNumber());
            assertThat(events).hasSize(2);
        }

        @Test
        void emailAlreadyEnrolledIsRejectedWithoutEvent() {
            stored(aCustomer().withEmail("marco@example.it").build());
            EnrolmentDetails details =
                    anEnrolment().withEmail("Marco@Example.it").enrolledAt(APP).build();

            assertThatThrownBy(() -> service.enrol(new EnrolCustomerCommand(details, ADMIN)))
                    .isInstanceOfSatisfying(CustomerAlreadyEnrolledException.class, e -> assertThat(e.field())
                            .isEqualTo("email"));
            assertThat(events).isEmpty();
            assertThat(store.all()).hasSize(1);
        }

        @Test
        void commandNeedsDetailsAndActor() {
            assertThatThrownBy(() -> new EnrolCustomerCommand(null, ADMIN)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> new EnrolCustomerCommand(anEnrolment().build(), null))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    class Find {

        @Test
        void findsById() {
            Customer customer = stored(aCustomer().build());

            assertThat(service.byId(customer.id(), TERMINAL_S001).id()).isEqualTo(customer.id());
            assertThat(service.byId(customer.id(), ADMIN).id()).isEqualTo(customer.id());
        }

        @Test
        void unknownIdIsNotFound() {
            assertThatThrownBy(() -> service.byId(CustomerId.newId(), ADMIN))
                    .isInstanceOfSatisfying(CustomerNotFoundException.class, e -> assertThat(e.code())
                            .isEqualTo("customer-not-found"));
        }

        @Test
        void customerSeesItselfOnly() {
            Customer self = stored(aCustomer().build());
            Customer other = stored(aCustomer().build());
            Actor app = Actor.customer(self.id());

            assertThat(service.byId(self.id(), app).id()).isEqualTo(self.id());
            assertThatThrownBy(() -> service.byId(other.id(), app)).isInstanceOf(CustomerNotFoundException.class);
        }

        @Test
        void looksUpByCardPhoneOrEmail() {
            Customer customer = stored(aCustomer()
                    .withEmail("elena@example.it")
                    .withPhone("+393471112233")
                    .build());

            assertThat(service.lookup(CustomerLookup.byCard(customer.cardNumber()), TERMINAL_S001)
                            .id())
                    .isEqualTo(customer.id());
            assertThat(service.lookup(CustomerLookup.byPhone(PhoneNumber.of("+393471112233")), TERMINAL_S001)
                            .id())
                    .isEqualTo(customer.id());
            assertThat(service.lookup(CustomerLookup.byEmail(Email.of("ELENA@example.it")), ADMIN)
                            .id())
                    .isEqualTo(customer.id());
            assertThat(service.lookup(
                                    new CustomerLookup(
                                            customer.cardNumber(),
                                            PhoneNumber.of("+393471112233"),
                                            Email.of("elena@example.it")),
                                    ADMIN)
                            .id())
                    .isEqualTo(customer.id());
        }

        @Test
        void criteriaDesignatingDifferentCustomersAreNotFound() {
            Customer elena = stored(aCustomer().withEmail("elena@example.it").build());
            stored(aCustomer().withPhone("+393479998877").build());

            assertThatThrownBy(() -> service.lookup(
                            new CustomerLookup(elena.cardNumber(), PhoneNumber.of("+393479998877"), null),
                            TERMINAL_S001))
                    .isInstanceOf(CustomerNotFoundException.class);
        }

        @Test
        void criterionMatchingNobodyIsNotFound() {
            Customer elena = stored(aCustomer().withEmail("elena@example.it").build());

            assertThatThrownBy(() -> service.lookup(
                            new CustomerLookup(elena.cardNumber(), null, Email.of("nobody@example.it")), TERMINAL_S001))
                    .isInstanceOf(CustomerNotFoundException.class);
            assertThatThrownBy(() -> service.lookup(CustomerLookup.byCard(CardNumber.of("4006381333931")), ADMIN))
                    .isInstanceOf(CustomerNotFoundException.class);
        }

        @Test
        void customerCannotLookUpOthers() {
            Customer self = stored(aCustomer().build());
            Customer other = stored(aCustomer().build());

            assertThatThrownBy(
                            () -> service.lookup(CustomerLookup.byCard(other.cardNumber()), Actor.customer(self.id())))
                    .isInstanceOf(CustomerNotFoundException.class);
            assertThat(service.lookup(CustomerLookup.byCard(self.cardNumber()), Actor.customer(self.id()))
                            .id())
                    .isEqualTo(self.id());
        }

        @Test
        void lookupNeedsACriterionNamedCard() {
            assertThatThrownBy(() -> new CustomerLookup(null, null, null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("card"));
        }
    }

    @Nested
    class UpdateProfile {

        @Test
        void storesTheChangeAndAppendsEachEvent() {
            Customer customer = stored(aCustomer().withFirstName("Marco").build());

            Customer updated = service.updateProfile(new UpdateProfileCommand(
                    customer.id(),
                    aProfileUpdate()
                            .firstName("Marcello")
                            .phone("+393475556677")
                            .consent(MARKETING_SMS, true)
                            .source("APP")
                            .build(),
                    Actor.customer(customer.id())));

            assertThat(updated.firstName()).isEqualTo("Marcello");
            assertThat(updated.version()).isEqualTo(1);
            assertThat(store.byId(customer.id()).orElseThrow().firstName()).isEqualTo("Marcello");
            assertThat(updates).hasValue(1);
            assertThat(events)
                    .containsExactly(
                            new CustomerProfileUpdated(customer.id(), java.util.Set.of("firstName", "phone"), NOW),
                            new ConsentChanged(customer.id(), MARKETING_SMS, true, "APP", NOW));
        }

        @Test
        void nothingChangedMeansNoUpdateAndNoEvent() {
            Customer customer = stored(aCustomer().withFirstName("Marco").build());

            Customer same = service.updateProfile(new UpdateProfileCommand(
                    customer.id(), aProfileUpdate().firstName("Marco").build(), ADMIN));

            assertThat(same.version()).isZero();
            assertThat(updates).hasValue(0);
            assertThat(events).isEmpty();
        }

        @Test
        void customerCannotUpdateAnother() {
            Customer self = stored(aCustomer().build());
            Customer other = stored(aCustomer().withFirstName("Elena").build());

            assertThatThrownBy(() -> service.updateProfile(new UpdateProfileCommand(
                            other.id(), aProfileUpdate().firstName("Hacked").build(), Actor.customer(self.id()))))
                    .isInstanceOf(CustomerNotFoundException.class);
            assertThat(store.byId(other.id()).orElseThrow().firstName()).isEqualTo("Elena");
            assertThat(events).isEmpty();
        }

        @Test
        void unknownCustomerIsNotFound() {
            assertThatThrownBy(() -> service.updateProfile(new UpdateProfileCommand(
                            CustomerId.newId(),
                            aProfileUpdate().firstName("Elena").build(),
                            ADMIN)))
                    .isInstanceOf(CustomerNotFoundException.class);
        }

        @Test
        void invalidChangeChangesNothing() {
            Customer customer = stored(aCustomer().build());

            assertThatThrownBy(() -> service.updateProfile(new UpdateProfileCommand(
                            customer.id(),
                            aProfileUpdate()
                                    .preferredChannel(PreferredChannel.SMS)
                                    .build(),
                            ADMIN)))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("preferredChannel"));
            assertThat(updates).hasValue(0);
            assertThat(events).isEmpty();
        }

        @Test
        void phoneOfAnotherCustomerIsRejected() {
            stored(aCustomer().withPhone("+393470000001").build());
            Customer customer = stored(aCustomer().build());

            assertThatThrownBy(() -> service.updateProfile(new UpdateProfileCommand(
                            customer.id(),
                            aProfileUpdate().phone("+393470000001").build(),
                            ADMIN)))
                    .isInstanceOfSatisfying(CustomerAlreadyEnrolledException.class, e -> assertThat(e.field())
                            .isEqualTo("phone"));
        }

        @Test
        void commandNeedsEveryPart() {
            assertThatThrownBy(() ->
                            new UpdateProfileCommand(null, aProfileUpdate().build(), ADMIN))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                            .isEqualTo("customerId"));
            assertThatThrownBy(() -> new UpdateProfileCommand(CustomerId.newId(), null, ADMIN))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> new UpdateProfileCommand(
                            CustomerId.newId(), aProfileUpdate().build(), null))
                    .isInstanceOf(InvalidValueException.class);
        }
    }
}
