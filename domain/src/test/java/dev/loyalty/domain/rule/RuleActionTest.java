package dev.loyalty.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.rule.RuleAction.AdvanceMission;
import dev.loyalty.domain.rule.RuleAction.AwardPoints;
import dev.loyalty.domain.rule.RuleAction.IssueCoupon;
import dev.loyalty.domain.rule.RuleAction.SendMessage;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RuleActionTest {

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field())
                .isEqualTo(field));
    }

    @Test
    void awardsOneToAMillionPoints() {
        assertThat(new AwardPoints(Points.of(1)).points()).isEqualTo(Points.of(1));
        assertThat(new AwardPoints(Points.of(1_000_000)).points()).isEqualTo(Points.of(1_000_000));
        assertInvalid(() -> new AwardPoints(Points.ZERO), "points");
        assertInvalid(() -> new AwardPoints(Points.of(1_000_001)), "points");
        assertInvalid(() -> new AwardPoints(null), "points");
    }

    @Test
    void aMessageTemplateIsOneToSixteenHundredCharacters() {
        assertThat(new SendMessage(Optional.empty(), "x".repeat(RuleAction.MAX_TEMPLATE), false, 0).template())
                .hasSize(1600);
        assertThat(new SendMessage(Optional.of("SMS"), "Ciao {firstName}", true, 50).template())
                .isEqualTo("Ciao {firstName}");
        assertInvalid(() -> new SendMessage(Optional.empty(), "x".repeat(1601), false, 0), "template");
        assertInvalid(() -> new SendMessage(Optional.empty(), " \t", false, 0), "template");
        assertInvalid(() -> new SendMessage(Optional.empty(), "", false, 0), "template");
        assertInvalid(() -> new SendMessage(Optional.empty(), null, false, 0), "template");
    }

    @Test
    void aMessagePriorityIsZeroToAHundred() {
        assertThat(new SendMessage(Optional.empty(), "t", false, 0).priority()).isZero();
        assertThat(new SendMessage(Optional.empty(), "t", false, 100).priority())
                .isEqualTo(100);
        assertInvalid(() -> new SendMessage(Optional.empty(), "t", false, -1), "priority");
        assertInvalid(() -> new SendMessage(Optional.empty(), "t", false, 101), "priority");
    }

    @Test
    void aMessageChannelIsOptionalButNotNull() {
        assertThatThrownBy(() -> new SendMessage(null, "t", false, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("channel");
    }

    @Test
    void issuingACouponAndAdvancingAMissionNameWhat() {
        assertThatThrownBy(() -> new IssueCoupon(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("templateId");
        assertThatThrownBy(() -> new AdvanceMission(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("missionId");
    }

    @Test
    void eachActionHasItsApiName() {
        assertThat(new IssueCoupon(CouponTemplateId.newId()).type()).isEqualTo("ISSUE_COUPON");
        assertThat(new AwardPoints(Points.of(10)).type()).isEqualTo("AWARD_POINTS");
        assertThat(new SendMessage(Optional.empty(), "t", false, 0).type()).isEqualTo("SEND_MESSAGE");
        assertThat(new AdvanceMission(MissionId.newId()).type()).isEqualTo("ADVANCE_MISSION");
    }
}
