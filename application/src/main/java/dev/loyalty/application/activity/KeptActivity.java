package dev.loyalty.application.activity;

import java.util.Objects;

/**
 * A known customer's event as kept, with its row and whether the rules and missions have still to
 * react to it.
 *
 * @param rowId its row (mission steps name it)
 * @param activity the event
 * @param awaitingReactions whether it is still due for reactions
 */
public record KeptActivity(long rowId, RecordedActivity activity, boolean awaitingReactions) {

    /** Checks the components. */
    public KeptActivity {
        Objects.requireNonNull(activity, "activity");
    }
}
