package dev.loyalty.application.referral;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.anEnrolment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.customer.CustomerService;
import dev.loyalty.application.customer.EnrolCustomerCommand;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.TestDigests;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.shared.AccessDeniedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReferralServiceTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryReferrals referrals = new InMemoryReferrals();
    private final ReferralService service = new ReferralService(referrals, clock, TestDigests.KEYED);
    private final Actor admin = Actor.admin("console");

    private Customer enrolled(String referralCode) {
        Customer customer = aCustomer().withReferralCode(referralCode).build();
        service.enrolled(customer, NOW);
        return customer;
    }

    @Test
    void everyEnrolmentGetsACodeOfItsOwnToShare() {
        AtomicLong serials = new AtomicLong(1_000);
        CustomerService customers = new CustomerService(
                new InMemoryCustomers(),
                serials::incrementAndGet,
                event -> {},
                clock,
                new InMemoryWallets(),
                new ServiceEvents(new InMemoryActivityLog()),
                service);

        Customer marco = customers.enrol(new EnrolCustomerCommand(anEnrolment().build(), admin));
        Customer elena = customers.enrol(new EnrolCustomerCommand(anEnrolment().build(), admin));

        String code = service.codeOf(marco.id(), Actor.customer(marco.id())).orElseThrow();
        assertThat(code).hasSize(ReferralService.CODE_LENGTH);
        assertThat(code.chars()).allMatch(c -> ReferralService.ALPHABET.indexOf(c) >= 0);
        assertThat(service.codeOf(elena.id(), admin)).isPresent().isNotEqualTo(java.util.Optional.of(code));
        assertThat(referrals.rows()).isEmpty();
    }

    @Test
    void aCodeAlreadyTakenIsDrawnAgain() {
        List<String> tried = new ArrayList<>();
        InMemoryReferrals crowded = new InMemoryReferrals() {
            @Override
            public boolean assignCode(CustomerId customerId, String code) {
                tried.add(code);
                return tried.size() > 2 && super.assignCode(customerId, code);
            }
        };
        Customer marco = aCustomer().build();

        new ReferralService(crowded, clock, TestDigests.KEYED).enrolled(marco, NOW);

        assertThat(tried).hasSize(3);
        assertThat(crowded.codeOf(marco.id())).contains(tried.get(2));
    }

    @Test
    void aCustomerSeesOnlyTheirOwnCode() {
        Customer marco = enrolled(null);
        Customer elena = enrolled(null);

        assertThatThrownBy(() -> service.codeOf(elena.id(), Actor.customer(marco.id())))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThat(service.codeOf(elena.id(), Actor.terminal("till-1", "MI-001")))
                .isPresent();
    }

    @Test
    void anEnrolmentWithSomebodysCodeInAnyCaseIsAPendingReferral() {
        Customer marco = enrolled(null);
        String code = referrals.codeOf(marco.id()).orElseThrow();

        Customer elena = enrolled(code.toLowerCase(Locale.ROOT));

        assertThat(referrals.rows()).singleElement().satisfies(r -> {
            assertThat(r.referrer).isEqualTo(marco.id());
            assertThat(r.referred).isEqualTo(elena.id());
            assertThat(r.status).isEqualTo("PENDING");
            assertThat(r.contactHash)
                    .isEqualTo(service.contactDigest(elena).orElseThrow().keyed());
        });
        assertThat(referrals.pendingFor(elena.id())).isPresent();
    }

    @Test
    void anUnknownCodeIsNoReferralAndNoRefusal() {
        enrolled(null);

        Customer elena = enrolled("NOSUCHCODE");

        assertThat(referrals.rows()).isEmpty();
        assertThat(referrals.codeOf(elena.id()))
                .as("still enrolled with a code of her own")
                .isPresent();
    }

    @Test
    void aContactReferredBeforeIsRejectedTheSecondTime() {
        Customer marco = enrolled(null);
        String code = referrals.codeOf(marco.id()).orElseThrow();
        String email = "elena.bianchi@example.com";
        Customer elena = aCustomer().withEmail(email).withReferralCode(code).build();
        service.enrolled(elena, NOW);
        // Elena erased her account and enrols again, with the same e-mail and the same code
        Customer elenaAgain = aCustomer()
                .withEmail(email.toUpperCase(Locale.ROOT))
                .withReferralCode(code)
                .build();

        service.enrolled(elenaAgain, NOW);

        assertThat(referrals.rows()).extracting(r -> r.status).containsExactly("PENDING", "REJECTED");
        assertThat(referrals.pendingFor(elenaAgain.id())).isEmpty();
    }

    @Test
    void theContactHashIsOfTheEmailElseOfThePhone() {
        Customer byEmail = aCustomer()
                .withEmail("a@example.com")
                .withPhone("+393331234567")
                .build();
        Customer samePhoneOtherEmail = aCustomer()
                .withEmail("b@example.com")
                .withPhone("+393331234567")
                .build();
        Customer phoneOnly =
                aCustomer().withoutEmail().withPhone("+393331234567").build();

        assertThat(hash(byEmail))
                .hasSize(64)
                .isNotEqualTo(hash(samePhoneOtherEmail))
                .isNotEqualTo(hash(phoneOnly));
        assertThat(hash(phoneOnly))
                .isEqualTo(hash(
                        aCustomer().withoutEmail().withPhone("+393331234567").build()));
        assertThat(hash(byEmail)).doesNotContain("example");
    }

    @Test
    void onlyAnAdministratorReadsOrChangesTheProgramme() {
        ReferralProgramme generous = new ReferralProgramme(500, 250, 2_000, 5);

        assertThat(service.define(generous, admin)).isEqualTo(generous);
        assertThat(service.programme(admin)).isEqualTo(generous);
        assertThatThrownBy(() -> service.define(generous, Actor.integration("crm")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.programme(Actor.terminal("till-1", "MI-001")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(referrals.programme()).isEqualTo(generous);
    }

    @Test
    void theContactIsKeptAsAKeyedDigestThatAGuessCannotBeTestedAgainst() {
        Customer marco = enrolled(null);
        String code = referrals.codeOf(marco.id()).orElseThrow();
        Customer elena = aCustomer().withReferralCode(code).build();

        Referrals.ContactDigest digest = service.contactDigest(elena).orElseThrow();
        Referrals.ContactDigest otherKey = new ReferralService(
                        referrals, clock, TestDigests.keyedWith("another-secret"))
                .contactDigest(elena)
                .orElseThrow();
        service.enrolled(elena, NOW);

        assertThat(digest.keyed()).hasSize(64).isNotEqualTo(digest.unkeyed()).isNotEqualTo(otherKey.keyed());
        assertThat(digest.unkeyed()).isEqualTo(ReferralService.unkeyed(elena).orElseThrow());
        assertThat(referrals.rows()).singleElement().satisfies(row -> assertThat(row.contactHash)
                .as("the plain SHA-256 of the contact is not what is kept")
                .isEqualTo(digest.keyed()));
    }

    @Test
    void aContactReferredBeforeTheDigestsWereKeyedIsStillNoNewReferral() {
        Customer marco = enrolled(null);
        String code = referrals.codeOf(marco.id()).orElseThrow();
        Customer elena = aCustomer().withReferralCode(code).build();
        // stored by the previous version: the plain SHA-256
        referrals.add(
                marco.id(),
                CustomerId.newId(),
                Optional.of(new Referrals.ContactDigest(
                        ReferralService.unkeyed(elena).orElseThrow(),
                        ReferralService.unkeyed(elena).orElseThrow())),
                NOW);

        service.enrolled(elena, NOW);

        assertThat(referrals.rows()).hasSize(2).last().satisfies(row -> assertThat(row.status)
                .isEqualTo("REJECTED"));
    }

    private String hash(Customer customer) {
        return service.contactDigest(customer).orElseThrow().keyed();
    }
}
