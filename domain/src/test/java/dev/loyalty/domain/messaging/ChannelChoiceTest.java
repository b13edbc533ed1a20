package dev.loyalty.domain.messaging;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_EMAIL;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.PreferredChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelChoiceTest {

    private final ChannelChoice choice = new ChannelChoice(List.of(Channel.EMAIL, Channel.SMS, Channel.PUSH));

    @Test
    void thePreferredChannelWinsWhenItHasConsent() {
        Customer marco = CustomerFixtures.aCustomer()
                .withAPhone()
                .withPreferredChannel(PreferredChannel.SMS)
                .withConsent(MARKETING_SMS, MARKETING_EMAIL)
                .build();

        assertThat(choice.choose(Optional.empty(), MessageKind.MARKETING, marco))
                .isEqualTo(new ChannelChoice.Chosen(Channel.SMS));
    }

    @Test
    void withoutConsentForThePreferredChannelTheFallbackOrderDecides() {
        Customer marco = CustomerFixtures.aCustomer()
                .withAPhone()
                .withPreferredChannel(PreferredChannel.SMS)
                .withConsent(MARKETING_EMAIL)
                .build();

        assertThat(choice.choose(Optional.empty(), MessageKind.MARKETING, marco))
                .isEqualTo(new ChannelChoice.Chosen(Channel.EMAIL));
    }

    @Test
    void noConsentAtAllIsNoChannelForMarketingButTransactionalStillGoes() {
        Customer marco = CustomerFixtures.aCustomer()
                .withAPhone()
                .withPreferredChannel(PreferredChannel.SMS)
                .build();

        assertThat(choice.choose(Optional.empty(), MessageKind.MARKETING, marco))
                .isInstanceOfSatisfying(ChannelChoice.Unreachable.class, u -> assertThat(u.reason())
                        .contains("no consent MARKETING_SMS"));
        assertThat(choice.choose(Optional.empty(), MessageKind.TRANSACTIONAL, marco))
                .isEqualTo(new ChannelChoice.Chosen(Channel.SMS));
    }

    @Test
    void anExplicitChannelIsThatChannelOrNothing() {
        Customer noPhone =
                CustomerFixtures.aCustomer().withConsent(MARKETING_SMS).build();

        assertThat(choice.choose(Optional.of(Channel.SMS), MessageKind.TRANSACTIONAL, noPhone))
                .isInstanceOfSatisfying(ChannelChoice.Unreachable.class, u -> assertThat(u.reason())
                        .contains("no phone number"));
        assertThat(choice.choose(Optional.of(Channel.PRINT_AT_TILL), MessageKind.MARKETING, noPhone))
                .isEqualTo(new ChannelChoice.Chosen(Channel.PRINT_AT_TILL));
    }

    @Test
    void anErasedCustomerIsReachableNowhere() {
        Customer erased =
                CustomerFixtures.aCustomer().withConsent(MARKETING_EMAIL).build();
        erased.erase(Instant.parse("2026-11-23T10:00:00Z"), "ADMIN", "v1");

        assertThat(choice.choose(Optional.of(Channel.PRINT_AT_TILL), MessageKind.TRANSACTIONAL, erased))
                .isInstanceOf(ChannelChoice.Unreachable.class);
    }

    @Test
    void pushNeedsARegisteredDeviceElseTheFallbackOrderDecides() {
        Customer marco = CustomerFixtures.aCustomer()
                .withAPhone()
                .withPreferredChannel(PreferredChannel.PUSH)
                .withConsent(dev.loyalty.domain.customer.ConsentPurpose.MARKETING_PUSH, MARKETING_SMS)
                .build();

        assertThat(choice.choose(Optional.empty(), MessageKind.MARKETING, marco, true))
                .isEqualTo(new ChannelChoice.Chosen(Channel.PUSH));
        assertThat(choice.choose(Optional.empty(), MessageKind.MARKETING, marco, false))
                .isEqualTo(new ChannelChoice.Chosen(Channel.SMS));
        assertThat(choice.choose(Optional.of(Channel.PUSH), MessageKind.TRANSACTIONAL, marco, false))
                .isInstanceOfSatisfying(ChannelChoice.Unreachable.class, u -> assertThat(u.reason())
                        .isEqualTo("PUSH: no app device registered"));
    }
}
