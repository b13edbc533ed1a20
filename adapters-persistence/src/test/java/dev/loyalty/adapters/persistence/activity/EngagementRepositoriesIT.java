package dev.loyalty.adapters.persistence.activity;

import static dev.loyalty.adapters.persistence.TestDatabase.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.adapters.persistence.customer.JpaCustomers;
import dev.loyalty.adapters.persistence.mission.JpaMissionProgress;
import dev.loyalty.adapters.persistence.rule.JpaRules;
import dev.loyalty.adapters.persistence.timeline.SqlCustomerTimeline;
import dev.loyalty.application.activity.ActivityLog;
import dev.loyalty.application.activity.DueActivity;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.timeline.TimelineEntry;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.mission.MissionId;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleAction;
import dev.loyalty.domain.rule.RuleConditions;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleStatus;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event, rule, mission and timeline adapters against MariaDB. */
class EngagementRepositoriesIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private Customer aCustomer() {
        Customer customer = CustomerFixtures.aCustomer().build();
        inTransaction(em -> {
            new JpaCustomers(em).add(customer);
            return null;
        });
        return customer;
    }

    /** Appends the event and answers the row it is kept in. */
    private static long appended(RecordedActivity event) {
        assertThat((Boolean) inTransaction(em -> new JpaActivityLog(em).append(event)))
                .isTrue();
        return inTransaction(em -> ((Number) em.createNativeQuery("SELECT id FROM customer_event WHERE event_id = ?")
                        .setParameter(1, event.eventId())
                        .getSingleResult())
                .longValue());
    }

    private static RecordedActivity event(Optional<Customer> customer, Optional<Email> prospect) {
        return new RecordedActivity(
                "evt-" + UUID.randomUUID(),
                new EventType("NEWSLETTER_SUBSCRIBED"),
                EventSource.INTEGRATION,
                customer.map(Customer::id),
                prospect,
                Optional.empty(),
                "MI-001",
                NOW.minusSeconds(60),
                NOW,
                Map.of("list", "weekly", "count", 3L, "tags", List.of("a", "b"), "optIn", true));
    }

    @Test
    void anEventIdIsItsSourcesAndCaseSensitive() {
        Customer marco = aCustomer();
        RecordedActivity fromTheApp = event(Optional.of(marco), Optional.empty());
        String id = fromTheApp.eventId();
        RecordedActivity sameIdFromTheWebsite = withId(fromTheApp, id, EventSource.INTEGRATION);
        RecordedActivity upperCase = withId(fromTheApp, id.toUpperCase(java.util.Locale.ROOT), EventSource.INTEGRATION);
        RecordedActivity appEvent = withId(fromTheApp, id, EventSource.APP);

        boolean app = inTransaction(em -> new JpaActivityLog(em).append(appEvent));
        boolean website = inTransaction(em -> new JpaActivityLog(em).append(sameIdFromTheWebsite));
        boolean otherCase = inTransaction(em -> new JpaActivityLog(em).append(upperCase));
        boolean appAgain = inTransaction(em -> new JpaActivityLog(em).append(appEvent));

        assertThat(List.of(app, website, otherCase))
                .as("three ids: per source, case-sensitive")
                .containsOnly(true);
        assertThat(appAgain).isFalse();
        Optional<RecordedActivity> websites =
                inTransaction(em -> new JpaActivityLog(em).byEventId(EventSource.INTEGRATION, id));
        Optional<RecordedActivity> services =
                inTransaction(em -> new JpaActivityLog(em).byEventId(EventSource.SERVICE, id));
        assertThat(websites.map(RecordedActivity::source)).contains(EventSource.INTEGRATION);
        assertThat(services).isEmpty();
    }

    private static RecordedActivity withId(RecordedActivity event, String id, EventSource source) {
        return new RecordedActivity(
                id,
                event.type(),
                source,
                event.customerId(),
                event.prospectEmail(),
                event.prospectPhone(),
                event.storeId(),
                event.occurredAt(),
                event.receivedAt(),
                event.attributes());
    }

    @Test
    void anEventIsKeptOnceAndReadBackWithItsAttributes() {
        Customer marco = aCustomer();
        RecordedActivity event = event(Optional.of(marco), Optional.empty());

        boolean first = inTransaction(em -> new JpaActivityLog(em).append(event));
        boolean again = inTransaction(em -> new JpaActivityLog(em).append(event));

        assertThat(first).isTrue();
        assertThat(again).as("a retry adds nothing").isFalse();
        RecordedActivity read = inTransaction(em -> new JpaActivityLog(em).byEventId(event.source(), event.eventId()))
                .orElseThrow();
        assertThat(read).isEqualTo(event);
    }

    @Test
    void theIntakesInsertKeepsACustomersEventOnceAndNoneOfACustomerThatDoesNotExist() {
        Customer marco = aCustomer();
        RecordedActivity event = event(Optional.of(marco), Optional.empty());
        Customer stranger = CustomerFixtures.aCustomer().build();
        RecordedActivity nobodys = event(Optional.of(stranger), Optional.empty());

        boolean first = inTransaction(em -> new JpaActivityLog(em).appendIfCustomerExists(event));
        boolean again = inTransaction(em -> new JpaActivityLog(em).appendIfCustomerExists(event));
        boolean unknown = inTransaction(em -> new JpaActivityLog(em).appendIfCustomerExists(nobodys));

        assertThat(first).isTrue();
        assertThat(again).as("a retry adds nothing").isFalse();
        assertThat(unknown).as("no customer has the id").isFalse();
        Optional<RecordedActivity> kept =
                inTransaction(em -> new JpaActivityLog(em).byEventId(event.source(), event.eventId()));
        Optional<RecordedActivity> strangers =
                inTransaction(em -> new JpaActivityLog(em).byEventId(nobodys.source(), nobodys.eventId()));
        List<dev.loyalty.application.activity.KeptActivity> marcos =
                inTransaction(em -> new JpaActivityLog(em).latestOf(marco.id(), 5));
        assertThat(kept).contains(event);
        assertThat(strangers).isEmpty();
        assertThat(marcos).singleElement().satisfies(row -> assertThat(row.awaitingReactions())
                .as("due for reactions")
                .isTrue());
    }

    @Test
    void aDueEventIsClaimedByOneTransactionAtATimeAndIsDoneOnceReactedTo() throws Exception {
        Customer marco = aCustomer();
        long row = appended(event(Optional.of(marco), Optional.empty()));
        assertThat((List<Long>) inTransaction(em -> new JpaActivityLog(em).due(NOW, 10_000)))
                .contains(row);

        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> inTransaction(em -> {
            assertThat(new JpaActivityLog(em).claim(row)).isPresent();
            claimed.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            new JpaActivityLog(em).reacted(row);
            return null;
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        Optional<DueActivity> meanwhile = inTransaction(em -> new JpaActivityLog(em).claim(row));
        assertThat(meanwhile).as("skipped, not waited for").isEmpty();
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat((Optional<DueActivity>) inTransaction(em -> new JpaActivityLog(em).claim(row)))
                .isEmpty();
        assertThat((List<Long>) inTransaction(em -> new JpaActivityLog(em).due(NOW, 10_000)))
                .doesNotContain(row);
    }

    @Test
    void aProspectsEventIsAttachedWhenTheContactEnrols() {
        Email email = Email.of("prospect." + UUID.randomUUID() + "@example.com");
        RecordedActivity event = event(Optional.empty(), Optional.of(email));
        long row = appended(event);
        assertThat((List<Long>) inTransaction(em -> new JpaActivityLog(em).due(NOW, 10_000)))
                .doesNotContain(row);
        Customer customer = aCustomer();

        int attached = inTransaction(
                em -> new JpaActivityLog(em).attachProspects(customer.id(), Optional.of(email), Optional.empty(), NOW));

        assertThat(attached).isEqualTo(1);
        DueActivity due = inTransaction(em -> new JpaActivityLog(em).claim(row)).orElseThrow();
        assertThat(due.activity().customerId()).isEqualTo(customer.id());
        RecordedActivity attachedEvent = inTransaction(
                        em -> new JpaActivityLog(em).byEventId(event.source(), event.eventId()))
                .orElseThrow();
        assertThat(attachedEvent.prospectEmail())
                .as("the contact lives with the customer now")
                .isEmpty();
    }

    @Test
    void aFailedEventIsRetriedLaterAndParkedForGood() {
        Customer marco = aCustomer();
        RecordedActivity event = event(Optional.of(marco), Optional.empty());
        long row = appended(event);

        inTransaction(em -> {
            new JpaActivityLog(em).failed(row, Optional.empty(), "IllegalStateException: boom");
            return null;
        });

        assertThat((List<Long>) inTransaction(em -> new JpaActivityLog(em).due(NOW.plusSeconds(3600), 10_000)))
                .doesNotContain(row);
        assertThat((List<ActivityLog.ParkedActivity>) inTransaction(em -> new JpaActivityLog(em).parked(1000)))
                .anySatisfy(p -> {
                    assertThat(p.eventId()).isEqualTo(event.eventId());
                    assertThat(p.attempts()).isEqualTo(1);
                });
        assertThat((Boolean) inTransaction(em -> new JpaActivityLog(em).retry(event.eventId(), NOW)))
                .isTrue();
        assertThat((Optional<DueActivity>) inTransaction(em -> new JpaActivityLog(em).claim(row)))
                .isPresent();
    }

    @Test
    void aRuleIsStoredAndReadBackWithEveryConditionAndAction() {
        Rule rule = new Rule(
                RuleId.newId(),
                "Everything",
                new EventType("PURCHASE_RECORDED"),
                new RuleConditions(
                        Map.of("list", "weekly"),
                        Set.of("MI-001", "TO-002"),
                        Set.of("STORE"),
                        Set.of("wine"),
                        Optional.of(5_000L),
                        Set.of(ConsentPurpose.MARKETING_SMS),
                        Set.of(EnrolmentChannel.APP),
                        Optional.of(NOW),
                        Optional.of(NOW.plusSeconds(86_400)),
                        true),
                List.of(
                        new RuleAction.IssueCoupon(CouponTemplateId.newId()),
                        new RuleAction.AwardPoints(Points.of(50)),
                        new RuleAction.SendMessage(Optional.of("SMS"), "Ciao {firstName}", true, 7),
                        new RuleAction.AdvanceMission(MissionId.newId())),
                RuleStatus.ACTIVE,
                1);
        inTransaction(em -> {
            new JpaRules(em, TestDatabase.CLOCK).add(rule);
            return null;
        });

        assertThat((Optional<Rule>) inTransaction(em -> new JpaRules(em, TestDatabase.CLOCK).byId(rule.id())))
                .contains(rule);
        assertThat((List<Rule>) inTransaction(
                        em -> new JpaRules(em, TestDatabase.CLOCK).activeOn(new EventType("PURCHASE_RECORDED"))))
                .contains(rule);
        Rule paused = rule.withStatus(RuleStatus.PAUSED);
        inTransaction(em -> {
            new JpaRules(em, TestDatabase.CLOCK).update(paused, rule.version());
            return null;
        });
        assertThat((List<Rule>) inTransaction(
                        em -> new JpaRules(em, TestDatabase.CLOCK).activeOn(new EventType("PURCHASE_RECORDED"))))
                .doesNotContain(rule, paused);
    }

    @Test
    void anEventCountsOnceTowardsAMissionAndTheWindowBoundsTheProgress() {
        Customer marco = aCustomer();
        MissionId mission = MissionId.newId();
        inTransaction(em -> {
            JpaMissionProgress progress = new JpaMissionProgress(em);
            assertThat(progress.addStep(mission, marco.id(), 0, 1_000_001L, 1, NOW.minusSeconds(40 * 86_400)))
                    .isTrue();
            assertThat(progress.addStep(mission, marco.id(), 0, 1_000_002L, 1, NOW))
                    .isTrue();
            assertThat(progress.addStep(mission, marco.id(), 0, 1_000_002L, 1, NOW))
                    .isFalse();
            return null;
        });

        long inWindow = inTransaction(
                em -> new JpaMissionProgress(em).progress(mission, marco.id(), 0, NOW.minusSeconds(30 * 86_400), NOW));
        assertThat(inWindow).isEqualTo(1);
        assertThat((Long) inTransaction(
                        em -> new JpaMissionProgress(em).progress(mission, marco.id(), 0, Instant.MIN, NOW)))
                .isEqualTo(2);
    }

    @Test
    void theTimelineMergesEventsNewestFirst() {
        Customer marco = aCustomer();
        RecordedActivity older = event(Optional.of(marco), Optional.empty());
        inTransaction(em -> new JpaActivityLog(em).append(older));

        List<TimelineEntry> timeline =
                inTransaction(em -> new SqlCustomerTimeline(em).of(marco.id(), NOW.plusSeconds(60), 10));

        assertThat(timeline).extracting(TimelineEntry::reference).contains(older.eventId());
        assertThat(timeline.get(0).details()).containsEntry("list", "weekly").containsEntry("source", "INTEGRATION");
    }
}
