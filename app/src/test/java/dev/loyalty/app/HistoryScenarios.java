package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.enrolled;
import static dev.loyalty.app.Fixtures.unique;
import static dev.loyalty.app.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sales history imports over HTTP, run by {@code ServiceIT.History} on the shared deployment: a
 * CSV and a POSLog written here, imported once and again (nothing added), bad rows rejected and
 * listed with contacts masked, a file that is not a history refused at once, a second import
 * refused while one runs, and a worker stopped mid-import (its lease taken) whose import another
 * worker finishes from the last committed batch without losing or doubling a receipt. Each test
 * uses stores of its own.
 */
abstract class HistoryScenarios {

    static final String HEADER = "store_id,receipt_id,occurred_at,customer,sku,category,quantity,unit_price_cents";

    static Api.Reply upload(String contentType, String body, String query) {
        return API.send("POST", "/api/v1/imports/purchases" + query, Api.admin(), contentType, body);
    }

    /** Uploads and waits for the import to end. */
    static JsonObject imported(String contentType, String body, String query) {
        Api.Reply accepted = upload(contentType, body, query);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.location())
                .endsWith("/api/v1/imports/" + accepted.json().getString("importId"));
        return finished(accepted.json().getString("importId"));
    }

    static JsonObject status(String importId) {
        Api.Reply reply = API.get("/api/v1/imports/" + importId, Api.admin());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static JsonObject finished(String importId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonObject job = status(importId);
            if (!job.getString("status").equals("RUNNING")) {
                return job;
            }
            pause(100);
        }
        throw new AssertionError("import " + importId + " still running: " + status(importId) + "; lease until "
                + Api.count("SELECT UNIX_TIMESTAMP(lease_until) FROM import_job WHERE id = '" + importId + "'")
                + ", spooled " + Api.count("SELECT spooled FROM import_job WHERE id = '" + importId + "'"));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The single text the test database answers to {@code query}. */
    static String text(String query) {
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password"));
                PreparedStatement select = connection.prepareStatement(query);
                java.sql.ResultSet rows = select.executeQuery()) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sql(String statement, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("loyalty.it.db.url"),
                        System.getProperty("loyalty.it.db.user"),
                        System.getProperty("loyalty.it.db.password"));
                PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCsvHistoryIsImportedOnceAndCountsForTiersButTriggersNothing() {
        String email = "hist." + unique() + "@example.com";
        String phone = uniquePhone();
        JsonObject elena = enrolled(email, phone);
        String id = elena.getString("customerId");
        String card = elena.getString("cardNumber");
        String store = "H-" + unique();
        String day = Instant.now()
                .minus(400, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String recent = Instant.now()
                .minus(3, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String csv = HEADER + "\n"
                + store + ",R1," + day + "," + card + ",RM-LASAGNA,ready-meals,2,599\n"
                + store + ",R1," + day + "," + card + ",PC-SHAMPOO,personal-care,1,450\n"
                + store + ",R2," + recent + "," + email.toUpperCase() + ",RM\\SOUP\t2,ready-meals,1,300\n"
                + store + ",R3," + recent + "," + phone + ",RM-SOUP,ready-meals,1,300\n"
                + store + ",R4," + recent + "," + id + ",RM-SOUP,ready-meals,3,300\n"
                + store + ",R5," + recent + ",nobody@example.com,RM-SOUP,ready-meals,1,300\n"
                + store + ",R6," + recent + "," + email + ",RM-SOUP,ready-meals,-1,300\n"
                + store + ",R7,yesterday," + email + ",RM-SOUP,ready-meals,1,300\n";
        long eventsBefore = Api.count("SELECT COUNT(*) FROM domain_event");

        JsonObject job = imported("text/csv", csv, "");

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.getJsonNumber("rowsRead").longValue()).isEqualTo(8);
        assertThat(job.getJsonNumber("purchasesImported").longValue()).isEqualTo(5);
        assertThat(job.getJsonNumber("rejected").longValue()).isEqualTo(2);
        assertThat(job.getJsonNumber("duplicates").longValue()).isZero();
        assertThat(job.getInt("percent")).isEqualTo(100);
        assertThat(job.getString("finishedAt")).isNotBlank();
        assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE store_id = '" + store + "' AND source = 'IMPORT'"
                        + " AND customer_id = '" + id + "'"))
                .as("card, e-mail (any case), phone and id all identify her")
                .isEqualTo(4);
        assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE store_id = '" + store + "' AND customer_id IS NULL"))
                .as("an unknown customer's receipt is kept as an anonymous sale")
                .isEqualTo(1);
        assertThat(Api.count("SELECT COUNT(*) FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id"
                        + " WHERE p.store_id = '" + store + "'"))
                .isEqualTo(6);
        assertThat(Api.count(
                        "SELECT COALESCE(SUM(net_spend), 0) FROM tier_qualifying WHERE customer_id = '" + id + "'"))
                .as("her history counts for tier qualification")
                .isEqualTo(2 * 599 + 450 + 300 + 300 + 900);
        assertThat(Api.count("SELECT COUNT(*) FROM domain_event"))
                .as("no rule, message or mission is triggered")
                .isEqualTo(eventsBefore);
        assertThat(text("SELECT l.sku FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id"
                        + " WHERE p.store_id = '" + store + "' AND p.receipt_id = 'R2'"))
                .as("a backslash and a tab in a value are stored as they came")
                .isEqualTo("RM\\SOUP\t2");
        // her metrics are brought up to date by the metrics' worker once the import ended, no read needed
        Instant caughtUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Api.count("SELECT COUNT(*) FROM customer_metrics_due WHERE customer_id = '" + id + "'") > 0
                || Api.count("SELECT COALESCE(MAX(lifetime_visits), 0) FROM customer_metrics WHERE customer_id = '" + id
                                + "'")
                        != 4) {
            assertThat(Instant.now())
                    .as("her metrics caught up after the import")
                    .isBefore(caughtUp);
            pause(50);
        }
        assertThat(Api.count("SELECT COALESCE(SUM(points_awarded), 0) FROM purchase WHERE store_id = '" + store + "'"))
                .as("no points without awardPoints")
                .isZero();

        Api.Reply rejects = API.get("/api/v1/imports/" + job.getString("importId") + "/rejects", Api.admin());
        assertThat(rejects.status()).as(rejects.toString()).isEqualTo(200);
        List<JsonObject> items = rejects.items();
        assertThat(items).extracting(i -> i.getInt("line")).containsExactly(8, 9);
        assertThat(items.get(0).getString("reason")).contains("negative quantity");
        assertThat(items.get(1).getString("reason")).contains("bad date");
        assertThat(items)
                .allSatisfy(i ->
                        assertThat(i.getString("excerpt")).doesNotContain(email).doesNotContain("example.com"));

        JsonObject again = imported("text/csv", csv, "");
        assertThat(again.getJsonNumber("purchasesImported").longValue())
                .as("imported twice, nothing added")
                .isZero();
        assertThat(again.getJsonNumber("duplicates").longValue()).isEqualTo(5);
        assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE store_id = '" + store + "'"))
                .isEqualTo(5);
        assertThat(Api.count(
                        "SELECT COALESCE(SUM(net_spend), 0) FROM tier_qualifying WHERE customer_id = '" + id + "'"))
                .isEqualTo(2 * 599 + 450 + 300 + 300 + 900);
    }

    @Test
    void aPosLogHistoryEarnsPointsWhenAsked() {
        JsonObject marco = enrolled(null, uniquePhone());
        String id = marco.getString("customerId");
        String store = "P-" + unique();
        String at = Instant.now()
                .minus(2, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String poslog =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <POSLog xmlns="http://www.nrf-arts.org/IXRetail/namespace/">
                  <Transaction>
                    <RetailStoreID>%1$s</RetailStoreID><WorkstationID>2</WorkstationID>
                    <SequenceNumber>501</SequenceNumber><EndDateTime>%2$s</EndDateTime>
                    <RetailTransaction>
                      <LineItem><Sale><ItemID>RM-LASAGNA</ItemID><MerchandiseHierarchy>ready-meals</MerchandiseHierarchy>
                        <RegularSalesUnitPrice>5.99</RegularSalesUnitPrice><ExtendedAmount>11.98</ExtendedAmount>
                        <Quantity>2</Quantity></Sale></LineItem>
                      <LineItem><Sale><ItemID>WINE-RED</ItemID><MerchandiseHierarchy>wine</MerchandiseHierarchy>
                        <RegularSalesUnitPrice>24.00</RegularSalesUnitPrice><Quantity>1</Quantity></Sale></LineItem>
                      <LoyaltyAccount><CustomerID>%3$s</CustomerID></LoyaltyAccount>
                    </RetailTransaction>
                  </Transaction>
                  <Transaction>
                    <RetailStoreID>%1$s</RetailStoreID><SequenceNumber>502</SequenceNumber>
                    <EndDateTime>%2$s</EndDateTime>
                    <RetailTransaction>
                      <LineItem><Sale><ItemID>X</ItemID><MerchandiseHierarchy>wine</MerchandiseHierarchy>
                        <RegularSalesUnitPrice>2.001</RegularSalesUnitPrice><Quantity>1</Quantity></Sale></LineItem>
                    </RetailTransaction>
                  </Transaction>
                </POSLog>
                """
                        .formatted(store, at, marco.getString("cardNumber"));

        JsonObject job = imported("application/xml", poslog, "?awardPoints=true");

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.getString("format")).isEqualTo("POSLOG");
        assertThat(job.getJsonNumber("purchasesImported").longValue()).isEqualTo(1);
        assertThat(job.getJsonNumber("rejected").longValue()).isEqualTo(1);
        long awarded = Api.count("SELECT points_awarded FROM purchase WHERE store_id = '" + store + "'"
                + " AND receipt_id = '2-501' AND customer_id = '" + id + "' AND source = 'IMPORT'");
        assertThat(awarded).as("points by the rules in force then").isPositive();
        Api.Reply wallet = API.get("/api/v1/me/wallet", Api.customer(id));
        assertThat(wallet.json().getJsonNumber("balance").longValue()).isEqualTo(awarded);
        Fixtures.theBooksBalance();

        // an imported purchase is reversed like a live one: its lines carry their share of the points
        String purchase = text("SELECT id FROM purchase WHERE store_id = '" + store + "' AND receipt_id = '2-501'");
        Api.Reply voided = API.post("/api/v1/purchases/" + purchase + "/reversal", Api.admin(), "{}");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.json().getJsonNumber("pointsReversed").longValue()).isEqualTo(awarded);
        Api.Reply emptied = API.get("/api/v1/me/wallet", Api.customer(id));
        assertThat(emptied.json().getJsonNumber("balance").longValue()).isZero();
        Fixtures.theBooksBalance();
    }

    @Test
    void aBodyThatIsNotAHistoryIsRefusedAtOnce() {
        long jobs = Api.count("SELECT COUNT(*) FROM import_job");

        Api.Reply json = upload("application/json", "{\"receipts\": []}", "");
        Api.Reply binary = upload("application/octet-stream", "\u0000\u0001\u0002PK\u0003\u0004", "");
        Api.Reply header = upload("text/csv", "store_id,receipt_id,colour\nS,R,red\n", "");
        Api.Reply empty = upload("text/csv", "", "");

        assertThat(json.isProblem("import-format-unsupported"))
                .as(json.toString())
                .isTrue();
        assertThat(json.status()).isEqualTo(415);
        assertThat(binary.isProblem("import-format-unsupported"))
                .as(binary.toString())
                .isTrue();
        assertThat(header.isProblem("import-header-invalid"))
                .as(header.toString())
                .isTrue();
        assertThat(header.json().getString("detail")).contains("unknown columns [colour]");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(Api.count("SELECT COUNT(*) FROM import_job"))
                .as("nothing started")
                .isEqualTo(jobs);

        Api.Reply unknown = API.get("/api/v1/imports/" + UUID.randomUUID(), Api.admin());
        assertThat(unknown.isProblem("import-not-found")).as(unknown.toString()).isTrue();
        Api.Reply malformed = API.get("/api/v1/imports/not-an-id", Api.admin());
        assertThat(malformed.isProblem("validation-failed"))
                .as(malformed.toString())
                .isTrue();
        Api.Reply terminal = API.send("POST", "/api/v1/imports/purchases", Api.terminal("MI-001"), "text/csv", HEADER);
        assertThat(terminal.status()).isEqualTo(403);
    }

    @Test
    void aSecondImportWhileOneRunsIsAConflict() {
        String running = UUID.randomUUID().toString();
        sql(
                "INSERT INTO import_job (id, running_programme, status, format, award_points, file_path, lease_owner,"
                        + " lease_until, started_by, started_at) VALUES (?, 'default', 'RUNNING', 'CSV', FALSE,"
                        + " '/nowhere', 'another-instance', '2999-01-01', 'test', '2026-01-01')",
                running);
        try {
            Api.Reply second = upload("text/csv", HEADER + "\nS,R,2025-01-01T00:00:00Z,,A,b,1,1\n", "");

            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            assertThat(second.isProblem("import-already-running")).isTrue();
        } finally {
            sql("DELETE FROM import_job WHERE id = ?", running);
        }
    }

    @Test
    void anImportWhoseFileWasLostWithItsInstanceFailsAndNoLongerBlocksTheNext() {
        // as left by an instance that spooled a file, read part of it and never came back
        String importId = UUID.randomUUID().toString();
        sql(
                "INSERT INTO import_job (id, running_programme, status, format, award_points, file_path, file_bytes,"
                        + " spooled, lease_owner, lease_until, started_by, started_at)"
                        + " VALUES (?, 'default', 'RUNNING', 'CSV', FALSE, ?, 1000, TRUE, 'run-of-a-lost-instance',"
                        + " UTC_TIMESTAMP(6) - INTERVAL 2 HOUR, 'admin', UTC_TIMESTAMP(6) - INTERVAL 3 HOUR)",
                importId,
                "/nonexistent/loyalty-imports/" + importId + ".csv");
        try {
            JsonObject job = finished(importId);

            assertThat(job.getString("status")).as(job.toString()).isEqualTo("FAILED");
            assertThat(job.toString()).contains("upload the file again");
            JsonObject next =
                    imported("text/csv", HEADER + "\nS-" + unique() + ",R-1,2025-01-01T00:00:00Z,,A,b,1,100\n", "");
            assertThat(next.getString("status")).as(next.toString()).isEqualTo("COMPLETED");
        } finally {
            sql("UPDATE import_job SET status = 'FAILED', running_programme = NULL WHERE id = ?", importId);
        }
    }

    @Test
    void aWorkerStoppedMidImportIsTakenOverAndNothingIsLostOrDoubled() {
        String store = "K-" + unique();
        int receipts = 60_000;
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        String at = Instant.now()
                .minus(10, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        for (int r = 0; r < receipts; r++) {
            csv.append(store)
                    .append(",R")
                    .append(r)
                    .append(',')
                    .append(at)
                    .append(",,SKU-")
                    .append(r % 97)
                    .append(",cat-")
                    .append(r % 11)
                    .append(",1,")
                    .append(100 + r % 50)
                    .append('\n');
        }
        assertThat(csv.length()).as("above the API's body size limit").isGreaterThan(256 * 1024);
        Api.Reply accepted = upload("text/csv", csv.toString(), "");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String importId = accepted.json().getString("importId");

        // the worker is stopped once it has committed a batch: its lease is taken, as by a worker
        // whose own lease expired while it stood still (a crash, a restart, a long pause)
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (status(importId).getJsonNumber("purchasesImported").longValue() == 0) {
            assertThat(Instant.now()).as("no batch committed").isBefore(deadline);
            pause(20);
        }
        sql(
                "UPDATE import_job SET lease_owner = 'a-crashed-worker', lease_until = '2000-01-01'"
                        + " WHERE id = ? AND status = 'RUNNING'",
                importId);
        JsonObject stopped = status(importId);
        assertThat(stopped.getString("status"))
                .as("the import must still run when its worker is stopped: " + stopped)
                .isEqualTo("RUNNING");
        assertThat(stopped.getJsonNumber("purchasesImported").longValue()).isLessThan(receipts);

        JsonObject job = finished(importId);

        assertThat(job.getString("status")).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.getJsonNumber("purchasesImported").longValue()).isEqualTo(receipts);
        assertThat(job.getJsonNumber("duplicates").longValue()).isZero();
        assertThat(job.getJsonNumber("rowsRead").longValue()).isEqualTo(receipts);
        assertThat(Api.count("SELECT COUNT(*) FROM purchase WHERE store_id = '" + store + "'"))
                .isEqualTo(receipts);
        assertThat(Api.count("SELECT COUNT(*) FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id"
                        + " WHERE p.store_id = '" + store + "'"))
                .isEqualTo(receipts);
    }
}
