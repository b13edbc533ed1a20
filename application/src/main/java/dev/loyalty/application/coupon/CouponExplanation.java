package dev.loyalty.application.coupon;

import dev.loyalty.domain.coupon.CouponStatus;
import java.time.Instant;
import java.util.List;

/**
 * Why a coupon would (not) apply for a customer at an instant: every rule judged on its own, and
 * the coupon's recorded history.
 *
 * @param code the coupon
 * @param templateName its template
 * @param statusNow where it is in its life now
 * @param statusThen where it was at {@code at}, from its history
 * @param at as of when
 * @param applicable whether every rule judged was met
 * @param checks each rule's verdict, in the order a till checks them
 * @param history the coupon's recorded events, oldest first
 */
public record CouponExplanation(
        String code,
        String templateName,
        CouponStatus statusNow,
        CouponStatus statusThen,
        Instant at,
        boolean applicable,
        List<Check> checks,
        List<Event> history) {

    /**
     * One rule's verdict.
     *
     * @param rule the rule (the policy's name)
     * @param verdict MET, NOT_MET or NOT_JUDGED (it depends on what was not given, e.g. the basket)
     * @param code the problem code a till would get, when not met
     * @param detail why
     */
    public record Check(String rule, String verdict, String code, String detail) {}

    /**
     * @param type what happened
     * @param at when
     */
    public record Event(String type, Instant at) {}
}
