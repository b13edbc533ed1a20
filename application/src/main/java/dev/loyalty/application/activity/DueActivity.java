package dev.loyalty.application.activity;

import dev.loyalty.domain.activity.Activity;

/**
 * An event the rules and missions have still to react to, claimed by the caller's transaction.
 *
 * @param rowId its row, the handle to mark it done
 * @param activity the event
 * @param attempts how many earlier attempts failed
 */
public record DueActivity(long rowId, Activity activity, int attempts) {}
