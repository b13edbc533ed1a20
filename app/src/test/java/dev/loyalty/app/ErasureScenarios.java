package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An erasure leaves the customer's name, e-mail, phone and birth date nowhere: every text column of
 * every table is searched for them afterwards (issue 17, item 10); run by {@code ServiceIT.Erasure}.
 */
abstract class ErasureScenarios {

    private static final Random RANDOM = new Random();

    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return out.toString();
    }

    @Test
    void anErasureLeavesTheNameContactsAndBirthDateInNoTableAndTheCardStopsWorking() throws Exception {
        String first = "Elena" + letters(7);
        String last = "Bianchi" + letters(7);
        String email = "erase." + unique() + "@example.com";
        String phone = uniquePhone();
        String birth = String.format(
                "19%02d-%02d-%02d", 30 + RANDOM.nextInt(60), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
        // before she enrols, the website tells of her subscription (a prospect's event, her e-mail kept)
        Api.Reply prospect = API.post(
                "/api/v1/events",
                Api.integration(),
                "{\"eventId\": \"nl-%s\", \"email\": \"%s\", \"type\": \"NEWSLETTER_SUBSCRIBED\", \"attributes\": {\"form\": \"%s %s %s\"}}"
                        .formatted(unique(), email, first, last, phone));
        assertThat(prospect.status()).as(prospect.toString()).isEqualTo(202);
        // enrolled at a till with an idempotency key: the stored response holds her profile
        Api.Reply enrolled = API.post(
                "/api/v1/customers",
                Api.terminal("MI-001"),
                """
                {"firstName": "%s", "lastName": "%s", "email": "%s", "phone": "%s", "birthDate": "%s",
                 "preferredChannel": "SMS",
                 "consents": {"marketingEmail": true, "marketingSms": true, "marketingPush": false, "profiling": true},
                 "enrolmentChannel": "STORE", "storeId": "MI-001"}"""
                        .formatted(first, last, email, phone, birth),
                "enrol-" + unique());
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String elena = enrolled.json().getString("customerId");
        String card = enrolled.json().getString("cardNumber");
        // her own words in an event, a message with her name, a staff call with a note naming her
        Api.Reply event = API.post(
                "/api/v1/events",
                Api.integration(),
                "{\"eventId\": \"pc-%s\", \"customerId\": \"%s\", \"type\": \"PROFILE_COMPLETED\", \"attributes\": {\"who\": \"%s %s\", \"mail\": \"%s\", \"born\": \"%s\"}}"
                        .formatted(unique(), elena, first, last, email, birth));
        assertThat(event.status()).as(event.toString()).isEqualTo(202);
        Api.Reply message = API.post(
                "/api/v1/customers/" + elena + "/messages",
                Api.admin(),
                "{\"template\": \"{firstName}, la crema per %s?\", \"channel\": \"STAFF_CALL\", \"transactional\": true}"
                        .formatted(last));
        assertThat(message.status()).as(message.toString()).isEqualTo(201);
        String call = message.json().getString("messageId");
        awaitNotQueued(elena);
        Api.Reply called = API.post(
                "/api/v1/stores/MI-001/call-list/" + call + "/called",
                Api.terminal("MI-001"),
                "{\"note\": \"%s %s richiamata al %s\"}".formatted(first, last, phone));
        assertThat(called.status()).as(called.toString()).isEqualTo(204);
        // she changes her phone in the app and has not confirmed it yet: the phone verified before waits
        String newPhone = uniquePhone();
        Api.Reply changed = API.patch("/api/v1/me", Api.customer(elena), "{\"phone\": \"" + newPhone + "\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(Api.count("SELECT COUNT(*) FROM contact_verification WHERE customer_id = '" + elena + "'"))
                .isEqualTo(1);
        List<String> before = tracesOf(List.of(first, last, email, phone, birth, newPhone));
        assertThat(before).as("the scan finds what is there").isNotEmpty();

        Api.Reply erased = API.send("DELETE", "/api/v1/customers/" + elena, Api.admin(), null, null);

        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(tracesOf(List.of(first, last, email, phone, birth, newPhone)))
                .isEmpty();
        String store = "ER-" + unique();
        String till = Api.terminal(store);
        Api.Reply byCard = API.get("/api/v1/customers/lookup?card=" + card, till);
        assertThat(byCard.status()).as("the card identifies nobody: " + byCard).isEqualTo(404);
        Api.Reply quote = API.post(
                "/api/v1/checkouts/quote",
                till,
                "{\"storeId\": \"%s\", \"cardNumber\": \"%s\", \"lines\": [%s], \"couponCodes\": []}"
                        .formatted(store, card, Fixtures.TEN_LASAGNE));
        assertThat(quote.status()).as(quote.toString()).isBetween(400, 499);
        Fixtures.theBooksBalance();
    }

    private static void awaitNotQueued(String customer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply reply = API.get("/api/v1/customers/" + customer + "/messages", Api.admin());
            JsonArray messages = jakarta.json.Json.createReader(new java.io.StringReader(reply.body()))
                    .readArray();
            if (messages.stream()
                    .noneMatch(m -> m.asJsonObject().getString("status").equals("QUEUED"))) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Every text column of every table of the schema holding one of {@code values}: "table.column: value". */
    private static List<String> tracesOf(List<String> values) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(
                System.getProperty("loyalty.it.db.url"),
                System.getProperty("loyalty.it.db.user"),
                System.getProperty("loyalty.it.db.password"))) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement(
                            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                                    + " AND data_type IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json',"
                                    + " 'date', 'datetime', 'binary', 'varbinary', 'blob', 'mediumblob', 'longblob')");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            assertThat(columns.size()).as("text columns in the schema").isGreaterThan(50);
            for (String[] column : columns) {
                for (String value : values) {
                    String sql = "SELECT COUNT(*) FROM `" + column[0] + "` WHERE CONVERT(CAST(`" + column[1]
                            + "` AS CHAR) USING utf8mb4) COLLATE utf8mb4_general_ci LIKE ?";
                    try (PreparedStatement q = db.prepareStatement(sql)) {
                        q.setString(1, "%" + value + "%");
                        try (ResultSet rows = q.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + ": " + value);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
