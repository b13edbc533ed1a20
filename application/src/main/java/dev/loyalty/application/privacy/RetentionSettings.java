package dev.loyalty.application.privacy;

import java.time.Duration;

/**
 * How long data about people is kept, as configured: a prospect's events (posted for a contact
 * that never enrolled), customers' events, the rules' verdicts that fired nothing, and the
 * messages' history and texts. The ledger, purchases, coupons, campaign members and the verdicts
 * that fired (a once-per-customer rule counts them) are kept.
 *
 * @param prospects how long an event of a contact that never enrolled is kept
 * @param events how long a customer's event is kept
 * @param verdicts how long a verdict that fired nothing is kept
 * @param messages how long a message's history and text are kept
 */
public record RetentionSettings(Duration prospects, Duration events, Duration verdicts, Duration messages) {

    /** Refuses, with one line naming the setting, a period that cannot work (1-3,650 days). */
    public RetentionSettings {
        check("LOYALTY_RETENTION_PROSPECT_DAYS (loyalty.retention.prospect-days)", prospects);
        check("LOYALTY_RETENTION_EVENT_DAYS (loyalty.retention.event-days)", events);
        check("LOYALTY_RETENTION_VERDICT_DAYS (loyalty.retention.verdict-days)", verdicts);
        check("LOYALTY_RETENTION_MESSAGE_DAYS (loyalty.retention.message-days)", messages);
    }

    private static void check(String setting, Duration period) {
        long days = period.toDays();
        if (days < 1 || days > 3_650) {
            throw new IllegalArgumentException(setting + " must be between 1 and 3650 days, got: " + days);
        }
    }
}
