package dev.loyalty.application.customer;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.aProfileUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.InMemoryWallets;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.messaging.MessageRequest;
import dev.loyalty.application.messaging.OutboxService;
import dev.loyalty.application.referral.InMemoryReferrals;
import dev.loyalty.application.referral.ReferralService;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.RateLimitedException;
import dev.loyalty.application.shared.TestDigests;
import dev.loyalty.domain.customer.ContactChannel;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.shared.AccessDeniedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactVerificationServiceTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    final Instant[] now = {NOW};
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    };
    final InMemoryCustomers customers = new InMemoryCustomers();
    final CustomerService profiles = new CustomerService(
            customers,
            () -> 1L,
            event -> {},
            clock,
            new InMemoryWallets(),
            new ServiceEvents(new InMemoryActivityLog()),
            new ReferralService(new InMemoryReferrals(), clock, TestDigests.KEYED));
    final InMemoryContactVerifications verifications = new InMemoryContactVerifications();
    final List<MessageRequest> queued = new ArrayList<>();
    final InMemoryContactChangeQuota quota = new InMemoryContactChangeQuota();
    final ContactVerificationService service = service(quota);

    ContactVerificationService service(ContactChangeQuota counts) {
        return new ContactVerificationService(
                profiles,
                profiles,
                verifications,
                queued::add,
                TestDigests.KEYED,
                counts,
                new ContactChangeLimit(3),
                clock,
                new java.util.Random(7));
    }

    final Customer marco = stored(aCustomer().withPhone("+393471234567").build());
    final Actor app = Actor.customer(marco.id());

    Customer stored(Customer customer) {
        customers.add(customer);
        return customer;
    }

    Customer changePhone(String phone, Actor actor) {
        return service.change(new UpdateProfileCommand(
                marco.id(), aProfileUpdate().phone(phone).build(), actor));
    }

    String codeSent() {
        return queued.get(queued.size() - 1).values().get("code");
    }

    @Test
    void aPhoneChangedInTheAppIsOnTheProfileButMessagesKeepTheVerifiedOneUntilTheCodeIsConfirmed() {
        Customer changed = changePhone("+393339990000", app);

        assertThat(changed.phone().orElseThrow().value()).isEqualTo("+393339990000");
        assertThat(verifications.of(marco.id())).isEqualTo(Map.of(ContactChannel.SMS, Optional.of("+393471234567")));
        assertThat(queued).singleElement().satisfies(request -> {
            assertThat(request.transactional()).isTrue();
            assertThat(request.channel()).contains(Channel.SMS);
            assertThat(request.values()).containsEntry(OutboxService.VERIFY_CONTACT, "SMS");
            assertThat(request.values().get("code")).matches("[0-9]{6}");
            assertThat(request.cause()).startsWith("contact-verification:" + marco.id());
        });
        ContactVerifications.Pending pending =
                verifications.locked(marco.id(), ContactChannel.SMS).orElseThrow();
        assertThat(pending.codeDigest())
                .as("only a keyed digest of the code is kept")
                .hasSize(64)
                .doesNotContain(codeSent());
        assertThat(pending.expiresAt()).isEqualTo(NOW.plus(ContactVerificationService.VALIDITY));

        service.verify(marco.id(), ContactChannel.SMS, codeSent(), app);

        assertThat(verifications.of(marco.id())).isEmpty();
        assertThat(service.unverified(marco.id(), app)).isEmpty();
    }

    @Test
    void fiveWrongCodesVoidTheCodeEvenTheRightOneAfterwards() {
        changePhone("+393339990000", app);
        String right = codeSent();
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int left = ContactVerificationService.ATTEMPTS - 1; left > 0; left--) {
            int expected = left;
            assertThatThrownBy(() -> service.verify(marco.id(), ContactChannel.SMS, wrong, app))
                    .isInstanceOf(ContactVerificationException.class)
                    .satisfies(e -> assertThat(((ContactVerificationException) e).code())
                            .isEqualTo("contact-verification-code-invalid"))
                    .hasMessageContaining(expected + " attempt(s) left");
        }
        assertThatThrownBy(() -> service.verify(marco.id(), ContactChannel.SMS, wrong, app))
                .satisfies(e ->
                        assertThat(((ContactVerificationException) e).code()).isEqualTo("contact-verification-locked"));
        assertThatThrownBy(() -> service.verify(marco.id(), ContactChannel.SMS, right, app))
                .satisfies(e ->
                        assertThat(((ContactVerificationException) e).code()).isEqualTo("contact-verification-locked"));
        assertThat(verifications.of(marco.id())).containsKey(ContactChannel.SMS);
    }

    @Test
    void aCodeExpires() {
        changePhone("+393339990000", app);
        now[0] = NOW.plus(ContactVerificationService.VALIDITY).plus(Duration.ofSeconds(1));

        assertThatThrownBy(() -> service.verify(marco.id(), ContactChannel.SMS, codeSent(), app))
                .satisfies(e -> assertThat(((ContactVerificationException) e).code())
                        .isEqualTo("contact-verification-expired"));
    }

    @Test
    void aSecondChangeKeepsTheContactVerifiedFirstAndGivingItBackCancels() {
        changePhone("+393339990000", app);
        changePhone("+393339990001", app);

        assertThat(verifications.of(marco.id())).isEqualTo(Map.of(ContactChannel.SMS, Optional.of("+393471234567")));
        assertThat(queued).hasSize(2);

        changePhone("+393471234567", app);

        assertThat(verifications.of(marco.id())).isEmpty();
        assertThat(queued).as("no code for the verified contact").hasSize(2);
    }

    @Test
    void theConsoleChangesAContactAsVerifiedAndOnlyTheCustomerConfirmsACode() {
        changePhone("+393339990000", app);
        String code = codeSent();

        assertThatThrownBy(() -> service.verify(marco.id(), ContactChannel.SMS, code, Actor.admin("ops")))
                .isInstanceOf(AccessDeniedException.class);
        changePhone("+393339990002", Actor.admin("ops"));

        assertThat(verifications.of(marco.id())).isEmpty();
        assertThat(queued).hasSize(1);
        assertThatThrownBy(() -> service.verify(marco.id(), ContactChannel.EMAIL, "123456", app))
                .satisfies(e -> assertThat(((ContactVerificationException) e).code())
                        .isEqualTo("contact-verification-not-found"));
    }

    @Test
    void aCustomerIsSentCodesForAFewNewContactsADayThenIsToldToWaitAndNothingIsSent() {
        changePhone("+393339990001", app);
        changePhone("+393339990002", app);
        now[0] = NOW.plus(Duration.ofHours(1));
        changePhone("+393339990003", app);

        assertThatThrownBy(() -> changePhone("+393339990004", app))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.code()).isEqualTo("rate-limited");
                    assertThat(e.retryAfterSeconds())
                            .as("the window opened with the first new contact")
                            .isEqualTo(Duration.ofHours(23).toSeconds());
                });
        assertThat(queued).as("no code for the refused contact").hasSize(3);

        now[0] = NOW.plus(Duration.ofDays(1));
        changePhone("+393339990005", app);
        assertThat(queued).hasSize(4);
    }

    @Test
    void onlyNewContactsCountNotTheSameOneAgainNorTheVerifiedOneGivenBackNorTheConsole() {
        changePhone("+393339990001", app);
        changePhone("+393339990001", app);
        changePhone("+393471234567", app);
        changePhone("+393339990002", Actor.admin("ops"));
        changePhone("+393339990003", Actor.admin("ops"));
        changePhone("+393339990004", app);
        changePhone("+393339990005", app);

        assertThatThrownBy(() -> changePhone("+393339990006", app)).isInstanceOf(RateLimitedException.class);
        assertThat(queued).hasSize(3);
    }

    @Test
    void theCountIsTheQuotasNotTheServicesSoAnotherInstanceOrARestartKeepsIt() {
        changePhone("+393339990001", app);
        changePhone("+393339990002", app);

        ContactVerificationService restarted = service(quota);
        restarted.change(new UpdateProfileCommand(
                marco.id(), aProfileUpdate().phone("+393339990003").build(), app));
        ContactVerificationService other = service(quota);

        assertThatThrownBy(() -> other.change(new UpdateProfileCommand(
                        marco.id(), aProfileUpdate().phone("+393339990004").build(), app)))
                .isInstanceOf(RateLimitedException.class);
        assertThat(customers
                        .byId(marco.id())
                        .orElseThrow()
                        .phone()
                        .orElseThrow()
                        .value())
                .isEqualTo("+393339990003");
    }
}
