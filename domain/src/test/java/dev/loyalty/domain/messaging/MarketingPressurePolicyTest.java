package dev.loyalty.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarketingPressurePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final MarketingPressurePolicy policy = new MarketingPressurePolicy(List.of(
            new PressureCap(Optional.empty(), Duration.ofDays(7), 2),
            new PressureCap(Optional.empty(), Duration.ofDays(30), 6),
            new PressureCap(Optional.of(Channel.SMS), Duration.ofDays(7), 1)));

    private static MarketingPressurePolicy.Counted sent(long daysAgo, Channel channel) {
        return new MarketingPressurePolicy.Counted(NOW.minus(Duration.ofDays(daysAgo)), channel);
    }

    @Test
    void aFreeSlotIsTaken() {
        assertThat(policy.refusal(Channel.EMAIL, NOW, List.of(sent(1, Channel.EMAIL)), List.of()))
                .isEmpty();
    }

    @Test
    void theOverallCapCountsEveryChannel() {
        assertThat(policy.refusal(
                        Channel.EMAIL, NOW, List.of(sent(1, Channel.EMAIL), sent(2, Channel.PUSH)), List.of()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("2 per 7 days on all channels"));
    }

    @Test
    void aChannelCapCountsItsChannelOnly() {
        assertThat(policy.refusal(Channel.SMS, NOW, List.of(sent(1, Channel.SMS)), List.of()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("1 per 7 days on SMS"));
        assertThat(policy.refusal(Channel.EMAIL, NOW, List.of(sent(1, Channel.SMS)), List.of()))
                .isEmpty();
    }

    @Test
    void theWindowRolls() {
        assertThat(policy.refusal(
                        Channel.EMAIL, NOW, List.of(sent(8, Channel.EMAIL), sent(9, Channel.EMAIL)), List.of()))
                .isEmpty();
        List<MarketingPressurePolicy.Counted> month = List.of(
                sent(8, Channel.EMAIL),
                sent(9, Channel.EMAIL),
                sent(15, Channel.EMAIL),
                sent(16, Channel.EMAIL),
                sent(20, Channel.EMAIL),
                sent(29, Channel.EMAIL));
        assertThat(policy.refusal(Channel.EMAIL, NOW, month, List.of())).isPresent();
    }

    @Test
    void higherPrioritiesWaitingTakeTheSlotsFirst() {
        assertThat(policy.refusal(Channel.EMAIL, NOW, List.of(sent(1, Channel.EMAIL)), List.of(Channel.PUSH)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("higher priority"));
        assertThat(policy.refusal(Channel.EMAIL, NOW, List.of(), List.of(Channel.PUSH)))
                .isEmpty();
    }
}
