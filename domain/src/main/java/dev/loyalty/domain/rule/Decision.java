package dev.loyalty.domain.rule;

import java.util.List;

/**
 * A rule's verdict on one event, with its reasons: when it does not fire, every unmet condition
 * in words; when it fires, what held.
 *
 * @param fires whether the actions run
 * @param reasons why
 */
public record Decision(boolean fires, List<String> reasons) {

    /** Copies the reasons. */
    public Decision {
        reasons = List.copyOf(reasons);
    }
}
