package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "When the customer does X, the platform does Y", told as the stories of MISSION.md over HTTP:
 * events pushed by the website and the app, and the service's own (enrolment, purchase), react
 * through rules and missions, once. Every rule is scoped to this test's own store or attribute and
 * archived at the end, every mission ended, so that no other test's customers are touched.
 */
@ExtendWith(ArquillianExtension.class)
class EngagementIT {

    static final Api API = Api.service();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Api.prepareKeys();
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("loyalty.it.war")));
    }

    @BeforeAll
    static void theServiceIsReady() {
        Api.Reply ready = API.awaitReady();
        assertThat(ready.status()).as("not ready: " + ready).isEqualTo(200);
    }

    @Test
    void theNewsletterCouponIsIssuedOnceAndIsGoodInStoresOnly() {
        String list = "news-" + unique();
        String store = "NL-" + unique();
        String template = template(
                """
                {"name": "Newsletter 5 EUR", "discount": {"type": "AMOUNT_OFF", "value": 500},
                 "channels": ["STORE"], "validDays": 30}""");
        String rule = rule(
                """
                {"name": "Newsletter welcome", "on": "NEWSLETTER_SUBSCRIBED",
                 "conditions": {"attributes": {"list": "%s"}},
                 "actions": [{"type": "ISSUE_COUPON", "templateId": "%s"},
                             {"type": "SEND_MESSAGE", "channel": "EMAIL",
                              "template": "Ciao {firstName}, ecco {couponCode}, valido fino al {couponValidUntil}"}]}"""
                        .formatted(list, template));
        try {
            String email = "giulia." + unique() + "@example.com";
            Api.Reply enrolled = API.post(
                    "/api/v1/customers",
                    Api.terminal(store),
                    """
                    {"firstName": "Giulia", "email": "%s", "preferredChannel": "EMAIL", "enrolmentChannel": "STORE",
                     "storeId": "%s", "consents": {"marketingEmail": true}}"""
                            .formatted(email, store));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            String giulia = enrolled.json().getString("customerId");
            String event = "web-" + unique();
            String body =
                    """
                    {"eventId": "%s", "email": "%s", "type": "NEWSLETTER_SUBSCRIBED",
                     "occurredAt": "%s", "attributes": {"list": "%s", "source": "footer"}}"""
                            .formatted(event, email, Instant.now(), list);

            Api.Reply first = API.post("/api/v1/events", Api.integration(), body);
            Api.Reply again = API.post("/api/v1/events", Api.integration(), body);

            assertThat(first.status()).as(first.toString()).isEqualTo(202);
            assertThat(first.json().getString("status")).isEqualTo("ACCEPTED");
            assertThat(first.json().getString("customerId")).isEqualTo(giulia);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json().getString("status")).isEqualTo("DUPLICATE");
            List<JsonObject> coupons = awaitCoupons(giulia, 1);
            JsonObject coupon = coupons.get(0);
            assertThat(coupon.getJsonArray("channels").getValuesAs(JsonString.class))
                    .extracting(JsonString::getString)
                    .containsExactly("STORE");
            Instant validUntil = Instant.parse(coupon.getString("validUntil"));
            assertThat(Duration.between(Instant.now(), validUntil).toDays()).isBetween(29L, 30L);
            String code = coupon.getString("code");
            JsonObject message = awaitMessage(giulia, "SENT");
            assertThat(message.getString("channel")).isEqualTo("EMAIL");

            Instant beforeRedemption = Instant.now();
            Api.Reply online = purchase(store, giulia, "ONLINE", code);
            assertThat(online.isProblem("coupon-not-valid-in-channel"))
                    .as(online.toString())
                    .isTrue();
            Api.Reply inStore = purchase(store, giulia, "STORE", code);
            assertThat(inStore.status()).as(inStore.toString()).isEqualTo(201);
            assertThat(inStore.json().getJsonArray("couponsRedeemed").getString(0))
                    .isEqualTo(code);

            JsonObject why = API.get(
                            "/api/v1/coupons/" + code + "/explanation?channel=ONLINE&amount=5000&customerId=" + giulia,
                            Api.admin())
                    .json();
            assertThat(why.getBoolean("applicable")).isFalse();
            assertThat(why.getString("statusNow")).isEqualTo("REDEEMED");
            assertThat(why.getJsonArray("checks").toString())
                    .contains("coupon-not-valid-in-channel")
                    .contains("coupon-already-redeemed");
            JsonObject then = API.get(
                            "/api/v1/coupons/" + code + "/explanation?channel=STORE&amount=5000&customerId=" + giulia
                                    + "&at=" + beforeRedemption,
                            Api.admin())
                    .json();
            assertThat(then.getString("statusThen")).isEqualTo("ISSUED");
            assertThat(then.getBoolean("applicable")).as(then.toString()).isTrue();

            awaitEvaluations(rule, giulia, 1);
            assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE customer_id = '" + giulia + "'"))
                    .as("the duplicate event issued nothing")
                    .isEqualTo(1);
            JsonObject evaluation = API.get("/api/v1/rules/" + rule + "/evaluations?customerId=" + giulia, Api.admin())
                    .json()
                    .getJsonArray("items")
                    .getJsonObject(0);
            assertThat(evaluation.getString("eventId")).isEqualTo(event);
            assertThat(evaluation.getJsonArray("reasons").toString()).contains("issued coupon " + code);
        } finally {
            archive(rule);
        }
    }

    @Test
    void aProspectsEventWaitsForTheEnrolmentOfItsEmail() {
        String list = "news-" + unique();
        String template = template(
                """
                {"name": "Prospect welcome", "discount": {"type": "PERCENT_OFF", "value": 10},
                 "channels": ["STORE", "ONLINE"], "validDays": 30}""");
        String rule = rule(
                """
                {"name": "Prospect newsletter", "on": "NEWSLETTER_SUBSCRIBED",
                 "conditions": {"attributes": {"list": "%s"}},
                 "actions": [{"type": "ISSUE_COUPON", "templateId": "%s"}]}"""
                        .formatted(list, template));
        try {
            String email = "prospect." + unique() + "@example.com";
            Api.Reply prospect = API.post(
                    "/api/v1/events",
                    Api.integration(),
                    """
                    {"eventId": "%s", "email": "%s", "type": "newsletter_subscribed",
                     "attributes": {"list": "%s"}}"""
                            .formatted("web-" + unique(), email, list));
            assertThat(prospect.status()).as(prospect.toString()).isEqualTo(202);
            assertThat(prospect.json().getString("status")).isEqualTo("PROSPECT");

            String customer = enrol(email, "PR-" + unique());

            assertThat(awaitCoupons(customer, 1)).hasSize(1);
        } finally {
            archive(rule);
        }
    }

    @Test
    void marcoEnrolsWithSmsConsentAndGetsHisWelcomeCouponWithinTheMinute() {
        String store = "MW-" + unique();
        String template = template(
                """
                {"name": "Welcome 3 EUR", "discount": {"type": "AMOUNT_OFF", "value": 300},
                 "channels": ["STORE"], "validDays": 60}""");
        String rule = rule(
                """
                {"name": "Welcome at the till", "on": "CUSTOMER_ENROLLED",
                 "conditions": {"storeIds": ["%s"], "consents": ["marketingSms"], "oncePerCustomer": true},
                 "actions": [{"type": "ISSUE_COUPON", "templateId": "%s"},
                             {"type": "SEND_MESSAGE", "channel": "SMS",
                              "template": "Benvenuto {firstName}! Il tuo coupon: {couponCode}"}]}"""
                        .formatted(store, template));
        try {
            Instant enrolledAt = Instant.now();
            Api.Reply enrolled = API.post(
                    "/api/v1/customers",
                    Api.terminal(store),
                    """
                    {"firstName": "Marco", "phone": "%s", "preferredChannel": "SMS", "enrolmentChannel": "STORE",
                     "storeId": "%s", "consents": {"marketingSms": true, "marketingEmail": false,
                     "marketingPush": false, "profiling": false}}"""
                            .formatted(Fixtures.uniquePhone(), store));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            String marco = enrolled.json().getString("customerId");

            String code = awaitCoupons(marco, 1).get(0).getString("code");
            JsonObject sms = awaitMessage(marco, "SENT");
            assertThat(sms.getString("channel")).isEqualTo("SMS");
            assertThat(Duration.between(enrolledAt, Instant.now())).isLessThan(Duration.ofMinutes(1));

            Api.Reply nextVisit = purchase(store, marco, "STORE", code);
            assertThat(nextVisit.status()).as(nextVisit.toString()).isEqualTo(201);
            assertThat(nextVisit.json().getJsonArray("couponsRedeemed").getString(0))
                    .isEqualTo(code);

            // a customer without SMS consent, same store: the rule judges and says why not
            String anna = enrolled(store, false);
            awaitEvaluations(rule, anna, 1);
            JsonObject why = API.get("/api/v1/rules/" + rule + "/explanation?customerId=" + anna, Api.admin())
                    .json();
            assertThat(why.getString("summary")).contains("did not fire").contains("MARKETING_SMS");
            assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE customer_id = '" + anna + "'"))
                    .isZero();
        } finally {
            archive(rule);
        }
    }

    @Test
    void threePurchasesInThirtyDaysEarnTheMissionPointsOnceEvenWhenTheThirdIsRetried() {
        String store = "MS-" + unique();
        Api.Reply defined = API.post(
                "/api/v1/missions",
                Api.admin(),
                """
                {"name": "Three visits", "goal": {"type": "PURCHASE_COUNT", "target": 3, "withinDays": 30},
                 "rewardPoints": 300, "repeatable": false}""");
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String mission = defined.json().getString("missionId");
        try {
            String customer = enrolled(store, true);
            assertThat(purchase(store, customer, "STORE", null).status()).isEqualTo(201);
            assertThat(purchase(store, customer, "STORE", null).status()).isEqualTo(201);
            String third = purchaseBody(store, customer, "STORE", null);
            String key = "third-" + unique();
            Api.Reply once = API.post("/api/v1/purchases", Api.terminal(store), third, key);
            Api.Reply retried = API.post("/api/v1/purchases", Api.terminal(store), third, key);
            assertThat(once.status()).as(once.toString()).isEqualTo(201);
            assertThat(retried.replayed()).isTrue();

            await(
                    "the mission completes",
                    () -> Api.count("SELECT COUNT(*) FROM mission_completion WHERE mission_id = '" + mission
                                    + "' AND customer_id = '" + customer + "'")
                            == 1);
            await(
                    "every event is reacted to",
                    () -> Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + customer
                                    + "' AND react_due_at IS NOT NULL")
                            == 0);
            assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + customer
                            + "' AND reference = 'mission:" + mission + "'"))
                    .isEqualTo(1);
            assertThat(Api.count("SELECT SUM(points) FROM wallet_entry WHERE customer_id = '" + customer
                            + "' AND reference = 'mission:" + mission + "'"))
                    .isEqualTo(300);

            JsonObject mine = API
                    .get("/api/v1/me/missions", Api.customer(customer))
                    .json()
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(m -> m.getString("missionId").equals(mission))
                    .findFirst()
                    .orElseThrow();
            assertThat(mine.getJsonObject("progress").getInt("completions")).isEqualTo(1);
            assertThat(mine.getJsonObject("progress").getBoolean("completed")).isTrue();

            Api.Reply timeline = API.get("/api/v1/customers/" + customer + "/timeline", Api.admin());
            assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
            assertThat(timeline.body())
                    .contains("MISSION_COMPLETED")
                    .contains("PURCHASE_RECORDED")
                    .contains("mission:");
        } finally {
            API.send("DELETE", "/api/v1/missions/" + mission, Api.admin(), null, null);
        }
    }

    @Test
    void aFriendsFirstPurchaseRewardsBothOnceAndAReEnrolledContactIsNoNewReferral() {
        String store = "RF-" + unique();
        String referrer = enrolled(store, false);
        Api.Reply mine = API.get("/api/v1/me/referral", Api.customer(referrer));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        String code = mine.json().getString("referralCode");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");
        String email = "friend." + unique() + "@example.com";
        Api.Reply friend = API.post(
                "/api/v1/customers",
                Api.terminal(store),
                """
                {"firstName": "Luca", "email": "%s", "preferredChannel": "EMAIL", "enrolmentChannel": "STORE",
                 "storeId": "%s", "consents": {}, "referralCode": "%s"}"""
                        .formatted(email, store, code.toLowerCase(java.util.Locale.ROOT)));
        assertThat(friend.status()).as(friend.toString()).isEqualTo(201);
        String luca = friend.json().getString("customerId");

        assertThat(purchase(store, luca, "STORE", null).status()).isEqualTo(201);
        assertThat(purchase(store, luca, "STORE", null).status()).isEqualTo(201);

        await(
                "the referral completes",
                () -> Api.count("SELECT COUNT(*) FROM referral WHERE referred_id = '" + luca
                                + "' AND status = 'COMPLETED'")
                        == 1);
        await(
                "every event is reacted to",
                () -> Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + luca
                                + "' AND react_due_at IS NOT NULL")
                        == 0);
        assertThat(Api.count("SELECT COALESCE(SUM(points), 0) FROM wallet_entry WHERE customer_id = '" + referrer
                        + "' AND reference = 'referral:" + luca + "'"))
                .isEqualTo(200);
        assertThat(Api.count("SELECT COALESCE(SUM(points), 0) FROM wallet_entry WHERE customer_id = '" + luca
                        + "' AND reference = 'referral:" + luca + "'"))
                .isEqualTo(100);

        // Luca erases himself and enrols again with the same e-mail and the same code: no second reward
        assertThat(API.send("DELETE", "/api/v1/customers/" + luca, Api.admin(), null, null)
                        .status())
                .isEqualTo(204);
        Api.Reply again = API.post(
                "/api/v1/customers",
                Api.terminal(store),
                """
                {"firstName": "Luca", "email": "%s", "preferredChannel": "EMAIL", "enrolmentChannel": "STORE",
                 "storeId": "%s", "consents": {}, "referralCode": "%s"}"""
                        .formatted(email, store, code));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        String lucaAgain = again.json().getString("customerId");
        assertThat(Api.count("SELECT COUNT(*) FROM referral WHERE referred_id = '" + lucaAgain
                        + "' AND status = 'REJECTED'"))
                .isEqualTo(1);
    }

    @Test
    void aMessageForTheTillIsPrintedOnceWithTheNextRealPurchaseInItsStoreAndShownNowhereElse() {
        String store = "PT-" + unique();
        String rule = rule(
                """
                {"name": "Printed welcome", "on": "CUSTOMER_ENROLLED", "conditions": {"storeIds": ["%s"]},
                 "actions": [{"type": "SEND_MESSAGE", "channel": "PRINT_AT_TILL", "transactional": true,
                              "template": "Benvenuta {firstName}! Da oggi accumuli punti."}]}"""
                        .formatted(store));
        try {
            String anna = enrolled(store, false);
            awaitMessage(anna, "SENT");
            String quote =
                    """
                    {"storeId": "%s", "customerId": "%s",
                     "lines": [{"sku": "SKU-1", "category": "grocery", "quantity": 1, "unitPrice": 1000}]}"""
                            .formatted(store, anna);

            // a lookup is no key: a quote shows nothing, a 0-cent receipt prints nothing, another store's
            // till prints nothing of this store's block
            Api.Reply quoted = API.post("/api/v1/checkouts/quote", Api.terminal(store), quote);
            Api.Reply forNothing = API.post(
                    "/api/v1/purchases",
                    Api.terminal(store),
                    Fixtures.purchase(
                            store,
                            "R-" + unique(),
                            anna,
                            "{\"sku\": \"SKU-1\", \"category\": \"grocery\", \"quantity\": 1, \"unitPrice\": 1000}",
                            0));
            String elsewhere = "PX-" + unique();
            Api.Reply inAnotherStore = API.post(
                    "/api/v1/purchases",
                    Api.terminal(elsewhere),
                    Fixtures.purchase(
                            elsewhere,
                            "R-" + unique(),
                            anna,
                            "{\"sku\": \"SKU-1\", \"category\": \"grocery\", \"quantity\": 1, \"unitPrice\": 1000}",
                            1000));
            Api.Reply bought = purchase(store, anna, "STORE", null);
            Api.Reply boughtAgain = purchase(store, anna, "STORE", null);

            assertThat(quoted.status()).as(quoted.toString()).isEqualTo(200);
            assertThat(quoted.body()).doesNotContain("Benvenuta").doesNotContain("\"print\"");
            assertThat(forNothing.status()).as(forNothing.toString()).isEqualTo(201);
            assertThat(forNothing.json().getJsonArray("print")).isEmpty();
            assertThat(inAnotherStore.status()).as(inAnotherStore.toString()).isEqualTo(201);
            assertThat(inAnotherStore.json().getJsonArray("print")).isEmpty();
            assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
            assertThat(bought.json().getJsonArray("print").getJsonObject(0).getString("text"))
                    .isEqualTo("Benvenuta Anna! Da oggi accumuli punti.");
            assertThat(boughtAgain.json().getJsonArray("print"))
                    .as("printed once")
                    .isEmpty();
            assertThat(Api.count(
                            "SELECT COUNT(*) FROM message WHERE customer_id = '" + anna + "' AND status = 'DELIVERED'"))
                    .isEqualTo(1);
        } finally {
            archive(rule);
        }
    }

    @Test
    void theAppPushesOnlyItsOwnCustomersEventsAndNeverTheServicesOwn() {
        String me = enrolled("AP-" + unique(), false);
        String other = enrolled("AP-" + unique(), false);

        Api.Reply own = API.post(
                "/api/v1/events",
                Api.customer(me),
                """
                {"eventId": "%s", "type": "APP_INSTALLED", "attributes": {"os": "android", "version": 12}}"""
                        .formatted("app-" + unique()));
        Api.Reply foreign = API.post(
                "/api/v1/events",
                Api.customer(me),
                """
                {"eventId": "%s", "customerId": "%s", "type": "APP_INSTALLED"}"""
                        .formatted("app-" + unique(), other));
        Api.Reply reserved = API.post(
                "/api/v1/events",
                Api.integration(),
                """
                {"eventId": "%s", "customerId": "%s", "type": "PURCHASE_RECORDED"}"""
                        .formatted("web-" + unique(), me));
        Api.Reply nested = API.post(
                "/api/v1/events",
                Api.integration(),
                """
                {"eventId": "%s", "customerId": "%s", "type": "EMAIL_OPENED", "attributes": {"a": {"b": 1}}}"""
                        .formatted("web-" + unique(), me));
        Api.Reply terminal = API.post(
                "/api/v1/events",
                Api.terminal("MI-001"),
                """
                {"eventId": "%s", "customerId": "%s", "type": "EMAIL_OPENED"}"""
                        .formatted("web-" + unique(), me));

        assertThat(own.status()).as(own.toString()).isEqualTo(202);
        assertThat(own.json().getString("customerId")).isEqualTo(me);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
        assertThat(reserved.isProblem("event-type-reserved"))
                .as(reserved.toString())
                .isTrue();
        assertThat(nested.isProblem("validation-failed")).as(nested.toString()).isTrue();
        assertThat(nested.body()).contains("attributes.a");
        assertThat(terminal.status()).isEqualTo(403);
    }

    @Test
    void aRuleWithATemplateThatDoesNotExistIsRefusedWhenSaved() {
        Api.Reply reply = API.post(
                "/api/v1/rules",
                Api.admin(),
                """
                {"name": "Typo", "on": "APP_INSTALLED",
                 "actions": [{"type": "ISSUE_COUPON", "templateId": "%s"}]}"""
                        .formatted(UUID.randomUUID()));
        Api.Reply badAction = API.post(
                "/api/v1/rules",
                Api.admin(),
                """
                {"name": "Typo", "on": "APP_INSTALLED", "actions": [{"type": "FIREWORKS"}]}""");

        assertThat(reply.isProblem("coupon-template-not-found"))
                .as(reply.toString())
                .isTrue();
        assertThat(badAction.isProblem("validation-failed"))
                .as(badAction.toString())
                .isTrue();
        assertThat(badAction.body()).contains("actions[0].type");
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String template(String json) {
        Api.Reply reply = API.post("/api/v1/coupon-templates", Api.admin(), json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("templateId");
    }

    static String rule(String json) {
        Api.Reply reply = API.post("/api/v1/rules", Api.admin(), json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("ruleId");
    }

    static void archive(String rule) {
        assertThat(API.send("DELETE", "/api/v1/rules/" + rule, Api.admin(), null, null)
                        .status())
                .isEqualTo(204);
    }

    static String enrol(String email, String store) {
        Api.Reply reply = API.post("/api/v1/customers", Api.terminal(store), Fixtures.enrolment(email, null, store));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("customerId");
    }

    static String enrolled(String store, boolean smsConsent) {
        Api.Reply reply = API.post(
                "/api/v1/customers",
                Api.terminal(store),
                """
                {"firstName": "Anna", "phone": "%s", "preferredChannel": "SMS", "enrolmentChannel": "STORE",
                 "storeId": "%s", "consents": {"marketingSms": %s}}"""
                        .formatted(Fixtures.uniquePhone(), store, smsConsent));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("customerId");
    }

    static String purchaseBody(String store, String customer, String channel, String code) {
        return """
                {"storeId": "%s", "receiptId": "R-%s", "occurredAt": "%s", "customerId": "%s", "channel": "%s",
                 "lines": [{"sku": "SKU-1", "category": "grocery", "quantity": 2, "unitPrice": 2500}],
                 "couponCodes": [%s], "totalPaid": 5000}"""
                .formatted(store, unique(), Instant.now(), customer, channel, code == null ? "" : '"' + code + '"');
    }

    static Api.Reply purchase(String store, String customer, String channel, String code) {
        String token = channel.equals("ONLINE") ? Api.integration() : Api.terminal(store);
        return API.post("/api/v1/purchases", token, purchaseBody(store, customer, channel, code));
    }

    static List<JsonObject> awaitCoupons(String customer, int count) {
        await(
                count + " coupon(s) for " + customer,
                () -> Api.count("SELECT COUNT(*) FROM coupon WHERE customer_id = '" + customer + "'") >= count);
        Api.Reply mine = API.get("/api/v1/me/coupons", Api.customer(customer));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        return mine.items();
    }

    /** Waits for the customer's one message to reach a status, and returns it as the console lists it. */
    static JsonObject awaitMessage(String customer, String status) {
        await(
                "a message " + status + " for " + customer,
                () -> Api.count("SELECT COUNT(*) FROM message WHERE customer_id = '" + customer + "' AND status = '"
                                + status + "'")
                        == 1);
        Api.Reply messages = API.get("/api/v1/customers/" + customer + "/messages", Api.admin());
        assertThat(messages.status()).as(messages.toString()).isEqualTo(200);
        List<JsonObject> items = messages.items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    static void awaitEvaluations(String rule, String customer, int count) {
        await(
                count + " evaluation(s) of " + rule,
                () -> Api.count("SELECT COUNT(*) FROM rule_evaluation WHERE rule_id = '" + rule
                                + "' AND customer_id = '" + customer + "'")
                        >= count);
    }

    /** Waits up to 30 s (reactions run every second) for a condition. */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
