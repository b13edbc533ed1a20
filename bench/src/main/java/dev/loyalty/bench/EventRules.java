package dev.loyalty.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The events benchmark's programme: 20 active rules, 10 on each of the two event types the load
 * sends, and the attributes it draws for those events, chosen together so that each rule fires on
 * a known share of its events. Every active rule on an event's type judges the event and records
 * one evaluation, fired or skipped, so each event costs {@value #RULES_PER_TYPE} evaluations.
 *
 * <p>On {@code APP_INSTALLED} (platform ios|android, appVersion 5.1|5.2|6.0-beta, campaign
 * spring on one in four): points always, points on ios (1/2), points on android (1/2), a coupon
 * in the spring campaign (1/4), a coupon once per customer, points to ios beta testers (1/6); and
 * four that always skip on a condition the events or the customers never meet (platform
 * windows-phone, store S9, SMS consent, active from 2099). On {@code EMAIL_OPENED} (list
 * weekly|promo, campaign black-friday|spring-sale|welcome, device desktop on one in three): points
 * always, points for the weekly list (1/2), a coupon for the Black Friday promo (1/6), a coupon once
 * per customer, points on desktop (1/3); and five that always skip (list print, enrolled in the
 * app, e-mail consent, active until 2020, store S9). The benchmark's customers enrol at a store
 * without any marketing consent.
 */
final class EventRules {

    static final String APP_INSTALLED = "APP_INSTALLED";
    static final String EMAIL_OPENED = "EMAIL_OPENED";

    /** The active rules on each of the two types: the evaluations one event makes. */
    static final int RULES_PER_TYPE = 10;

    private static final String[] PLATFORMS = {"ios", "android"};
    private static final String[] APP_VERSIONS = {"5.1", "5.2", "6.0-beta"};
    private static final String[] APP_CAMPAIGNS = {"spring", "organic", "organic", "referral"};
    private static final String[] LISTS = {"weekly", "promo"};
    private static final String[] MAIL_CAMPAIGNS = {"black-friday", "spring-sale", "welcome"};
    private static final String[] DEVICES = {"mobile", "mobile", "desktop"};

    private EventRules() {}

    /** The request bodies of {@code POST /api/v1/rules}, the coupon actions issuing from the template. */
    static List<String> bodies(String templateId) {
        String points = "{\"type\":\"AWARD_POINTS\",\"points\":%d}";
        String coupon = "{\"type\":\"ISSUE_COUPON\",\"templateId\":" + Json.quote(templateId) + "}";
        List<String> bodies = List.of(
                rule("Install welcome points", APP_INSTALLED, null, points.formatted(50)),
                rule("iOS install bonus", APP_INSTALLED, attributes("platform", "ios"), points.formatted(20)),
                rule("Android install bonus", APP_INSTALLED, attributes("platform", "android"), points.formatted(20)),
                rule("Spring install coupon", APP_INSTALLED, attributes("campaign", "spring"), coupon),
                rule("First install coupon", APP_INSTALLED, "\"oncePerCustomer\":true", coupon),
                rule(
                        "iOS beta testers",
                        APP_INSTALLED,
                        attributes("platform", "ios", "appVersion", "6.0-beta"),
                        points.formatted(100)),
                rule("Windows Phone install", APP_INSTALLED, attributes("platform", "windows-phone"), coupon),
                rule("Kiosk install", APP_INSTALLED, "\"storeIds\":[\"S9\"]", points.formatted(10)),
                rule("SMS consenters install", APP_INSTALLED, "\"consents\":[\"marketingSms\"]", coupon),
                rule(
                        "Next season install",
                        APP_INSTALLED,
                        "\"activeFrom\":\"2099-01-01T00:00:00Z\"",
                        points.formatted(10)),
                rule("Open points", EMAIL_OPENED, null, points.formatted(1)),
                rule("Weekly reader", EMAIL_OPENED, attributes("list", "weekly"), points.formatted(5)),
                rule(
                        "Black Friday opener",
                        EMAIL_OPENED,
                        attributes("list", "promo", "campaign", "black-friday"),
                        coupon),
                rule("First open coupon", EMAIL_OPENED, "\"oncePerCustomer\":true", coupon),
                rule("Desktop reader", EMAIL_OPENED, attributes("device", "desktop"), points.formatted(2)),
                rule("Print edition reader", EMAIL_OPENED, attributes("list", "print"), points.formatted(5)),
                rule("App-enrolled reader", EMAIL_OPENED, "\"enrolmentChannels\":[\"APP\"]", points.formatted(5)),
                rule("E-mail consenters", EMAIL_OPENED, "\"consents\":[\"marketingEmail\"]", coupon),
                rule(
                        "Expired campaign reader",
                        EMAIL_OPENED,
                        "\"activeUntil\":\"2020-01-01T00:00:00Z\"",
                        points.formatted(5)),
                rule("Store S9 readers", EMAIL_OPENED, "\"storeIds\":[\"S9\"]", points.formatted(5)));
        if (bodies.size() != 2 * RULES_PER_TYPE) {
            throw new IllegalStateException("the programme must have " + RULES_PER_TYPE + " rules per type");
        }
        return bodies;
    }

    /** One event's type (each of the two half of the time) and its attributes as a JSON object. */
    static Event randomEvent(SplittableRandom random) {
        if (random.nextBoolean()) {
            return new Event(
                    APP_INSTALLED,
                    "{\"platform\":\"" + pick(random, PLATFORMS) + "\",\"appVersion\":\""
                            + pick(random, APP_VERSIONS) + "\",\"campaign\":\"" + pick(random, APP_CAMPAIGNS)
                            + "\"}");
        }
        return new Event(
                EMAIL_OPENED,
                "{\"list\":\"" + pick(random, LISTS) + "\",\"campaign\":\"" + pick(random, MAIL_CAMPAIGNS)
                        + "\",\"device\":\"" + pick(random, DEVICES) + "\"}");
    }

    private static String rule(String name, String on, String conditions, String action) {
        return "{\"name\":" + Json.quote(name) + ",\"on\":\"" + on + "\","
                + (conditions == null ? "" : "\"conditions\":{" + conditions + "},")
                + "\"actions\":[" + action + "]}";
    }

    private static String attributes(String... nameThenValue) {
        StringBuilder json = new StringBuilder("\"attributes\":{");
        for (int i = 0; i < nameThenValue.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append(Json.quote(nameThenValue[i]))
                    .append(':')
                    .append(Json.quote(nameThenValue[i + 1]));
        }
        return json.append('}').toString();
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * An event to send.
     *
     * @param type its type
     * @param attributes its attributes, a JSON object
     */
    record Event(String type, String attributes) {}
}
