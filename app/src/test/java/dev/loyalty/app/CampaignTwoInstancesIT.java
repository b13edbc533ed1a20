package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one MariaDB, both timers ticking: a scheduled campaign slot becomes one
 * run (not one per instance), and its {@code maxCoupons} budget is held exactly; "run now" pressed on
 * both instances at once starts runs that race page against page in two JVMs, and still not one
 * coupon goes over the budget.
 */
class CampaignTwoInstancesIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));

    static final int TARGETS = 60;

    static final int BUDGET = 25;

    @Test
    void twoInstancesStartAScheduledSlotOnceAndHoldTheBudgetExactly() throws Exception {
        Map<String, String> sharedDatabase = ServiceProcess.sharedDatabaseEnv();
        Path work = JAR.getParent().resolve("campaign-two-instances-it");
        try (ServiceProcess a = ServiceProcess.start(
                        JAR, ServiceProcess.freePort(), work.resolve("a"), work.resolve("a.log"), sharedDatabase);
                ServiceProcess b = ServiceProcess.start(
                        JAR, ServiceProcess.freePort(), work.resolve("b"), work.resolve("b.log"), sharedDatabase)) {
            a.awaitReady(CampaignCrashIT.START);
            b.awaitReady(CampaignCrashIT.START);
            String city = "Two-" + UUID.randomUUID().toString().substring(0, 8);
            String templateId = CampaignCrashIT.template(a.api(), "Two " + city);
            CampaignCrashIT.enrolled(b.api(), city, TARGETS);

            // a slot both timers see due: one run, one pass over the audience, the budget held
            Instant slot = Instant.now().plusSeconds(3);
            String scheduled = CampaignCrashIT.launched(a.api(), definition(city, templateId, slot));
            CampaignCrashIT.await(
                    "the slot's run completes",
                    Duration.ofSeconds(120),
                    () -> Api.count("SELECT COUNT(*) FROM campaign_run WHERE campaign_id = '" + scheduled
                                    + "' AND status = 'COMPLETED'")
                            == 1);
            Thread.sleep(12_000); // more than a tick of both timers: no second run of the slot
            assertThat(CampaignCrashIT.runs(scheduled))
                    .as("one run for the slot")
                    .isEqualTo(1);
            String runId = Api.one("SELECT id FROM campaign_run WHERE campaign_id = '" + scheduled + "'");
            JsonObject run = CampaignCrashIT.progress(b.api(), scheduled, runId);
            assertThat(run.getJsonNumber("processed").longValue()).isEqualTo(TARGETS);
            assertThat(run.getJsonNumber("overBudget").longValue()).isEqualTo(TARGETS - BUDGET);
            assertThat(CampaignCrashIT.members(scheduled)).isEqualTo(TARGETS);
            assertCouponsHeldTo(scheduled, templateId);

            // "run now" on both instances at once, twice each: four runs race across two JVMs
            String templateAgain = CampaignCrashIT.template(b.api(), "Two again " + city);
            String raced = CampaignCrashIT.launched(b.api(), definition(city, templateAgain, null));
            List<String> runs = Fixtures.race(4, n -> {
                Api.Reply started =
                        (n % 2 == 0 ? a : b).api().post("/api/v1/campaigns/" + raced + "/runs", Api.admin(), "");
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                return started.json().getString("runId");
            });
            long overBudget = 0;
            for (String id : runs) {
                CampaignCrashIT.await("run " + id + " ends", Duration.ofSeconds(120), () -> !"RUNNING"
                        .equals(CampaignCrashIT.progress(a.api(), raced, id).getString("status")));
                JsonObject done = CampaignCrashIT.progress(a.api(), raced, id);
                assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
                assertThat(done.getJsonNumber("processed").longValue()).isEqualTo(TARGETS);
                overBudget += done.getJsonNumber("overBudget").longValue();
            }
            assertThat(overBudget).isEqualTo(4L * TARGETS - BUDGET);
            assertCouponsHeldTo(raced, templateAgain);
            Fixtures.theBooksBalance();
            a.stop();
            b.stop();
        }
    }

    private static void assertCouponsHeldTo(String campaign, String templateId) {
        assertThat(Api.count("SELECT COUNT(*) FROM coupon WHERE template_id = '" + templateId + "'"))
                .as("coupons issued: exactly the budget")
                .isEqualTo(BUDGET);
        assertThat(Api.count("SELECT coupons_issued FROM campaign WHERE id = '" + campaign + "'"))
                .isEqualTo(BUDGET);
        assertThat(Api.count("SELECT COUNT(*) FROM campaign_member WHERE campaign_id = '" + campaign
                        + "' AND coupon_code IS NOT NULL"))
                .isEqualTo(BUDGET);
    }

    private static String definition(String city, String templateId, Instant at) {
        return """
                {"name": "Two %s", "type": "CALENDAR", "holdoutPercent": 0,
                 "audience": {"condition": {"attribute": "city", "eq": "%s"}},
                 "offer": {"templateId": "%s"}, "budget": {"maxCoupons": %d}%s}"""
                .formatted(
                        city, city, templateId, BUDGET, at == null ? "" : ", \"schedule\": {\"at\": \"" + at + "\"}");
    }
}
