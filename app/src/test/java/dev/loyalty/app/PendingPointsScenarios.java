package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.WELCOME;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.race;
import static dev.loyalty.app.Fixtures.template;
import static dev.loyalty.app.Fixtures.theBooksBalance;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pending points (issue 18, item 2): an online order's points are pending - shown in the wallet, not
 * spendable - until the order is confirmed or its {@code postAt} comes, and are voided when it is
 * cancelled first; the statement shows the PENDING, POSTED and VOIDED steps; confirmation, cancellation
 * and the posting job racing for one order resolve it once. Run by {@code ServiceIT.PendingPoints}.
 */
abstract class PendingPointsScenarios {

    private static final String SHOP = "WEB-SHOP";

    /** An online order of 10 lasagne (6000 cents), with {@code postAt} when given. */
    static String order(String receipt, String customer, Instant postAt) {
        return """
                {"storeId": "%s", "receiptId": "%s", "occurredAt": "%s", "customerId": "%s", "channel": "ONLINE",
                 "lines": [{"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 10, "unitPrice": 600}],
                 "couponCodes": [], "totalPaid": 6000%s}"""
                .formatted(
                        SHOP,
                        receipt,
                        Instant.now().minusSeconds(5),
                        customer,
                        postAt == null ? "" : ", \"postAt\": \"" + postAt + "\"");
    }

    static JsonObject placed(String body) {
        Api.Reply reply = API.post("/api/v1/purchases", Api.integration(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static Api.Reply confirm(String purchaseId, String token) {
        return API.post("/api/v1/purchases/" + purchaseId + "/confirmation", token, "");
    }

    private static JsonObject wallet(String customer) {
        Api.Reply reply = API.get("/api/v1/me/wallet?size=100", Api.customer(customer));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> steps(JsonObject wallet, String purchaseId) {
        return wallet.getJsonArray("pendingEntries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("reference").equals("purchase:" + purchaseId))
                .map(e ->
                        e.getString("status") + " " + e.getJsonNumber("points").longValue())
                .toList();
    }

    private static long earnings(String customer, String purchaseId) {
        return Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + customer
                + "' AND type = 'EARN' AND reference = 'purchase:" + purchaseId + "'");
    }

    @Test
    void anOnlineOrdersPointsAreNotSpendableUntilItIsConfirmedAndPostOnce() {
        String customer = enrolled("pending." + unique() + "@example.com", null).getString("customerId");
        JsonObject order = placed(order("PO-" + unique(), customer, null));
        String id = order.getString("purchaseId");
        long points = order.getJsonNumber("pointsAwarded").longValue();
        assertThat(points).as(order.toString()).isPositive();
        assertThat(order.getJsonNumber("pointsPending").longValue()).isEqualTo(points);
        assertThat(order.getJsonNumber("walletBalance").longValue())
                .as("the pending points are not in the balance")
                .isZero();
        assertThat(Duration.between(Instant.now(), Instant.parse(order.getString("postAt")))
                        .toDays())
                .as("LOYALTY_PENDING_DAYS (14 in the tests' service): 14 days after the order")
                .isBetween(13L, 14L);
        String reward = API.post(
                        "/api/v1/rewards",
                        Api.admin(),
                        "{\"name\": \"Pending test\", \"pointsCost\": " + points + ", \"templateId\": \""
                                + template(WELCOME) + "\"}")
                .json()
                .getString("rewardId");

        JsonObject held = wallet(customer);
        Api.Reply tooEarly = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(customer), "");
        Api.Reply byTheCustomer = confirm(id, Api.customer(customer));
        Api.Reply confirmed = confirm(id, Api.integration());
        JsonObject posted = wallet(customer);
        Api.Reply again = confirm(id, Api.integration());
        Api.Reply claim = API.post("/api/v1/me/rewards/" + reward + "/claim", Api.customer(customer), "");

        assertThat(held.getJsonNumber("balance").longValue()).isZero();
        assertThat(held.getJsonNumber("pending").longValue()).isEqualTo(points);
        assertThat(steps(held, id)).containsExactly("PENDING " + points);
        assertThat(tooEarly.isProblem("insufficient-points"))
                .as("pending points are never spent: " + tooEarly)
                .isTrue();
        assertThat(byTheCustomer.status()).as(byTheCustomer.toString()).isEqualTo(403);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().getJsonNumber("pointsPosted").longValue()).isEqualTo(points);
        assertThat(confirmed.json().getJsonNumber("walletBalance").longValue()).isEqualTo(points);
        assertThat(posted.getJsonNumber("balance").longValue()).isEqualTo(points);
        assertThat(posted.getJsonNumber("pending").longValue()).isZero();
        assertThat(steps(posted, id)).containsExactly("POSTED " + points, "PENDING " + points);
        assertThat(again.isProblem("points-already-posted"))
                .as(again.toString())
                .isTrue();
        assertThat(claim.status()).as("posted points are spendable: " + claim).isEqualTo(201);
        assertThat(earnings(customer, id)).as("credited once").isEqualTo(1);
        theBooksBalance();
    }

    @Test
    void theStatementShowsPendingPostedAndVoidedAndACancelledOrderCannotBeConfirmed() throws Exception {
        String customer = enrolled("pending." + unique() + "@example.com", null).getString("customerId");
        JsonObject kept = placed(order("PK-" + unique(), customer, null));
        JsonObject returned = placed(order("PR-" + unique(), customer, null));
        JsonObject due = placed(order("PD-" + unique(), customer, Instant.now().plusSeconds(2)));
        long points = kept.getJsonNumber("pointsAwarded").longValue();

        Api.Reply partly = API.post(
                "/api/v1/purchases/" + returned.getString("purchaseId") + "/reversal",
                Api.integration(),
                "{\"lines\": [{\"lineNumber\": 1, \"quantity\": 5}], \"reason\": \"returned\"}");
        Api.Reply cancelled = API.post(
                "/api/v1/purchases/" + returned.getString("purchaseId") + "/reversal",
                Api.integration(),
                "{\"reason\": \"cancelled\"}");
        Thread.sleep(2_500);
        Api.Reply run = API.post("/api/v1/pending-points/postings", Api.admin(), "");
        Api.Reply runByATill = API.post("/api/v1/pending-points/postings", Api.terminal("MI-001"), "");
        Api.Reply confirmCancelled = confirm(returned.getString("purchaseId"), Api.integration());
        Api.Reply confirmPosted = confirm(due.getString("purchaseId"), Api.admin());
        Api.Reply storePurchase = API.post(
                "/api/v1/purchases",
                Api.terminal("MI-001"),
                Fixtures.purchase("MI-001", "PS-" + unique(), customer, Fixtures.TEN_LASAGNE, 6000));
        Api.Reply confirmStore = confirm(storePurchase.json().getString("purchaseId"), Api.terminal("MI-001"));
        JsonObject statement = wallet(customer);

        assertThat(partly.status()).as(partly.toString()).isEqualTo(200);
        assertThat(partly.json().getJsonNumber("pointsReversed").longValue())
                .as("nothing taken from the wallet: the points were pending - " + partly)
                .isZero();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(runByATill.status()).isEqualTo(403);
        assertThat(confirmCancelled.isProblem("purchase-cancelled"))
                .as(confirmCancelled.toString())
                .isTrue();
        assertThat(confirmPosted.isProblem("points-already-posted"))
                .as("the job posted it: " + confirmPosted)
                .isTrue();
        assertThat(confirmStore.isProblem("purchase-not-pending"))
                .as(confirmStore.toString())
                .isTrue();
        long store = storePurchase.json().getJsonNumber("pointsAwarded").longValue();
        assertThat(statement.getJsonNumber("pending").longValue()).isEqualTo(points);
        assertThat(statement.getJsonNumber("balance").longValue()).isEqualTo(points + store);
        assertThat(steps(statement, kept.getString("purchaseId"))).containsExactly("PENDING " + points);
        assertThat(steps(statement, due.getString("purchaseId")))
                .containsExactly("POSTED " + points, "PENDING " + points);
        List<String> voided = steps(statement, returned.getString("purchaseId"));
        assertThat(voided).hasSize(3).endsWith("PENDING " + points);
        assertThat(voided.get(0)).startsWith("VOIDED ");
        assertThat(voided.get(1)).startsWith("VOIDED ");
        assertThat(voided.stream()
                        .filter(s -> s.startsWith("VOIDED "))
                        .mapToLong(s -> Long.parseLong(s.substring(7)))
                        .sum())
                .as("the two voids took all that was pending")
                .isEqualTo(points);
        assertThat(earnings(customer, returned.getString("purchaseId"))).isZero();
        assertThat(earnings(customer, due.getString("purchaseId"))).isEqualTo(1);
        assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + customer
                        + "' AND type = 'REVERSE'"))
                .as("a cancellation while pending takes nothing from the wallet")
                .isZero();
        JsonObject export = API.get("/api/v1/customers/" + customer + "/export", Api.admin())
                .json();
        assertThat(export.getJsonObject("records").getJsonArray("pendingPoints"))
                .as("the GDPR export carries every step")
                .hasSize(statement.getInt("totalPendingEntries"));
        theBooksBalance();
    }

    @Test
    void theTillsLookupAndTheConsolesTimelineShowWhatIsPendingPostedAndVoided() {
        JsonObject enrolled = enrolled("pending.till." + unique() + "@example.com", null);
        String customer = enrolled.getString("customerId");
        JsonObject kept = placed(order("PK-" + unique(), customer, null));
        JsonObject confirmed = placed(order("PC-" + unique(), customer, null));
        JsonObject cancelled = placed(order("PX-" + unique(), customer, null));
        long points = kept.getJsonNumber("pointsAwarded").longValue();
        assertThat(confirm(confirmed.getString("purchaseId"), Api.integration()).status())
                .isEqualTo(200);
        assertThat(API.post(
                                "/api/v1/purchases/" + cancelled.getString("purchaseId") + "/reversal",
                                Api.integration(),
                                "{\"reason\": \"cancelled\"}")
                        .status())
                .isEqualTo(200);

        Api.Reply lookup =
                API.get("/api/v1/customers/lookup?card=" + enrolled.getString("cardNumber"), Api.terminal("MI-001"));
        Api.Reply timeline = API.get("/api/v1/customers/" + customer + "/timeline", Api.admin());

        assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
        assertThat(lookup.json().getJsonNumber("pending").longValue())
                .as("the kept order's points: pending, not spendable, not in the balance")
                .isEqualTo(points);
        assertThat(lookup.json().getJsonNumber("pointsBalance").longValue())
                .isEqualTo(wallet(customer).getJsonNumber("balance").longValue());
        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        List<String> steps = timeline.items().stream()
                .filter(item -> item.getString("kind").equals("PENDING_POINTS"))
                .map(item -> item.getString("type") + " " + item.getString("reference") + " "
                        + item.getJsonObject("details").getJsonNumber("points").longValue())
                .toList();
        assertThat(steps)
                .containsExactlyInAnyOrder(
                        "PENDING " + kept.getString("purchaseId") + " " + points,
                        "PENDING " + confirmed.getString("purchaseId") + " " + points,
                        "POSTED " + confirmed.getString("purchaseId") + " " + points,
                        "PENDING " + cancelled.getString("purchaseId") + " " + points,
                        "VOIDED " + cancelled.getString("purchaseId") + " " + points);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String customer = enrolled("pending." + unique() + "@example.com", null).getString("customerId");
        long purchases = Api.count("SELECT COUNT(*) FROM purchase");
        Api.Reply malformed = API.post(
                "/api/v1/purchases",
                Api.integration(),
                order("PB-" + unique(), customer, null)
                        .replace("\"totalPaid\"", "\"postAt\": \"tomorrow\", \"totalPaid\""));
        Api.Reply tooFar = API.post(
                "/api/v1/purchases",
                Api.integration(),
                order("PB-" + unique(), customer, Instant.now().plus(Duration.ofDays(91))));
        Api.Reply unknown = confirm(java.util.UUID.randomUUID().toString(), Api.integration());
        Api.Reply notAnId = confirm("not-a-purchase", Api.integration());
        Api.Reply tooLong = confirm("x".repeat(100), Api.integration());

        assertThat(malformed.isProblem("validation-failed"))
                .as(malformed.toString())
                .isTrue();
        assertThat(malformed.body()).contains("postAt");
        assertThat(tooFar.isProblem("validation-failed")).as(tooFar.toString()).isTrue();
        assertThat(tooFar.body()).contains("postAt");
        assertThat(unknown.isProblem("purchase-not-found"))
                .as(unknown.toString())
                .isTrue();
        assertThat(notAnId.isProblem("purchase-not-found"))
                .as(notAnId.toString())
                .isTrue();
        assertThat(tooLong.status()).as(tooLong.toString()).isBetween(400, 422);
        assertThat(tooLong.contentType()).contains("problem+json");
        assertThat(Api.count("SELECT COUNT(*) FROM purchase")).isEqualTo(purchases);
    }

    /**
     * For each of several due orders, four real threads at once: the shop confirms it, the shop cancels
     * it, and two posting runs (as two instances' jobs would) - against MariaDB. Each order's transfer
     * resolves once: POSTED (by the confirmation or a run, then the cancellation reverses it from the
     * wallet) or VOIDED, never both, never twice.
     */
    @Test
    void confirmationCancellationAndTwoPostingJobsRacingResolveEachOrderOnce() throws Exception {
        String customer = enrolled("pending." + unique() + "@example.com", null).getString("customerId");
        List<String> orders = new ArrayList<>();
        Instant postAt = Instant.now().plusSeconds(2);
        for (int i = 0; i < 6; i++) {
            orders.add(placed(order("PX-" + unique(), customer, postAt)).getString("purchaseId"));
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), postAt).toMillis()) + 500);
        List<Api.Reply> all = new ArrayList<>();
        for (String id : orders) {
            all.addAll(race(4, n -> switch (n) {
                case 0 -> confirm(id, Api.integration());
                case 1 -> API.post("/api/v1/purchases/" + id + "/reversal", Api.integration(), "{}");
                default -> API.post("/api/v1/pending-points/postings", Api.admin(), "");
            }));
        }

        assertThat(all).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
        for (String id : orders) {
            long posted = Api.count(
                    "SELECT COUNT(*) FROM pending_points_step WHERE purchase_id = '" + id + "' AND step = 'POSTED'");
            long voided = Api.count(
                    "SELECT COUNT(*) FROM pending_points_step WHERE purchase_id = '" + id + "' AND step = 'VOIDED'");
            assertThat(posted + voided).as("order " + id + " resolved once").isEqualTo(1);
            assertThat(earnings(customer, id)).as("credited as often as posted").isEqualTo(posted);
        }
        assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + customer + "'"))
                .as("every order was cancelled: voided, or posted then reversed")
                .isZero();
        assertThat(wallet(customer).getJsonNumber("pending").longValue()).isZero();
        theBooksBalance();
    }
}
