package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A campaign's evaluation and members over HTTP; run by {@code ServiceIT.Evaluation}: a calendar
 * campaign launched and run by the service, judged by what its members bought afterwards at the
 * till; and campaigns whose members and purchases are written with SQL as a run and an import
 * write them, for the JSON, the CSV, the pages and the refusals (the statistics are checked to 4
 * decimals by the domain's and the persistence adapter's tests).
 */
abstract class EvaluationScenarios {

    private static final Instant CONTACT =
            Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    /**
     * A campaign defined through the API (so that every other reader of campaigns, the list among
     * them, sees a valid definition), its members then written with SQL as a run writes them.
     */
    static String campaign(int attributionDays) {
        Api.Reply reply = API.post(
                "/api/v1/campaigns",
                Api.admin(),
                """
                {"name": "Spring %s", "type": "CALENDAR", "holdoutPercent": 40, "attributionDays": %d,
                 "audience": {"condition": {"attribute": "city", "eq": "Nowhere %s"}}, "offer": {"points": 10}}"""
                        .formatted(unique(), attributionDays, unique()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    static String member(String campaign, String group) {
        String customer =
                enrolled("evaluation." + unique() + "@example.com", null).getString("customerId");
        Api.execute("INSERT INTO campaign_member (campaign_id, customer_id, occasion, run_id, member_group, outcome,"
                + " contacted_at) VALUES ('" + campaign + "', '" + customer + "', 'run-1', '" + UUID.randomUUID()
                + "', '" + group + "', '" + (group.equals("CONTROL") ? "HELD_OUT" : "OFFERED") + "', '"
                + utc(CONTACT) + "')");
        return customer;
    }

    static void bought(String customer, int daysAfterContact, long cents) {
        String id = UUID.randomUUID().toString();
        Instant at = CONTACT.plus(daysAfterContact, ChronoUnit.DAYS);
        Api.execute("INSERT INTO purchase (id, store_id, receipt_id, channel, customer_id, occurred_at, recorded_at,"
                + " currency, total_paid, points_awarded, points_reversed, amount_reversed, reversals, version, source)"
                + " VALUES ('" + id + "', 'MI-001', 'EV-" + id + "', 'STORE', '" + customer + "', '" + utc(at)
                + "', NOW(6), 'EUR', " + cents + ", 0, 0, 0, 0, 1, 'IMPORT')");
        Api.execute("INSERT INTO purchase_line (purchase_id, line_number, sku, category, quantity, unit_price,"
                + " discount, earned_millionths, reversed_quantity) VALUES ('" + id + "', 1, 'RM-LASAGNA',"
                + " 'ready-meals', 1, " + cents + ", 0, 0, 0)");
    }

    static String utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString().replace('T', ' ');
    }

    @Test
    void theConsoleReadsTheEvaluationAsJsonAndCsvAndPagesThroughTheMembers() {
        String campaign = campaign(14);
        String t1 = member(campaign, "TREATMENT");
        String t2 = member(campaign, "TREATMENT");
        String t3 = member(campaign, "TREATMENT");
        String c1 = member(campaign, "CONTROL");
        String c2 = member(campaign, "CONTROL");
        bought(t1, 1, 1000);
        bought(t3, 13, 500);
        bought(t2, 15, 9999); // after the window
        bought(c1, 2, 200);
        bought(c2, -1, 9999); // before the contact

        Api.Reply reply = API.get("/api/v1/campaigns/" + campaign + "/evaluation", Api.admin());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject e = reply.json();
        assertThat(e.getString("campaignId")).isEqualTo(campaign);
        assertThat(e.getInt("attributionDays")).isEqualTo(14);
        JsonObject treatment = e.getJsonObject("treatment");
        JsonObject control = e.getJsonObject("control");
        assertThat(treatment.getJsonNumber("customers").longValue()).isEqualTo(3);
        assertThat(treatment.getJsonNumber("responders").longValue()).isEqualTo(2);
        assertThat(treatment.getJsonNumber("nonResponders").longValue()).isEqualTo(1);
        assertThat(treatment.getJsonNumber("conversionRate").doubleValue()).isEqualTo(0.6667);
        assertThat(treatment.getJsonNumber("revenue").longValue()).isEqualTo(1500);
        assertThat(treatment.getJsonNumber("revenuePerCustomer").doubleValue()).isEqualTo(500.0);
        assertThat(treatment.getJsonNumber("averageBasket").doubleValue()).isEqualTo(750.0);
        for (String field : List.of("contacted", "couponsIssued", "couponsRedeemed")) {
            assertThat(treatment.getJsonNumber(field).longValue()).as(field).isZero();
        }
        assertThat(control.getJsonNumber("customers").longValue()).isEqualTo(2);
        assertThat(control.getJsonNumber("conversionRate").doubleValue()).isEqualTo(0.5);
        assertThat(control.getJsonNumber("revenuePerCustomer").doubleValue()).isEqualTo(100.0);
        JsonObject conversion = e.getJsonObject("uplift").getJsonObject("conversion");
        assertThat(conversion.getJsonNumber("difference").doubleValue()).isEqualTo(0.1667);
        // Wald: 1/6 ± 1.959964·sqrt((2/3)(1/3)/3 + (1/2)(1/2)/2) = 0.1667 ± 0.8745
        assertThat(conversion.getJsonArray("ci95").getJsonNumber(0).doubleValue())
                .isEqualTo(-0.7078);
        assertThat(conversion.getJsonArray("ci95").getJsonNumber(1).doubleValue())
                .isEqualTo(1.0412);
        JsonObject revenue = e.getJsonObject("uplift").getJsonObject("revenuePerCustomer");
        assertThat(revenue.getJsonNumber("difference").doubleValue()).isEqualTo(400.0);
        assertThat(revenue.getJsonArray("ci95")).hasSize(2);
        assertThat(e.getJsonNumber("incrementalRevenue").longValue()).isEqualTo(1200);
        assertThat(e.getJsonNumber("cost").longValue()).isZero();
        assertThat(e.isNull("returnOnCost"))
                .as("no cost, no return: null, not NaN")
                .isTrue();
        assertThat(e.getBoolean("windowClosed")).isTrue();

        Api.Reply anything = API.getAccepting("/api/v1/campaigns/" + campaign + "/evaluation", Api.admin(), "*/*");
        Api.Reply asCsv = getCsv("/api/v1/campaigns/" + campaign + "/evaluation");
        assertThat(anything.contentType()).as("JSON unless CSV is asked for").startsWith("application/json");
        assertThat(asCsv.status()).as(asCsv.toString()).isEqualTo(200);
        assertThat(asCsv.contentType()).startsWith("text/csv");
        assertThat(asCsv.body().lines().toList())
                .startsWith("metric,treatment,control,difference,ci95_low,ci95_high", "customers,3,2,,,")
                .contains("conversionRate,0.6667,0.5,0.1667,-0.7078,1.0412", "incrementalRevenue,,,1200,,");

        List<String> pages = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String after = "";
        do {
            Api.Reply page = API.get(
                    "/api/v1/campaigns/" + campaign + "/members?limit=2" + (after.isEmpty() ? "" : "&after=" + after),
                    Api.admin());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.items().forEach(m -> seen.add(m.getString("customerId")));
            pages.add(page.body());
            after = page.json().isNull("next") ? "" : page.json().getString("next");
        } while (!after.isEmpty());
        assertThat(seen)
                .containsExactlyElementsOf(
                        List.of(t1, t2, t3, c1, c2).stream().sorted().toList());
        assertThat(pages).hasSize(3);
        List<JsonObject> quiet = API.get(
                        "/api/v1/campaigns/" + campaign + "/members?group=TREATMENT&responded=false", Api.admin())
                .items();
        assertThat(quiet).hasSize(1);
        assertThat(quiet.get(0).getString("customerId")).isEqualTo(t2);
        assertThat(quiet.get(0).getString("group")).isEqualTo("TREATMENT");
        assertThat(quiet.get(0).getBoolean("responded")).isFalse();
        assertThat(Instant.parse(quiet.get(0).getString("contactedAt"))).isEqualTo(CONTACT);
    }

    @Test
    void aCalendarRunIsJudgedByWhatItsMembersBoughtAfterwards() throws Exception {
        String templateId = Fixtures.template(Fixtures.WELCOME.replace("Newsletter welcome", "Judged " + unique()));
        String city = "Judged-" + unique();
        CampaignScenarios.customers(city, 16);
        String campaign = CampaignScenarios.launched(CampaignScenarios.calendar(city, 50, templateId, null));
        String runId = CampaignScenarios.started(campaign);
        assertThat(CampaignScenarios.finished(campaign, runId).getString("status"))
                .isEqualTo("COMPLETED");
        // the fixtures stamp a till's purchase 5 s before it is sent: let that be after the run's contact
        Thread.sleep(6_000);
        List<String> treated = new ArrayList<>();
        List<String> coupons = new ArrayList<>();
        List<String> held = new ArrayList<>();
        CampaignScenarios.members(campaign).forEach((key, row) -> {
            String customer = key.substring(0, key.indexOf('/'));
            if (row[0].equals("CONTROL")) {
                held.add(customer);
            } else {
                treated.add(customer);
                coupons.add(row[2]);
            }
        });
        assertThat(treated).as("a 50% holdout of 16 leaves both groups members").isNotEmpty();
        assertThat(held).isNotEmpty();
        int buyer = coupons.indexOf(
                coupons.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow());
        Api.Reply withCoupon = Fixtures.record(Fixtures.purchase(
                "MI-001", "R-" + unique(), treated.get(buyer), Fixtures.TEN_LASAGNE, 5500, coupons.get(buyer)));
        assertThat(withCoupon.status()).as(withCoupon.toString()).isEqualTo(201);
        Api.Reply without =
                Fixtures.record(Fixtures.purchase("MI-001", "R-" + unique(), held.get(0), Fixtures.TEN_LASAGNE, 6000));
        assertThat(without.status()).as(without.toString()).isEqualTo(201);

        JsonObject e = API.get("/api/v1/campaigns/" + campaign + "/evaluation", Api.admin())
                .json();

        int nt = treated.size();
        int nc = held.size();
        assertThat(e.getJsonNumber("targeted").longValue()).isEqualTo(16);
        JsonObject treatment = e.getJsonObject("treatment");
        assertThat(treatment.getJsonNumber("customers").longValue()).isEqualTo(nt);
        assertThat(treatment.getJsonNumber("responders").longValue()).isEqualTo(1);
        assertThat(treatment.getJsonNumber("revenue").longValue()).isEqualTo(5500);
        assertThat(treatment.getJsonNumber("couponsIssued").longValue())
                .isEqualTo(coupons.stream().filter(java.util.Objects::nonNull).count());
        assertThat(treatment.getJsonNumber("couponsRedeemed").longValue()).isEqualTo(1);
        JsonObject control = e.getJsonObject("control");
        assertThat(control.getJsonNumber("customers").longValue()).isEqualTo(nc);
        assertThat(control.getJsonNumber("responders").longValue()).isEqualTo(1);
        assertThat(control.getJsonNumber("revenue").longValue()).isEqualTo(6000);
        assertThat(control.getJsonNumber("couponsIssued").longValue()).isZero();
        assertThat(e.getJsonObject("uplift")
                        .getJsonObject("conversion")
                        .getJsonNumber("difference")
                        .doubleValue())
                .isEqualTo(Math.round((1.0 / nt - 1.0 / nc) * 10_000) / 10_000.0);
        assertThat(e.getJsonNumber("incrementalRevenue").longValue()).isEqualTo(Math.round(5500 - 6000.0 * nt / nc));
        assertThat(e.getJsonObject("costBreakdown").getJsonNumber("discounts").longValue())
                .as("the coupon's 5 EUR")
                .isEqualTo(500);
        assertThat(e.getJsonNumber("cost").longValue()).isEqualTo(500);
        assertThat(e.getBoolean("windowClosed")).as("14 days from now").isFalse();
        assertThat(API.get("/api/v1/campaigns/" + campaign + "/members?responded=true", Api.admin())
                        .items())
                .extracting(m -> m.getString("customerId"))
                .containsExactlyInAnyOrder(treated.get(buyer), held.get(0));
    }

    @Test
    void withoutAControlGroupTheUpliftsAreNull() {
        String campaign = campaign(7);
        bought(member(campaign, "TREATMENT"), 1, 700);

        JsonObject e = API.get("/api/v1/campaigns/" + campaign + "/evaluation", Api.admin())
                .json();

        assertThat(e.getJsonObject("uplift").isNull("conversion")).isTrue();
        assertThat(e.getJsonObject("uplift").isNull("revenuePerCustomer")).isTrue();
        assertThat(e.isNull("incrementalRevenue")).isTrue();
        assertThat(e.getJsonObject("control").getJsonNumber("customers").longValue())
                .isZero();
        assertThat(e.getJsonObject("control").isNull("conversionRate")).isTrue();
        assertThat(e.getJsonObject("treatment").getJsonNumber("conversionRate").doubleValue())
                .isEqualTo(1.0);
    }

    @Test
    void onlyAnAdministratorReadsAnEvaluationOrItsMembers() {
        String campaign = campaign(14);
        for (String path : List.of("/evaluation", "/members")) {
            Api.Reply terminal = API.get("/api/v1/campaigns/" + campaign + path, Api.terminal("MI-001"));
            Api.Reply customer = API.get(
                    "/api/v1/campaigns/" + campaign + path,
                    Api.customer(UUID.randomUUID().toString()));
            assertThat(terminal.isProblem("forbidden")).as(terminal.toString()).isTrue();
            assertThat(terminal.status()).isEqualTo(403);
            assertThat(customer.status()).as(customer.toString()).isEqualTo(403);
        }
    }

    @Test
    void anUnknownCampaignIsNotFoundAndBadParametersAreRefused() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-campaign")) {
            for (String path : List.of("/evaluation", "/members")) {
                Api.Reply reply = API.get("/api/v1/campaigns/" + id + path, Api.admin());
                assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
                assertThat(reply.isProblem("campaign-not-found"))
                        .as(reply.toString())
                        .isTrue();
            }
        }
        Api.Reply csvOfNothing = getCsv("/api/v1/campaigns/" + UUID.randomUUID() + "/evaluation");
        assertThat(csvOfNothing.status()).as(csvOfNothing.toString()).isEqualTo(404);

        String campaign = campaign(14);
        for (String query : List.of(
                "group=BOTH",
                "responded=maybe",
                "limit=0",
                "limit=1001",
                "limit=ten",
                "after=%25%25",
                "after=bm90LWEtY3Vyc29y")) {
            Api.Reply reply = API.get("/api/v1/campaigns/" + campaign + "/members?" + query, Api.admin());
            assertThat(reply.status()).as(query + " " + reply).isEqualTo(422);
            assertThat(reply.isProblem("validation-failed"))
                    .as(reply.toString())
                    .isTrue();
        }
    }

    private static Api.Reply getCsv(String path) {
        return API.getAccepting(path, Api.admin(), "text/csv");
    }
}
