package dev.loyalty.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A service killed (SIGKILL) after an event was committed and before any rule reacted to it: the
 * event waits in the database, and the next instance reacts to it exactly once.
 */
class ReactionsCrashIT {

    static final Path JAR = Path.of(System.getProperty("loyalty.it.jar"));

    @Test
    void anEventCommittedBeforeACrashFiresItsRuleOnceAfterTheRestart() throws Exception {
        Map<String, String> env = ServiceProcess.sharedDatabaseEnv();
        Path work = JAR.getParent().resolve("reactions-crash-it");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String customer;
        String rule;

        env.put("LOYALTY_REACTIONS_ENABLED", "false");
        try (ServiceProcess first = ServiceProcess.start(
                JAR, ServiceProcess.freePort(), work.resolve("first"), work.resolve("first.log"), env)) {
            first.awaitReady();
            Api api = first.api();
            customer = api.post(
                            "/api/v1/customers",
                            Api.terminal("CR-1"),
                            Fixtures.enrolment("crash." + marker + "@example.com", null, "CR-1"))
                    .json()
                    .getString("customerId");
            Api.Reply defined = api.post(
                    "/api/v1/rules",
                    Api.admin(),
                    """
                    {"name": "App bonus", "on": "APP_INSTALLED", "conditions": {"attributes": {"campaign": "%s"}},
                     "actions": [{"type": "AWARD_POINTS", "points": 250}]}"""
                            .formatted(marker));
            assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
            rule = defined.json().getString("ruleId");
            Api.Reply event = api.post(
                    "/api/v1/events",
                    Api.integration(),
                    """
                    {"eventId": "crash-%s", "customerId": "%s", "type": "APP_INSTALLED",
                     "attributes": {"campaign": "%s"}}"""
                            .formatted(marker, customer, marker));
            assertThat(event.status()).as(event.toString()).isEqualTo(202);
            assertThat(dueEvents(customer)).as("committed, not yet reacted to").isEqualTo(1);
            // SIGKILL: no shutdown hook, no chance to finish anything
        }

        env.put("LOYALTY_REACTIONS_ENABLED", "true");
        try (ServiceProcess second = ServiceProcess.start(
                JAR, ServiceProcess.freePort(), work.resolve("second"), work.resolve("second.log"), env)) {
            second.awaitReady();
            EngagementIT.await("the event is reacted to after the restart", () -> dueEvents(customer) == 0);
            Thread.sleep(2000); // a few more ticks: nothing fires again
            assertThat(Api.count("SELECT COUNT(*) FROM wallet_entry WHERE customer_id = '" + customer
                            + "' AND reference = 'rule:" + rule + "'"))
                    .isEqualTo(1);
            assertThat(Api.count("SELECT balance FROM wallet WHERE customer_id = '" + customer + "'"))
                    .isEqualTo(250);
            assertThat(Api.count("SELECT COUNT(*) FROM rule_evaluation WHERE rule_id = '" + rule + "'"))
                    .isEqualTo(1);
            second.api().send("DELETE", "/api/v1/rules/" + rule, Api.admin(), null, null);
        }
    }

    private static long dueEvents(String customer) {
        return Api.count("SELECT COUNT(*) FROM customer_event WHERE customer_id = '" + customer
                + "' AND type = 'APP_INSTALLED' AND react_due_at IS NOT NULL");
    }
}
