package dev.loyalty.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeTest {

    @Test
    void parsingForgivesCaseAndSurroundingBlanks() {
        assertThat(EventType.parse("app_installed", "type")).isEqualTo(new EventType("APP_INSTALLED"));
        assertThat(EventType.parse("  Newsletter_Subscribed\t", "type").value()).isEqualTo("NEWSLETTER_SUBSCRIBED");
        assertThat(EventType.parse("purchase_recorded", "on")).isEqualTo(EventType.PURCHASE_RECORDED);
    }

    @Test
    void acceptsTwoToSixtyFourCharacters() {
        assertThat(EventType.parse("ab", "type").value()).isEqualTo("AB");
        String longest = "A" + "B".repeat(63);
        assertThat(new EventType(longest).value()).hasSize(64);
        assertThat(EventType.parse("x1_2", "type").value()).isEqualTo("X1_2");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "A", "1APP", "_APP", "APP-INSTALLED", "APP INSTALLED", "APP.INSTALLED", "ÀPP"})
    void parsingRefusesWhatIsNotAName(String raw) {
        assertThatThrownBy(() -> EventType.parse(raw, "events[0].type"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("events[0].type"))
                .hasMessageContaining("2 to 64");
    }

    @Test
    void parsingRefusesSixtyFiveCharacters() {
        String tooLong = "a".repeat(65);
        assertThatThrownBy(() -> EventType.parse(tooLong, "on"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("on"));
    }

    @Test
    void theConstructorDoesNotNormalise() {
        assertThatThrownBy(() -> new EventType("app_installed"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> new EventType(" APP_INSTALLED"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> new EventType(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theServicesOwnEventsAreInternal() {
        assertThat(EventType.INTERNAL)
                .containsExactlyInAnyOrder(
                        EventType.CUSTOMER_ENROLLED,
                        EventType.PURCHASE_RECORDED,
                        EventType.COUPON_REDEEMED,
                        EventType.MISSION_COMPLETED,
                        EventType.REFERRAL_COMPLETED,
                        EventType.TIER_CHANGED);
        assertThat(EventType.parse("purchase_recorded", "type").internal()).isTrue();
        assertThat(EventType.parse("tier_changed", "type").internal()).isTrue();
        assertThat(EventType.parse("referral_completed", "type").internal()).isTrue();
    }

    @Test
    void anIntegrationsEventIsNotInternal() {
        assertThat(new EventType("APP_INSTALLED").internal()).isFalse();
        assertThat(new EventType("PURCHASE_RECORDED_EXTERNALLY").internal()).isFalse();
        assertThat(new EventType("NEWSLETTER_SUBSCRIBED").internal()).isFalse();
    }

    @Test
    void printsAsItsName() {
        assertThat(EventType.parse("app_installed", "type")).hasToString("APP_INSTALLED");
    }
}
