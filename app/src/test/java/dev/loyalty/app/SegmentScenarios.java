package dev.loyalty.app;

import static dev.loyalty.app.Fixtures.API;
import static dev.loyalty.app.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Segments over HTTP, run by {@code ServiceIT.Segments}: preview, save, snapshots frozen while the
 * data moves, members by keyset, a rule that fires for members only, who may call them, and bad
 * conditions refused with the path of the bad node. Customers and their metrics are written
 * straight in SQL (each test with a city of its own, which every condition asks for, so that no
 * other test's customers count); {@link SegmentPropertyCheck} compares random conditions with a
 * plain Java evaluation.
 */
abstract class SegmentScenarios {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static Connection db() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("loyalty.it.db.url"),
                System.getProperty("loyalty.it.db.user"),
                System.getProperty("loyalty.it.db.password"));
    }

    /** Inserts a customer (not erased unless its first name says so): @return its id */
    static String customer(Connection db, String firstName, String city) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO customer (id, card_number, first_name, preferred_channel, enrolment_channel, enrolled_at,"
                        + " version, city) VALUES (?, ?, ?, 'NONE', 'STORE', ?, 1, ?)")) {
            insert.setString(1, id);
            insert.setString(2, card());
            insert.setString(3, firstName);
            insert.setTimestamp(4, utc(NOW.minus(Duration.ofDays(400))));
            insert.setString(5, city);
            insert.executeUpdate();
        }
        return id;
    }

    static String card() {
        return "9" + String.format("%012d", (long) (Math.random() * 1_000_000_000_000L));
    }

    static void monetary(Connection db, String customer, long cents) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(
                "INSERT INTO customer_metrics (customer_id, last_purchase_at, frequency, monetary, computed_at)"
                        + " VALUES (?, ?, 1, ?, ?) ON DUPLICATE KEY UPDATE monetary = VALUES(monetary)")) {
            upsert.setString(1, customer);
            upsert.setTimestamp(2, utc(NOW.minus(Duration.ofDays(3))));
            upsert.setLong(3, cents);
            upsert.setTimestamp(4, utc(NOW));
            upsert.executeUpdate();
        }
    }

    static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Api.Reply preview(String condition) {
        return API.post("/api/v1/segments/preview", Api.admin(), "{\"condition\": " + condition + "}");
    }

    static Api.Reply define(String name, String condition) {
        return API.post(
                "/api/v1/segments", Api.admin(), "{\"name\": \"" + name + "\", \"condition\": " + condition + "}");
    }

    static String defined(String name, String condition) {
        Api.Reply reply = define(name, condition);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("segmentId");
    }

    static List<String> ids(List<JsonObject> members) {
        return members.stream().map(m -> m.getString("customerId")).toList();
    }

    /** Every member now (or in a snapshot), page by page. */
    static List<String> allMembers(String segment, String snapshot, int pageSize) {
        List<String> all = new ArrayList<>();
        String after = "";
        for (int page = 0; page < 10_000; page++) {
            Api.Reply reply = API.get(
                    "/api/v1/segments/" + segment + "/members?limit=" + pageSize + "&after=" + after
                            + (snapshot == null ? "" : "&snapshot=" + snapshot),
                    Api.admin());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            all.addAll(ids(reply.items()));
            JsonObject body = reply.json();
            if (!body.containsKey("next")) {
                return all;
            }
            assertThat(reply.items()).hasSize(pageSize);
            after = body.getString("next");
        }
        throw new AssertionError("too many pages");
    }

    @Test
    void previewSaveSnapshotAndMembersWhileTheDataMoves() throws Exception {
        String city = "Seg-" + unique();
        List<String> customers = new ArrayList<>();
        String erased;
        try (Connection db = db()) {
            for (int i = 1; i <= 5; i++) {
                String id = customer(db, "Elena", city);
                monetary(db, id, i * 10_000L);
                customers.add(id);
            }
            erased = customer(db, "(erased)", city);
            monetary(db, erased, 90_000);
        }
        String condition = "{\"all\": [{\"attribute\": \"city\", \"eq\": \"" + city + "\"},"
                + " {\"metric\": \"monetary\", \"op\": \"gte\", \"value\": 30000}]}";
        Set<String> big = new TreeSet<>(customers.subList(2, 5));

        Api.Reply preview = preview(condition);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().getJsonNumber("count").longValue()).isEqualTo(3);
        assertThat(ids(preview.json().getJsonArray("sample").getValuesAs(JsonObject.class)))
                .containsExactlyElementsOf(big)
                .doesNotContain(erased);
        assertThat(preview.json().getJsonArray("sample").getJsonObject(0).getString("cardNumber"))
                .hasSize(13);

        String name = "Big spenders of " + city;
        Api.Reply saved = define(name, condition);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.location()).endsWith(saved.json().getString("segmentId"));
        String segment = saved.json().getString("segmentId");
        JsonObject read = API.get("/api/v1/segments/" + segment, Api.admin()).json();
        assertThat(read.getJsonNumber("count").longValue()).isEqualTo(3);
        assertThat(Instant.parse(read.getString("evaluatedAt"))).isAfter(NOW.minusSeconds(60));
        assertThat(read.getJsonObject("condition").getJsonArray("all")).hasSize(2);
        assertThat(API.get("/api/v1/segments", Api.admin()).items())
                .anySatisfy(s -> assertThat(s.getString("segmentId")).isEqualTo(segment));
        Api.Reply again = define(name, condition);
        assertThat(again.isProblem("segment-name-taken")).as(again.toString()).isTrue();
        assertThat(again.status()).isEqualTo(409);

        Api.Reply snapshot = API.post("/api/v1/segments/" + segment + "/snapshots", Api.admin(), "");
        assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(201);
        String snapshotId = snapshot.json().getString("snapshotId");
        assertThat(snapshot.json().getJsonNumber("members").longValue()).isEqualTo(3);

        // the data moves: one member spends nothing more, one customer becomes big
        try (Connection db = db()) {
            monetary(db, customers.get(4), 0);
            monetary(db, customers.get(0), 80_000);
        }
        Set<String> now = new TreeSet<>(List.of(customers.get(0), customers.get(2), customers.get(3)));
        assertThat(allMembers(segment, null, 2)).containsExactlyElementsOf(now);
        assertThat(allMembers(segment, snapshotId, 2)).containsExactlyElementsOf(big);
        assertThat(allMembers(segment, snapshotId, 1000)).containsExactlyElementsOf(big);

        // the condition changes: the snapshot keeps the condition it was taken by
        Api.Reply changed = API.send(
                "PUT",
                "/api/v1/segments/" + segment,
                Api.admin(),
                "application/json",
                "{\"name\": \"" + name + "\", \"condition\": {\"attribute\": \"city\", \"eq\": \"" + city + "\"}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getJsonNumber("version").longValue()).isEqualTo(2);
        assertThat(changed.json().getJsonNumber("count").longValue()).isEqualTo(5);
        List<JsonObject> snapshots = API.get("/api/v1/segments/" + segment + "/snapshots", Api.admin())
                .items();
        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).getJsonObject("condition").getJsonArray("all"))
                .hasSize(2);
        assertThat(snapshots.get(0).getJsonNumber("members").longValue()).isEqualTo(3);
        assertThat(allMembers(segment, snapshotId, 2)).containsExactlyElementsOf(big);
        assertThat(allMembers(segment, null, 3)).hasSize(5).doesNotContain(erased);
    }

    @Test
    void aRuleWithASegmentConditionFiresForMembersOnly() throws Exception {
        String store = "SG-" + unique();
        String city = "Rule-" + unique();
        String member = EngagementIT.enrolled(store, true);
        String other = EngagementIT.enrolled(store, true);
        try (Connection db = db();
                PreparedStatement update = db.prepareStatement("UPDATE customer SET city = ? WHERE id = ?")) {
            update.setString(1, city);
            update.setString(2, member);
            update.executeUpdate();
        }
        String segment = defined("Rule segment " + city, "{\"attribute\": \"city\", \"eq\": \"" + city + "\"}");
        String rule = EngagementIT.rule(
                """
                {"name": "Segment bonus %s", "on": "PURCHASE_RECORDED",
                 "conditions": {"storeIds": ["%s"], "segments": ["%s"]},
                 "actions": [{"type": "AWARD_POINTS", "points": 7}]}"""
                        .formatted(city, store, segment));
        try {
            assertThat(API.get("/api/v1/rules/" + rule, Api.admin())
                            .json()
                            .getJsonObject("conditions")
                            .getJsonArray("segments")
                            .getString(0))
                    .isEqualTo(segment);
            assertThat(EngagementIT.purchase(store, member, "STORE", null).status())
                    .isEqualTo(201);
            assertThat(EngagementIT.purchase(store, other, "STORE", null).status())
                    .isEqualTo(201);
            EngagementIT.awaitEvaluations(rule, member, 1);
            EngagementIT.awaitEvaluations(rule, other, 1);
            assertThat(Api.count("SELECT COUNT(*) FROM rule_evaluation WHERE rule_id = '" + rule
                            + "' AND customer_id = '" + member + "' AND outcome = 'FIRED'"))
                    .isEqualTo(1);
            assertThat(Api.count("SELECT COUNT(*) FROM rule_evaluation WHERE rule_id = '" + rule
                            + "' AND customer_id = '" + other + "' AND outcome = 'SKIPPED'"))
                    .isEqualTo(1);
            JsonObject why = API.get("/api/v1/rules/" + rule + "/evaluations?customerId=" + other, Api.admin())
                    .items()
                    .get(0);
            assertThat(why.getJsonArray("reasons").toString()).contains("not in segment " + segment);
        } finally {
            EngagementIT.archive(rule);
        }
    }

    @Test
    void onlyTheConsoleMaySeeOrChangeSegments() {
        String segment = defined("Roles " + unique(), "{\"tier\": \"Nobody-" + unique() + "\"}");
        for (String token : List.of(
                Api.terminal("MI-001"),
                Api.integration(),
                Api.customer(UUID.randomUUID().toString()))) {
            List<Api.Reply> replies = List.of(
                    API.post("/api/v1/segments/preview", token, "{\"condition\": {\"tier\": \"Gold\"}}"),
                    API.post("/api/v1/segments", token, "{\"name\": \"x\", \"condition\": {\"tier\": \"Gold\"}}"),
                    API.get("/api/v1/segments", token),
                    API.get("/api/v1/segments/" + segment, token),
                    API.send(
                            "PUT",
                            "/api/v1/segments/" + segment,
                            token,
                            "application/json",
                            "{\"name\": \"x\", \"condition\": {\"tier\": \"Gold\"}}"),
                    API.post("/api/v1/segments/" + segment + "/snapshots", token, ""),
                    API.get("/api/v1/segments/" + segment + "/snapshots", token),
                    API.get("/api/v1/segments/" + segment + "/members", token));
            assertThat(replies)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(403));
        }
        assertThat(Api.count("SELECT COUNT(*) FROM segment WHERE name = 'x'")).isZero();
        assertThat(Api.count("SELECT COUNT(*) FROM segment_snapshot WHERE segment_id = '" + segment + "'"))
                .isZero();
    }

    @Test
    void badConditionsAreRefusedWithThePathOfTheBadNode() {
        String name = "Bad " + unique();
        record Case(String condition, String path) {}
        List<Case> cases = List.of(
                new Case(
                        "{\"all\": [{\"tier\": \"Gold\"}, {\"consent\": \"MARKETING_SMS\"},"
                                + " {\"metric\": \"happiness\", \"op\": \"gt\", \"value\": 1}]}",
                        "$.all[2].metric"),
                new Case("{\"metric\": \"monetary\", \"op\": \"gt\", \"value\": 1e400}", "$.value"),
                new Case(
                        "{\"metric\": \"monetary\", \"op\": \"gt\", \"value\": 123456789012345678901234567890}",
                        "$.value"),
                new Case("{\"metric\": \"frequency\", \"op\": \"gt\", \"value\": 1.5}", "$.value"),
                new Case("{\"bought\": {\"sku\": \"A\", \"betweenDaysAgo\": [9, 3]}}", "$.bought.betweenDaysAgo"),
                new Case("{\"attribute\": \"ageBand\", \"eq\": \"30-40\"}", "$.eq"),
                new Case("{\"inSegment\": \"" + UUID.randomUUID() + "\"}", "$.inSegment"),
                new Case("{\"not\": ".repeat(11) + "{\"tier\": \"Gold\"}" + "}".repeat(11), "$" + ".not".repeat(10)),
                new Case("[]", "$"),
                new Case("null", "$"));
        for (Case c : cases) {
            for (Api.Reply reply : List.of(preview(c.condition()), define(name, c.condition()))) {
                assertThat(reply.status()).as(c + " -> " + reply).isEqualTo(422);
                assertThat(reply.isProblem("segment-condition-invalid"))
                        .as(reply.toString())
                        .isTrue();
                assertThat(reply.json().getString("path")).as(reply.toString()).isEqualTo(c.path());
            }
        }
        // nested far beyond any limit: refused cleanly, whatever reads it first
        String deep = "{\"not\": ".repeat(3_000) + "{\"tier\": \"Gold\"}" + "}".repeat(3_000);
        Api.Reply deepReply = preview(deep);
        assertThat(deepReply.status()).as(deepReply.toString()).isBetween(400, 422);
        assertThat(deepReply.contentType()).startsWith("application/problem+json");
        Api.Reply notJson = API.post("/api/v1/segments/preview", Api.admin(), "{\"condition\": ");
        assertThat(notJson.isProblem("malformed-json")).as(notJson.toString()).isTrue();
        Api.Reply noName = API.post("/api/v1/segments", Api.admin(), "{\"condition\": {\"tier\": \"Gold\"}}");
        assertThat(noName.isProblem("validation-failed")).as(noName.toString()).isTrue();
        Api.Reply longName = define("n".repeat(201), "{\"tier\": \"Gold\"}");
        assertThat(longName.isProblem("validation-failed"))
                .as(longName.toString())
                .isTrue();
        Api.Reply unknownField = API.post(
                "/api/v1/segments",
                Api.admin(),
                "{\"name\": \"" + name + "\", \"condition\": {\"tier\": \"Gold\"}, \"x\": 1}");
        assertThat(unknownField.isProblem("validation-failed"))
                .as(unknownField.toString())
                .isTrue();
        assertThat(Api.count("SELECT COUNT(*) FROM segment WHERE name = '" + name + "'"))
                .as("nothing saved")
                .isZero();

        Api.Reply unknown = API.get("/api/v1/segments/" + UUID.randomUUID(), Api.admin());
        assertThat(unknown.isProblem("segment-not-found"))
                .as(unknown.toString())
                .isTrue();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(API.get("/api/v1/segments/not-an-id", Api.admin()).isProblem("segment-not-found"))
                .isTrue();
        assertThat(API.post("/api/v1/segments/" + UUID.randomUUID() + "/snapshots", Api.admin(), "")
                        .isProblem("segment-not-found"))
                .isTrue();

        String segment = defined("Paged " + unique(), "{\"tier\": \"Nobody-" + unique() + "\"}");
        assertThat(API.get("/api/v1/segments/" + segment + "/members?limit=0", Api.admin())
                        .isProblem("validation-failed"))
                .isTrue();
        assertThat(API.get("/api/v1/segments/" + segment + "/members?limit=ten", Api.admin())
                        .isProblem("validation-failed"))
                .isTrue();
        assertThat(API.get("/api/v1/segments/" + segment + "/members?snapshot=nope", Api.admin())
                        .isProblem("segment-not-found"))
                .isTrue();
        assertThat(API.get("/api/v1/segments/" + segment + "/members?snapshot=" + UUID.randomUUID(), Api.admin())
                        .isProblem("segment-not-found"))
                .isTrue();

        // a cycle of segments is refused where it closes
        String b = defined("Cycle B " + unique(), "{\"inSegment\": \"" + segment + "\"}");
        Api.Reply cycle = API.send(
                "PUT",
                "/api/v1/segments/" + segment,
                Api.admin(),
                "application/json",
                "{\"name\": \"Cycle A " + unique()
                        + "\", \"condition\": {\"any\": [{\"tier\": \"Gold\"}, {\"inSegment\": \"" + b + "\"}]}}");
        assertThat(cycle.isProblem("segment-condition-invalid"))
                .as(cycle.toString())
                .isTrue();
        assertThat(cycle.json().getString("path")).isEqualTo("$.any[1].inSegment.inSegment");
        assertThat(API.get("/api/v1/segments/" + segment, Api.admin())
                        .json()
                        .getJsonNumber("version")
                        .longValue())
                .as("unchanged")
                .isEqualTo(1);
    }

    @Test
    void randomConditionsAgreeWithAPlainJavaEvaluation() throws Exception {
        new SegmentPropertyCheck(20261204L, 80, 40).run();
    }

    static LocalDate today() {
        return LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
    }
}
