package dev.loyalty.adapters.persistence.campaign.evaluation;

import static dev.loyalty.adapters.persistence.TestDatabase.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Campaign rows written with SQL, as a run writes them (the contract of issue 14), until the
 * campaign core writes them itself: customers, a campaign, its members, purchases and their lines,
 * coupons and messages.
 */
final class CampaignRows {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private CampaignRows() {}

    static String customer() {
        String id = UUID.randomUUID().toString();
        sql(
                "INSERT INTO customer (id, card_number, first_name, preferred_channel, enrolment_channel, enrolled_at,"
                        + " version) VALUES (?, ?, 'Member', 'NONE', 'STORE', '2026-01-01', 1)",
                id,
                card());
        return id;
    }

    static String campaign(int attributionDays) {
        String id = UUID.randomUUID().toString();
        sql(
                "INSERT INTO campaign (id, name, type, status, definition, holdout_percent, holdout_key, attribution_days,"
                        + " version, created_at, updated_at) VALUES (?, ?, 'CALENDAR', 'SCHEDULED', '{}', 50, ?, ?, 1,"
                        + " '2026-01-01', '2026-01-01')",
                id,
                "Evaluation " + id.substring(0, 8),
                "k".repeat(64),
                attributionDays);
        return id;
    }

    /** A member of {@code group} with outcome, contacted at {@code at} on occasion {@code occasion}. */
    static void member(
            String campaign,
            String customer,
            String occasion,
            String group,
            String outcome,
            Instant at,
            String couponCode,
            long points,
            String messageId,
            String suppressedReason,
            String scopeCategory) {
        sql(
                "INSERT INTO campaign_member (campaign_id, customer_id, occasion, run_id, member_group, outcome,"
                        + " suppressed_reason, contacted_at, message_id, coupon_code, points, scope_category)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                campaign,
                customer,
                occasion,
                UUID.randomUUID().toString(),
                group,
                outcome,
                suppressedReason,
                utc(at),
                messageId,
                couponCode,
                points,
                scopeCategory);
    }

    /** A purchase of {@code customer} at {@code at}, one line of {@code category}: @return its id */
    static String purchase(String customer, Instant at, long paid, long reversed, String category) {
        String id = UUID.randomUUID().toString();
        sql(
                "INSERT INTO purchase (id, store_id, receipt_id, channel, customer_id, occurred_at, recorded_at, currency,"
                        + " total_paid, points_awarded, points_reversed, amount_reversed, reversals, version, source)"
                        + " VALUES (?, 'MI-001', ?, 'STORE', ?, ?, ?, 'EUR', ?, 0, 0, ?, 0, 1, 'IMPORT')",
                id,
                "R-" + SEQUENCE.incrementAndGet(),
                customer,
                utc(at),
                utc(at),
                paid,
                reversed);
        sql(
                "INSERT INTO purchase_line (purchase_id, line_number, sku, category, quantity, unit_price, discount,"
                        + " earned_millionths, reversed_quantity) VALUES (?, 1, ?, ?, 1, ?, 0, 0, 0)",
                id,
                "SKU-" + category,
                category,
                paid);
        return id;
    }

    /** A coupon of the campaign for {@code customer}: @return its code */
    static String coupon(String campaign, String customer, String status) {
        String template = UUID.randomUUID().toString();
        sql(
                "INSERT INTO coupon_template (id, name, discount_type, discount_value, currency, channels, categories,"
                        + " created_at) VALUES (?, 'Evaluation', 'AMOUNT_OFF', 300, 'EUR', 'STORE', '', '2026-01-01')",
                template);
        String code = String.format("E%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
        sql(
                "INSERT INTO coupon (code, template_id, customer_id, status, valid_from, valid_until, issued_at, version,"
                        + " campaign_id) VALUES (?, ?, ?, ?, '2026-01-01', '2027-01-01', '2026-01-01', 1, ?)",
                code,
                template,
                customer,
                status,
                campaign);
        return code;
    }

    static void redeemed(String purchase, String code, long discount) {
        sql(
                "INSERT INTO purchase_coupon (purchase_id, code, position, discount) VALUES (?, ?, 1, ?)",
                purchase,
                code,
                discount);
    }

    /** A message to {@code customer}: @return its id */
    static String message(String customer, String channel, String status, String reason) {
        String id = UUID.randomUUID().toString();
        sql(
                "INSERT INTO message (id, customer_id, cause, requested_channel, channel, kind, priority, template,"
                        + " template_values, status, reason, attempts, leases, next_attempt_at, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'MARKETING', 5, 'Hello', '{}', ?, ?, 0, 0, '2026-01-01',"
                        + " '2026-01-01', '2026-01-01')",
                id,
                customer,
                "campaign:test:" + id,
                channel,
                channel,
                status,
                reason);
        return id;
    }

    static Timestamp utc(Instant at) {
        return Timestamp.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static String card() {
        return "8" + String.format("%012d", SEQUENCE.incrementAndGet() % 1_000_000_000_000L);
    }
}
