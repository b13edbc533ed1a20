package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.application.campaign.CampaignRunner;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A calendar run (set-based: chunks of {@link CampaignRunner#PAGE} targets here, its coupons and
 * messages judged per chunk, in two lanes over the two halves of the audience) killed with SIGKILL
 * half-way and its service restarted: the chunks committed before the crash stay, the chunk in flight
 * rolls back, the next instance takes the lane over once its lease has expired, and every target ends
 * with exactly one member row and - in the treatment group - exactly one coupon and one message. To
 * stop the run at a known place whatever its speed, the test holds a row lock on a customer of the
 * second lane (its member row cannot be written): the first lane runs to its end, the second lane's
 * chunks before that customer commit, the one with it waits, and the service is killed while it waits.
 */
class CampaignCrashIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));

    /** How long a service may take to start here: several builds share two cores. */
    static final Duration START = Duration.ofMinutes(8);

    /** Two and a half pages: the first commits, the second waits on the lock, the third never starts. */
    static final int TARGETS = CampaignRunner.PAGE * 5 / 2;

    @Test
    void aCalendarRunKilledHalfWayGoesOnAfterTheRestartAndOffersEveryTargetExactlyOnce() throws Exception {
        Map<String, String> env = ServiceProcess.sharedDatabaseEnv();
        // the run goes set-based (a calendar run over an audience): chunks of a page's size, so that
        // the first commits, the second waits on the lock and the third never starts
        env.put("LOYALTY_CAMPAIGNS_CHUNK_SIZE", Integer.toString(CampaignRunner.PAGE));
        env.put("LOYALTY_CAMPAIGN_RUN_LANES", "2");
        Path work = JAR.getParent().resolve("campaign-crash-it");
        String city = "Crash-" + UUID.randomUUID().toString().substring(0, 8);
        String campaign;
        String runId;
        String templateId;
        List<String> customers;
        long committed;

        try (ServiceProcess first = ServiceProcess.start(
                JAR, ServiceProcess.freePort(), work.resolve("first"), work.resolve("first.log"), env)) {
            first.awaitReady(CampaignCrashIT.START);
            Api api = first.api();
            templateId = template(api, "Crash " + city);
            customers = enrolled(api, city, TARGETS);
            // the lanes: the audience's first half in key order, and the second
            List<String> sorted = customers.stream().sorted().toList();
            List<String> second = sorted.subList(TARGETS / 2, TARGETS);
            // the second lane's first chunk commits when it has more than a chunk, its next waits
            String blocker = second.get(Math.min(CampaignRunner.PAGE, second.size() - 1));
            committed = TARGETS - second.size() + (second.size() > CampaignRunner.PAGE ? CampaignRunner.PAGE : 0);

            try (Connection lock = SegmentScenarios.db()) {
                lock.setAutoCommit(false);
                try (PreparedStatement select =
                        lock.prepareStatement("SELECT id FROM customer WHERE id = ? FOR UPDATE")) {
                    select.setString(1, blocker);
                    select.executeQuery().close();
                }
                // the timer starts the slot (it ticks every 10 s), as it starts any calendar run
                campaign =
                        launched(api, calendar(city, templateId, Instant.now().plusSeconds(2)));
                await("the timer starts the scheduled run", Duration.ofSeconds(120), () -> runs(campaign) == 1);
                runId = Api.one("SELECT id FROM campaign_run WHERE campaign_id = '" + campaign + "'");
                await(
                        "the first lane and the second's chunks before the lock commit",
                        Duration.ofSeconds(300),
                        () -> progress(api, campaign, runId)
                                        .getJsonNumber("processed")
                                        .longValue()
                                >= committed);
                Thread.sleep(1500); // the second lane now waits on the lock: nothing more commits
                JsonObject before = progress(api, campaign, runId);
                assertThat(before.getString("status")).isEqualTo("RUNNING");
                assertThat(before.getJsonNumber("processed").longValue()).isEqualTo(committed);
                assertThat(Api.count("SELECT COUNT(*) FROM campaign_run_lane WHERE run_id = '" + runId + "' AND done"))
                        .as("the first lane is done, the second is not")
                        .isEqualTo(1);
                assertThat(before.getJsonNumber("total").longValue()).isEqualTo(TARGETS);
                first.kill();
                lock.rollback();
            }
        }
        assertThat(members(campaign)).as("the chunk in flight rolled back").isEqualTo(committed);
        assertThat(Api.one("SELECT status FROM campaign_run WHERE id = '" + runId + "'"))
                .isEqualTo("RUNNING");

        try (ServiceProcess second = ServiceProcess.start(
                JAR, ServiceProcess.freePort(), work.resolve("second"), work.resolve("second.log"), env)) {
            second.awaitReady(CampaignCrashIT.START);
            Api api = second.api();
            // the dead runner's lane lease lasts a minute; the second instance's timer takes the lane over then
            await("the run completes after the restart", Duration.ofSeconds(400), () -> !"RUNNING"
                    .equals(progress(api, campaign, runId).getString("status")));
            JsonObject run = progress(api, campaign, runId);
            assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
            assertThat(run.getJsonNumber("processed").longValue()).isEqualTo(TARGETS);
            long heldOut = run.getJsonNumber("heldOut").longValue();
            long treatment = TARGETS - heldOut;
            assertThat(heldOut).as("a 10% holdout").isBetween(1L, TARGETS / 4L);
            assertThat(run.getJsonNumber("offered").longValue()).isEqualTo(treatment);

            assertThat(members(campaign)).isEqualTo(TARGETS);
            assertThat(Api.count("SELECT COUNT(DISTINCT customer_id) FROM campaign_member WHERE campaign_id = '"
                            + campaign + "' AND customer_id IN (" + quoted(customers) + ")"))
                    .as("every target is a member once")
                    .isEqualTo(TARGETS);
            assertThat(Api.count("SELECT COUNT(*) FROM campaign_member WHERE campaign_id = '" + campaign
                            + "' AND member_group = 'TREATMENT' AND outcome = 'OFFERED' AND coupon_code IS NOT NULL"
                            + " AND message_id IS NOT NULL"))
                    .isEqualTo(treatment);
            assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId + "'"))
                    .as("one coupon per treatment member, none left over from the page that rolled back")
                    .isEqualTo(treatment);
            assertThat(Api.count("SELECT COUNT(*) FROM (SELECT customer_id FROM coupon WHERE template_id = '"
                            + templateId + "' GROUP BY customer_id HAVING COUNT(*) <> 1) twice"))
                    .isZero();
            assertThat(Api.count("SELECT COUNT(*) FROM coupon c JOIN campaign_member m ON m.coupon_code = c.code"
                            + " AND m.customer_id = c.customer_id WHERE m.campaign_id = '" + campaign + "'"))
                    .as("each member's coupon is theirs")
                    .isEqualTo(treatment);
            assertThat(Api.count("SELECT COUNT(*) FROM message WHERE cause LIKE 'campaign:" + campaign + ":%'"))
                    .as("one message per treatment member")
                    .isEqualTo(treatment);
            assertThat(Api.count("SELECT COUNT(DISTINCT customer_id) FROM message WHERE cause LIKE 'campaign:"
                            + campaign + ":%'"))
                    .isEqualTo(treatment);
            assertThat(Api.count("SELECT COUNT(*) FROM campaign_member m WHERE m.campaign_id = '" + campaign
                            + "' AND m.member_group = 'CONTROL' AND (m.coupon_code IS NOT NULL OR EXISTS (SELECT 1"
                            + " FROM coupon c WHERE c.template_id = '" + templateId
                            + "' AND c.customer_id = m.customer_id))"))
                    .as("the control group got nothing")
                    .isZero();
            assertThat(Api.count("SELECT coupons_issued FROM campaign WHERE id = '" + campaign + "'"))
                    .isEqualTo(treatment);
            second.stop();
        }
    }

    static String calendar(String city, String templateId, Instant at) {
        return """
                {"name": "Crash %s", "type": "CALENDAR", "holdoutPercent": 10,
                 "audience": {"condition": {"attribute": "city", "eq": "%s"}},
                 "offer": {"templateId": "%s"}, "schedule": {"at": "%s"},
                 "message": {"channel": "EMAIL", "template": "Hello {firstName}: {couponCode}"}}"""
                .formatted(city, city, templateId, at);
    }

    static String template(Api api, String name) {
        Api.Reply created = api.post(
                "/api/v1/coupon-templates",
                Api.admin(),
                """
                {"name": "%s", "discount": {"type": "AMOUNT_OFF", "value": 500}, "minSpend": 2000,
                 "channels": ["STORE"], "validDays": 30}"""
                        .formatted(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("templateId");
    }

    static String launched(Api api, String definition) {
        Api.Reply defined = api.post("/api/v1/campaigns", Api.admin(), definition);
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String id = defined.json().getString("id");
        Api.Reply launch = api.post("/api/v1/campaigns/" + id + "/launch", Api.admin(), "");
        assertThat(launch.status()).as(launch.toString()).isEqualTo(200);
        return id;
    }

    /**
     * Enrols customers reachable by e-mail (with consent), four at a time, and puts them in {@code
     * city} (the audience's condition).
     */
    static List<String> enrolled(Api api, String city, int count) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int from = 0; from < count; from += 4) {
            int batch = Math.min(4, count - from);
            ids.addAll(Fixtures.race(batch, n -> {
                Api.Reply reply = api.post(
                        "/api/v1/customers",
                        Api.admin(),
                        """
                        {"firstName": "Ada", "email": "%s@example.com", "preferredChannel": "EMAIL",
                         "consents": {"marketingEmail": true}, "enrolmentChannel": "WEB"}"""
                                .formatted(UUID.randomUUID()));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                return reply.json().getString("customerId");
            }));
        }
        Api.execute("UPDATE customer SET city = '" + city + "' WHERE id IN (" + quoted(ids) + ")");
        return ids;
    }

    static JsonObject progress(Api api, String campaign, String runId) {
        Api.Reply reply = api.get("/api/v1/campaigns/" + campaign + "/runs/" + runId, Api.admin());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static long runs(String campaign) {
        return Api.count("SELECT COUNT(*) FROM campaign_run WHERE campaign_id = '" + campaign + "'");
    }

    static long members(String campaign) {
        return Api.count("SELECT COUNT(*) FROM campaign_member WHERE campaign_id = '" + campaign + "'");
    }

    static String quoted(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }

    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }
}
