package dev.loyalty.domain.rule;

import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Points;
import java.util.Objects;
import java.util.Optional;

/** What a rule does when it fires; its actions run in order, each judged on its own. */
public sealed interface RuleAction {

    /** The longest message template. */
    int MAX_TEMPLATE = 1600;

    /** @return the action's name in the API */
    String type();

    /**
     * Issues a personal coupon from a template.
     *
     * @param templateId the template
     */
    record IssueCoupon(CouponTemplateId templateId) implements RuleAction {
        public IssueCoupon {
            Objects.requireNonNull(templateId, "templateId");
        }

        @Override
        public String type() {
            return "ISSUE_COUPON";
        }
    }

    /**
     * Credits points to the wallet ({@code EARN}, the rule as reference).
     *
     * @param points how many
     */
    record AwardPoints(Points points) implements RuleAction {
        public AwardPoints {
            if (points == null || points.isZero() || points.value() > 1_000_000) {
                throw new InvalidValueException("points", "points to award are between 1 and 1000000");
            }
        }

        @Override
        public String type() {
            return "AWARD_POINTS";
        }
    }

    /**
     * Queues a message; marketing unless {@code transactional}.
     *
     * @param channel the channel (SMS, EMAIL, PUSH, PRINT_AT_TILL), or empty for the preferred one
     * @param template the text with placeholders
     * @param transactional whether the customer asked for it (no marketing consent needed)
     * @param priority higher wins a contested marketing slot
     */
    record SendMessage(Optional<String> channel, String template, boolean transactional, int priority)
            implements RuleAction {
        public SendMessage {
            Objects.requireNonNull(channel, "channel");
            if (template == null || template.isBlank() || template.length() > MAX_TEMPLATE) {
                throw new InvalidValueException(
                        "template", "a message template is 1 to " + MAX_TEMPLATE + " characters");
            }
            if (priority < 0 || priority > 100) {
                throw new InvalidValueException("priority", "priority is between 0 and 100");
            }
        }

        @Override
        public String type() {
            return "SEND_MESSAGE";
        }
    }

    /**
     * Counts one step of a mission whose goal is an event count, whatever the event.
     *
     * @param missionId the mission
     */
    record AdvanceMission(MissionId missionId) implements RuleAction {
        public AdvanceMission {
            Objects.requireNonNull(missionId, "missionId");
        }

        @Override
        public String type() {
            return "ADVANCE_MISSION";
        }
    }
}
