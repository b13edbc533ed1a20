package dev.loyalty.application.account;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_EMAIL;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static dev.loyalty.domain.customer.ConsentPurpose.PROFILING;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.aProfileUpdate;
import static dev.loyalty.domain.customer.CustomerFixtures.uniqueEmail;
import static dev.loyalty.domain.customer.CustomerFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.ConsentEvidence;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerAlreadyEnrolledException;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.customer.PreferredChannel;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Customers} implementation must do; extend it and provide {@link #customers()}.
 * Each test uses fresh random e-mail addresses, phones, cards and ids, so the tests run in any order
 * against a shared database. An implementation that needs a transaction around each call overrides
 * {@link #inTransaction(Supplier)} (every repository call of these tests goes through it). Instants
 * are whole seconds, so any database precision round-trips them.
 */
public abstract class CustomersContract {

    private static final Instant LATER = CustomerFixtures.ENROLLED_AT.plusSeconds(86_400);

    /**
     * @return the implementation under test
     */
    protected abstract Customers customers();

    /**
     * Runs one repository call; override to wrap it in a transaction (committed on success, rolled
     * back on failure, the failure rethrown unchanged).
     *
     * @param work the call
     * @param <T> its result
     * @return its result
     */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private void add(Customer customer) {
        inTransaction(() -> {
            customers().add(customer);
            return null;
        });
    }

    private void update(Customer customer) {
        inTransaction(() -> {
            customers().update(customer);
            return null;
        });
    }

    private Optional<Customer> byId(CustomerId id) {
        return inTransaction(() -> customers().byId(id));
    }

    private static void assertSameState(Customer actual, Customer expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.cardNumber()).isEqualTo(expected.cardNumber());
        assertThat(actual.firstName()).isEqualTo(expected.firstName());
        assertThat(actual.lastName()).isEqualTo(expected.lastName());
        assertThat(actual.email()).isEqualTo(expected.email());
        assertThat(actual.phone()).isEqualTo(expected.phone());
        assertThat(actual.birthDate()).isEqualTo(expected.birthDate());
        assertThat(actual.preferredChannel()).isEqualTo(expected.preferredChannel());
        assertThat(actual.enrolmentChannel()).isEqualTo(expected.enrolmentChannel());
        assertThat(actual.storeId()).isEqualTo(expected.storeId());
        assertThat(actual.referralCode()).isEqualTo(expected.referralCode());
        assertThat(actual.enrolledAt()).isEqualTo(expected.enrolledAt());
        assertThat(actual.consentHistory()).isEqualTo(expected.consentHistory());
    }

    @Test
    public void addedCustomerIsFoundByIdWithEveryField() {
        Customer customer = aCustomer()
                .withFirstName("Marco")
                .withLastName("Rossi")
                .withEmail(uniqueEmail())
                .withAPhone()
                .withBirthDate(LocalDate.of(1981, 7, 14))
                .withPreferredChannel(PreferredChannel.SMS)
                .withConsent(MARKETING_SMS, PROFILING)
                .enrolledAt(EnrolmentChannel.STORE, "S001")
                .withReferralCode("ELENA2025")
                .build();

        add(customer);

        Customer found = byId(customer.id()).orElseThrow();
        assertSameState(found, customer);
        assertThat(found.version()).isZero();
    }

    @Test
    public void severalCustomersAreReadAtOnceEachWithItsConsentsAndAnUnknownIdIsLeftOut() {
        Customer consenting = aCustomer()
                .withEmail(uniqueEmail())
                .withAPhone()
                .withConsent(MARKETING_SMS, PROFILING)
                .build();
        Customer plain = aCustomer().withoutEmail().build();
        add(consenting);
        add(plain);
        CustomerId unknown = CustomerId.newId();

        java.util.Map<CustomerId, Customer> found =
                inTransaction(() -> customers().byIds(java.util.List.of(consenting.id(), unknown, plain.id())));

        assertThat(found).containsOnlyKeys(consenting.id(), plain.id());
        assertSameState(found.get(consenting.id()), consenting);
        assertSameState(found.get(plain.id()), plain);
    }

    @Test
    public void minimalCustomerRoundTrips() {
        Customer customer = aCustomer()
                .withoutEmail()
                .withLastName(null)
                .withBirthDate(null)
                .enrolledAt(EnrolmentChannel.WEB)
                .build();

        add(customer);

        assertSameState(byId(customer.id()).orElseThrow(), customer);
    }

    @Test
    public void addedCustomerIsFoundByCardEmailAndPhone() {
        String email = uniqueEmail();
        String phone = uniquePhone();
        Customer customer = aCustomer().withEmail(email).withPhone(phone).build();
        add(customer);

        assertThat(inTransaction(() -> customers().byCardNumber(customer.cardNumber())))
                .map(Customer::id)
                .contains(customer.id());
        assertThat(inTransaction(() -> customers().byEmail(Email.of(email.toUpperCase()))))
                .map(Customer::id)
                .contains(customer.id());
        assertThat(inTransaction(() -> customers().byPhone(PhoneNumber.of(phone))))
                .map(Customer::id)
                .contains(customer.id());
        assertThat(inTransaction(() -> customers().holderOf(customer.cardNumber())))
                .contains(customer.id());
        assertThat(inTransaction(() -> customers().exists(customer.id()))).isTrue();
        assertThat(inTransaction(() -> customers().exists(CustomerId.newId()))).isFalse();
        assertThat(inTransaction(() -> customers().holderOf(CustomerFixtures.aCardNumber())))
                .isEmpty();
    }

    @Test
    public void unknownCustomersAreEmptyNotNull() {
        assertThat(byId(CustomerId.newId())).isEmpty();
        assertThat(inTransaction(() -> customers().byCardNumber(CustomerFixtures.aCardNumber())))
                .isEmpty();
        assertThat(inTransaction(() -> customers().byEmail(Email.of(uniqueEmail()))))
                .isEmpty();
        assertThat(inTransaction(() -> customers().byPhone(PhoneNumber.of(uniquePhone()))))
                .isEmpty();
    }

    @Test
    public void duplicateEmailIsRejected() {
        String email = uniqueEmail();
        add(aCustomer().withEmail(email).build());

        Customer second = aCustomer().withEmail(email).withAPhone().build();

        assertThatThrownBy(() -> add(second))
                .isInstanceOfSatisfying(CustomerAlreadyEnrolledException.class, e -> assertThat(e.field())
                        .isEqualTo("email"));
    }

    @Test
    public void duplicatePhoneIsRejected() {
        String phone = uniquePhone();
        add(aCustomer().withPhone(phone).build());

        Customer second = aCustomer().withPhone(phone).build();

        assertThatThrownBy(() -> add(second))
                .isInstanceOfSatisfying(CustomerAlreadyEnrolledException.class, e -> assertThat(e.field())
                        .isEqualTo("phone"));
    }

    @Test
    public void customersWithoutEmailOrPhoneDoNotCollide() {
        Customer first = aCustomer().withoutEmail().build();
        Customer second = aCustomer().withoutEmail().build();

        add(first);
        add(second);

        assertThat(byId(first.id())).isPresent();
        assertThat(byId(second.id())).isPresent();
    }

    @Test
    public void updateStoresTheChangeAndAdvancesTheVersion() {
        Customer customer = aCustomer().withFirstName("Marco").build();
        add(customer);
        Customer loaded = byId(customer.id()).orElseThrow();
        String newPhone = uniquePhone();

        loaded.updateProfile(
                aProfileUpdate()
                        .firstName("Marcello")
                        .lastName("Verdi")
                        .phone(newPhone)
                        .preferredChannel(PreferredChannel.SMS)
                        .build(),
                LATER);
        update(loaded);

        Customer reloaded = byId(customer.id()).orElseThrow();
        assertSameState(reloaded, loaded);
        assertThat(reloaded.version()).isEqualTo(1);
        assertThat(inTransaction(() -> customers().byPhone(PhoneNumber.of(newPhone))))
                .map(Customer::id)
                .contains(customer.id());
    }

    @Test
    public void updateRoundTripsTheConsentHistory() {
        Customer customer = aCustomer().withConsent(MARKETING_EMAIL).build();
        add(customer);
        Customer loaded = byId(customer.id()).orElseThrow();

        loaded.updateProfile(
                aProfileUpdate()
                        .consent(MARKETING_SMS, true)
                        .consent(MARKETING_EMAIL, false)
                        .source("STORE:S002")
                        .textVersion("consent-v2")
                        .build(),
                LATER);
        update(loaded);

        Customer reloaded = byId(customer.id()).orElseThrow();
        List<ConsentEvidence> history = reloaded.consentHistory();
        assertThat(history).hasSize(6).isEqualTo(loaded.consentHistory());
        assertThat(reloaded.consents().isGranted(MARKETING_SMS)).isTrue();
        assertThat(reloaded.consents().isGranted(MARKETING_EMAIL)).isFalse();

        Customer again = byId(customer.id()).orElseThrow();
        again.updateProfile(aProfileUpdate().consent(MARKETING_EMAIL, true).build(), LATER.plusSeconds(60));
        update(again);
        Customer third = byId(customer.id()).orElseThrow();
        assertThat(third.consentHistory()).hasSize(7).isEqualTo(again.consentHistory());
        assertThat(third.consents().isGranted(MARKETING_EMAIL)).isTrue();
        assertThat(third.version()).isEqualTo(2);
    }

    @Test
    public void severalCustomersAreReadAtOnceWithTheirWholeConsentHistories() {
        Customer marco = aCustomer()
                .withEmail(uniqueEmail())
                .withConsent(MARKETING_SMS, PROFILING)
                .build();
        Customer elena = aCustomer()
                .withEmail(uniqueEmail())
                .withConsent(MARKETING_EMAIL)
                .build();
        Customer minimal = aCustomer().withoutEmail().build();
        add(marco);
        add(elena);
        add(minimal);
        Customer changed = byId(elena.id()).orElseThrow();
        changed.updateProfile(aProfileUpdate().consent(MARKETING_EMAIL, false).build(), LATER);
        update(changed);
        Customer elenaNow = byId(elena.id()).orElseThrow();
        CustomerId unknown = CustomerId.newId();

        java.util.Map<CustomerId, Customer> found =
                inTransaction(() -> customers().byIds(List.of(marco.id(), elena.id(), minimal.id(), unknown)));

        assertThat(found).containsOnlyKeys(marco.id(), elena.id(), minimal.id());
        assertSameState(found.get(marco.id()), marco);
        assertSameState(found.get(minimal.id()), minimal);
        assertThat(found.get(elena.id()).consentHistory())
                .as("in order, the withdrawal last")
                .isEqualTo(elenaNow.consentHistory());
        assertThat(found.get(elena.id()).consents().isGranted(MARKETING_EMAIL)).isFalse();
        assertThat(found.get(elena.id()).version()).isEqualTo(1);
        assertThat(inTransaction(() -> customers().byIds(List.of()))).isEmpty();
    }

    @Test
    public void updateWithAStaleVersionIsAConcurrentUpdate() {
        Customer customer = aCustomer().withFirstName("Marco").build();
        add(customer);
        Customer first = byId(customer.id()).orElseThrow();
        Customer second = byId(customer.id()).orElseThrow();

        first.updateProfile(aProfileUpdate().firstName("Elena").build(), LATER);
        update(first);
        second.updateProfile(aProfileUpdate().firstName("Giulia").build(), LATER);

        assertThatThrownBy(() -> update(second)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(byId(customer.id()).orElseThrow().firstName()).isEqualTo("Elena");
    }

    @Test
    public void updateToAnEmailOfAnotherCustomerIsRejected() {
        String taken = uniqueEmail();
        add(aCustomer().withEmail(taken).build());
        Customer customer = aCustomer().build();
        add(customer);
        Customer loaded = byId(customer.id()).orElseThrow();

        loaded.updateProfile(aProfileUpdate().email(taken).build(), LATER);

        assertThatThrownBy(() -> update(loaded))
                .isInstanceOfSatisfying(CustomerAlreadyEnrolledException.class, e -> assertThat(e.field())
                        .isEqualTo("email"));
    }

    @Test
    public void updateToAPhoneOfAnotherCustomerIsRejected() {
        String taken = uniquePhone();
        add(aCustomer().withPhone(taken).build());
        Customer customer = aCustomer().build();
        add(customer);
        Customer loaded = byId(customer.id()).orElseThrow();

        loaded.updateProfile(aProfileUpdate().phone(taken).build(), LATER);

        assertThatThrownBy(() -> update(loaded))
                .isInstanceOfSatisfying(CustomerAlreadyEnrolledException.class, e -> assertThat(e.field())
                        .isEqualTo("phone"));
    }

    @Test
    public void cardNumbersFromSerialsRoundTrip() {
        CardNumber card = CustomerFixtures.aCardNumber();
        Customer customer = aCustomer().withCardNumber(card).build();
        add(customer);

        assertThat(inTransaction(() -> customers().byCardNumber(CardNumber.of(card.value()))))
                .map(Customer::cardNumber)
                .contains(card);
    }
}
