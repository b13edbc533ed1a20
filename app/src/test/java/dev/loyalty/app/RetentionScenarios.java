package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.TEN_LASAGNE;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.purchase;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The retention purge (issue 17, item 10): what is past its period goes, what is recent and what
 * the books count stays; run by {@code ServiceIT.Retention}. Rows are aged in the database (the API
 * records the present only).
 */
abstract class RetentionScenarios {

    private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void thePurgeRemovesWhatIsPastItsPeriodAndKeepsTheLedger() throws Exception {
        String marco =
                enrolled("ret." + unique() + "@example.com", uniquePhone()).getString("customerId");
        Api.Reply paid = API.post(
                "/api/v1/purchases",
                Api.terminal("MI-001"),
                purchase("MI-001", "R-" + unique(), marco, TEN_LASAGNE, 6000));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String old = "old-" + unique();
        String recent = "new-" + unique();
        String prospect = "pr-" + unique();
        for (String[] event : new String[][] {{old, marco}, {recent, marco}}) {
            Api.Reply posted = API.post(
                    "/api/v1/events",
                    Api.integration(),
                    "{\"eventId\": \"%s\", \"customerId\": \"%s\", \"type\": \"EMAIL_OPENED\"}"
                            .formatted(event[0], event[1]));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
        }
        Api.Reply fromAProspect = API.post(
                "/api/v1/events",
                Api.integration(),
                "{\"eventId\": \"%s\", \"email\": \"nobody.%s@example.com\", \"type\": \"NEWSLETTER_SUBSCRIBED\"}"
                        .formatted(prospect, unique()));
        assertThat(fromAProspect.status()).as(fromAProspect.toString()).isEqualTo(202);
        await(
                "the events are reacted to",
                () -> Api.count("SELECT COUNT(*) FROM customer_event WHERE event_id IN ('" + old + "', '" + recent
                                + "') AND react_due_at IS NULL")
                        == 2);
        Api.execute("UPDATE customer_event SET occurred_at = UTC_TIMESTAMP(6) - INTERVAL 800 DAY,"
                + " received_at = UTC_TIMESTAMP(6) - INTERVAL 800 DAY WHERE event_id IN ('" + old + "', '" + prospect
                + "')");
        long balance = API.get("/api/v1/customers/" + marco, Api.admin())
                .json()
                .getJsonNumber("pointsBalance")
                .longValue();

        Api.Reply byATill = API.send(
                "POST", "/api/v1/data-retention/purges", Api.terminal("MI-001"), "application/json", "{not json");
        assertThat(byATill.status()).as(byATill.toString()).isEqualTo(403);
        assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE event_id = '" + old + "'"))
                .isEqualTo(1);

        Api.Reply purged = API.send("POST", "/api/v1/data-retention/purges", Api.admin(), null, null);

        assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
        assertThat(purged.json().getInt("events")).isGreaterThanOrEqualTo(1);
        assertThat(purged.json().getInt("prospectEvents")).isGreaterThanOrEqualTo(1);
        assertThat(Api.count(
                        "SELECT COUNT(*) FROM customer_event WHERE event_id IN ('" + old + "', '" + prospect + "')"))
                .isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM customer_event WHERE event_id = '" + recent + "'"))
                .isEqualTo(1);
        assertThat(API.get("/api/v1/customers/" + marco, Api.admin())
                        .json()
                        .getJsonNumber("pointsBalance")
                        .longValue())
                .isEqualTo(balance);
        Fixtures.theBooksBalance();
    }
}
