package dev.loyalty.application.campaign.evaluation;

import dev.loyalty.domain.campaign.evaluation.MemberGroup;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Optional;
import java.util.UUID;

/**
 * Which members to list: a group, whether they responded, after which member (keyset), how many.
 *
 * @param group only this group, if present
 * @param responded only responders (true) or non-responders (false), if present
 * @param after the last member of the previous page, if any
 * @param limit 1 to {@value #MAX_LIMIT}
 */
public record MemberQuery(
        Optional<MemberGroup> group, Optional<Boolean> responded, Optional<Position> after, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 1_000;

    public MemberQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * A member's place in the listing's order.
     *
     * @param customerId the customer
     * @param occasion the occasion
     */
    public record Position(UUID customerId, String occasion) {

        public Position {
            if (occasion == null || occasion.isEmpty() || occasion.length() > 120) {
                throw new InvalidValueException("after", "after is the next cursor of an earlier page");
            }
        }
    }
}
