package dev.loyalty.application.event;

import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static dev.loyalty.domain.customer.CustomerFixtures.uniqueEmail;
import static dev.loyalty.domain.customer.CustomerFixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.activity.InMemoryActivityLog;
import dev.loyalty.application.activity.RecordedActivity;
import dev.loyalty.application.activity.ServiceEvents;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.activity.EventSource;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.CustomerNotFoundException;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.Enrolment;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventServiceTest {

    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final String NEWSLETTER = "NEWSLETTER_SUBSCRIBED";

    private final InMemoryCustomers customers = new InMemoryCustomers();
    private final InMemoryActivityLog activities = new InMemoryActivityLog(customers::exists);
    private final EventService service = new EventService(
            activities,
            customers,
            dev.loyalty.application.metrics.LiveMetrics.NONE,
            () -> java.util.Set.of(new EventType("APP_INSTALLED"), new EventType(NEWSLETTER)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Actor website = Actor.integration("website");

    private Customer enrolled() {
        Customer customer = aCustomer().withAPhone().build();
        customers.add(customer);
        return customer;
    }

    private static RecordEventCommand event(
            String eventId, String customerId, String email, String phone, String type, Actor actor) {
        // a store is what a till or an integration says, never the app
        Map<String, Object> attributes = actor.isCustomer() ? Map.of("screen", "home") : Map.of("storeId", "MI-001");
        return new RecordEventCommand(eventId, customerId, email, phone, type, NOW.minusSeconds(60), attributes, actor);
    }

    private RecordEventCommand byId(String eventId, CustomerId customer) {
        return event(eventId, customer.toString(), null, null, NEWSLETTER, website);
    }

    private RecordEventCommand at(Instant occurredAt, CustomerId customer) {
        return new RecordEventCommand(
                "e-at", customer.toString(), null, null, NEWSLETTER, occurredAt, Map.of(), website);
    }

    @Nested
    class FromAnIntegration {

        @Test
        void anEventNamingOurCustomerIdIsAcceptedAndDueForReactionsAtOnce() {
            Customer marco = enrolled();

            EventReceipt receipt = service.record(byId("e-1", marco.id()));

            assertThat(receipt)
                    .isEqualTo(new EventReceipt("e-1", EventReceipt.Status.ACCEPTED, Optional.of(marco.id())));
            RecordedActivity kept =
                    activities.byEventId(EventSource.INTEGRATION, "e-1").orElseThrow();
            assertThat(kept.type()).isEqualTo(new EventType(NEWSLETTER));
            assertThat(kept.source()).isEqualTo(EventSource.INTEGRATION);
            assertThat(kept.customerId()).contains(marco.id());
            assertThat(kept.prospectEmail()).isEmpty();
            assertThat(kept.storeId()).isEqualTo("MI-001");
            assertThat(kept.occurredAt()).isEqualTo(NOW.minusSeconds(60));
            assertThat(kept.receivedAt()).isEqualTo(NOW);
            assertThat(activities.due(NOW, 10)).hasSize(1);
        }

        @Test
        void anEventNamingTheCustomersEmailInAnotherCaseIsTheirs() {
            Customer marco = enrolled();
            String email = marco.email().orElseThrow().value().toUpperCase(Locale.ROOT);

            EventReceipt receipt = service.record(event("e-1", null, email, null, NEWSLETTER, website));

            assertThat(receipt.status()).isEqualTo(EventReceipt.Status.ACCEPTED);
            assertThat(receipt.customerId()).contains(marco.id());
            assertThat(activities.byEventId("e-1").orElseThrow().prospectEmail())
                    .as("a known customer's contact is not kept on the event")
                    .isEmpty();
        }

        @Test
        void anEventNamingTheCustomersPhoneIsTheirs() {
            Customer marco = enrolled();

            EventReceipt receipt = service.record(
                    event("e-1", null, null, marco.phone().orElseThrow().value(), NEWSLETTER, website));

            assertThat(receipt.status()).isEqualTo(EventReceipt.Status.ACCEPTED);
            assertThat(receipt.customerId()).contains(marco.id());
        }

        @Test
        void anEmailAndPhoneOfTheSameCustomerAreAccepted() {
            Customer marco = enrolled();

            EventReceipt receipt = service.record(event(
                    "e-1",
                    null,
                    marco.email().orElseThrow().value(),
                    marco.phone().orElseThrow().value(),
                    NEWSLETTER,
                    website));

            assertThat(receipt.customerId()).contains(marco.id());
        }

        @Test
        void anEmailOfOneCustomerAndAPhoneOfAnotherAreRefused() {
            Customer marco = enrolled();
            Customer elena = enrolled();

            assertThatThrownBy(() -> service.record(event(
                            "e-1",
                            null,
                            marco.email().orElseThrow().value(),
                            elena.phone().orElseThrow().value(),
                            NEWSLETTER,
                            website)))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("phone");
            assertThat(activities.rows()).isEmpty();
        }

        @Test
        void anUnknownCustomerIdIsNotFound() {
            CustomerId nobody = CustomerId.newId();

            assertThatThrownBy(() -> service.record(byId("e-1", nobody))).isInstanceOf(CustomerNotFoundException.class);
            assertThat(activities.rows()).isEmpty();
        }

        @Test
        void aCustomerIdThatIsNoUuidIsNotFound() {
            assertThatThrownBy(() -> service.record(event("e-1", "marco", null, null, NEWSLETTER, website)))
                    .isInstanceOf(CustomerNotFoundException.class);
        }

        @Test
        void anEventNamingNobodyIsRefused() {
            assertThatThrownBy(() -> service.record(event("e-1", null, " ", "", NEWSLETTER, website)))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("customerId");
        }

        @Test
        void anAdministratorMayPushAnEventToo() {
            Customer marco = enrolled();

            EventReceipt receipt =
                    service.record(event("e-1", marco.id().toString(), null, null, NEWSLETTER, Actor.admin("console")));

            assertThat(receipt.status()).isEqualTo(EventReceipt.Status.ACCEPTED);
            assertThat(activities.byEventId("e-1").orElseThrow().source()).isEqualTo(EventSource.INTEGRATION);
        }

        @Test
        void aTerminalCannotPushEvents() {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(event(
                            "e-1", marco.id().toString(), null, null, NEWSLETTER, Actor.terminal("till-1", "MI-001"))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(activities.rows()).isEmpty();
        }
    }

    @Nested
    class OfAProspect {

        @Test
        void anUnknownEmailKeepsTheEventWithTheContactAndNothingIsDue() {
            String email = uniqueEmail();

            EventReceipt receipt = service.record(event("e-1", null, email, null, NEWSLETTER, website));

            assertThat(receipt).isEqualTo(new EventReceipt("e-1", EventReceipt.Status.PROSPECT, Optional.empty()));
            RecordedActivity kept =
                    activities.byEventId(EventSource.INTEGRATION, "e-1").orElseThrow();
            assertThat(kept.customerId()).isEmpty();
            assertThat(kept.prospectEmail()).contains(Email.of(email));
            assertThat(activities.due(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
        }

        @Test
        void theProspectsEventsBecomeTheNewcomersAndDueWhenTheyEnrol() {
            String email = uniqueEmail();
            String phone = uniquePhone();
            service.record(event("by-email", null, email, null, NEWSLETTER, website));
            service.record(event("by-phone", null, null, phone, "APP_INSTALLED", website));
            service.record(event("someone-else", null, uniqueEmail(), null, NEWSLETTER, website));
            Enrolment enrolment = aCustomer().withEmail(email).withPhone(phone).buildEnrolment();
            Customer elena = enrolment.customer();
            Instant later = NOW.plus(Duration.ofHours(2));

            new ServiceEvents(activities).enrolled(enrolment.event(), elena.email(), elena.phone(), later);

            assertThat(activities.byEventId("by-email").orElseThrow().customerId())
                    .contains(elena.id());
            assertThat(activities.byEventId("by-phone").orElseThrow().customerId())
                    .contains(elena.id());
            assertThat(activities.byEventId("someone-else").orElseThrow().customerId())
                    .isEmpty();
            RecordedActivity enrolled =
                    activities.byEventId("enrolment:" + elena.id()).orElseThrow();
            assertThat(enrolled.type()).isEqualTo(EventType.CUSTOMER_ENROLLED);
            assertThat(enrolled.source()).isEqualTo(EventSource.SERVICE);
            assertThat(activities.due(NOW, 10))
                    .as("not due before the enrolment")
                    .isEmpty();
            assertThat(activities.due(later, 10))
                    .extracting(row -> activities.rows().stream()
                            .filter(r -> r.id == row)
                            .findFirst()
                            .orElseThrow()
                            .activity
                            .eventId())
                    .containsExactlyInAnyOrder("by-email", "by-phone", "enrolment:" + elena.id());
        }

        @Test
        void theEnrolmentIsRecordedOnceHoweverOftenItIsTold() {
            Enrolment enrolment = aCustomer().buildEnrolment();
            ServiceEvents serviceEvents = new ServiceEvents(activities);
            Customer elena = enrolment.customer();

            serviceEvents.enrolled(enrolment.event(), elena.email(), elena.phone(), NOW);
            serviceEvents.enrolled(enrolment.event(), elena.email(), elena.phone(), NOW);

            assertThat(activities.rows()).hasSize(1);
        }

        @Test
        void aRetryOfAProspectsEventIsADuplicate() {
            String email = uniqueEmail();
            service.record(event("e-1", null, email, null, NEWSLETTER, website));

            EventReceipt retry = service.record(event("e-1", null, email, null, NEWSLETTER, website));

            assertThat(retry).isEqualTo(new EventReceipt("e-1", EventReceipt.Status.DUPLICATE, Optional.empty()));
            assertThat(activities.rows()).hasSize(1);
        }
    }

    @Nested
    class Duplicates {

        @Test
        void aSecondEventWithTheSameIdIsADuplicateAndChangesNothing() {
            Customer marco = enrolled();
            Customer elena = enrolled();
            service.record(byId("e-1", marco.id()));

            EventReceipt retry = service.record(byId("e-1", elena.id()));

            assertThat(retry)
                    .isEqualTo(new EventReceipt("e-1", EventReceipt.Status.DUPLICATE, Optional.of(marco.id())));
            assertThat(activities.rows()).hasSize(1);
            assertThat(activities.byEventId("e-1").orElseThrow().customerId()).contains(marco.id());
        }

        @Test
        void anEventIdIsComparedWithoutSurroundingBlanks() {
            Customer marco = enrolled();
            service.record(byId("e-1", marco.id()));

            EventReceipt retry = service.record(byId("  e-1 ", marco.id()));

            assertThat(retry.status()).isEqualTo(EventReceipt.Status.DUPLICATE);
            assertThat(retry.eventId()).isEqualTo("e-1");
        }

        @Test
        void theAppRetryingItsOwnEventIsADuplicate() {
            Customer marco = enrolled();
            Actor app = Actor.customer(marco.id());
            service.record(event("e-1", null, null, null, NEWSLETTER, app));

            EventReceipt retry = service.record(event("e-1", null, null, null, NEWSLETTER, app));

            assertThat(retry.status()).isEqualTo(EventReceipt.Status.DUPLICATE);
        }

        @Test
        void theAppReusingAnotherCustomersEventIdLearnsNothingOfIt() {
            Customer marco = enrolled();
            Customer elena = enrolled();
            service.record(event("e-1", null, null, null, NEWSLETTER, Actor.customer(marco.id())));

            assertThatThrownBy(() ->
                            service.record(event("e-1", null, null, null, NEWSLETTER, Actor.customer(elena.id()))))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageNotContaining(marco.id().toString())
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("eventId");
        }
    }

    @Nested
    class FromTheApp {

        @Test
        void theCustomersOwnEventIsAcceptedAsTheApps() {
            Customer marco = enrolled();

            EventReceipt receipt =
                    service.record(event("e-1", null, null, null, "app_installed", Actor.customer(marco.id())));

            assertThat(receipt.status()).isEqualTo(EventReceipt.Status.ACCEPTED);
            assertThat(receipt.customerId()).contains(marco.id());
            RecordedActivity kept = activities.byEventId(EventSource.APP, "e-1").orElseThrow();
            assertThat(kept.source()).isEqualTo(EventSource.APP);
            assertThat(kept.type()).isEqualTo(new EventType("APP_INSTALLED"));
        }

        @Test
        void theAppPostsOnlyTheTypesTheProgrammeLetsItPost() {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(
                            event("e-1", null, null, null, "PRODUCT_REVIEWED", Actor.customer(marco.id()))))
                    .isInstanceOf(EventTypeNotAppPostableException.class)
                    .extracting(e -> ((EventTypeNotAppPostableException) e).code())
                    .isEqualTo("event-type-not-app-postable");
            assertThat(activities.rows()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"storeId", "channel"})
        void theAppNamesNoStoreOrChannel(String attribute) {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(new RecordEventCommand(
                            "e-1",
                            null,
                            null,
                            null,
                            "APP_INSTALLED",
                            NOW,
                            Map.of(attribute, "MI-001"),
                            Actor.customer(marco.id()))))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("attributes." + attribute);
            assertThat(activities.rows()).isEmpty();
        }

        @Test
        void theAppCannotTakeTheIdAnIntegrationWillSend() {
            Customer marco = enrolled();
            service.record(event("ORDER-1", null, null, null, NEWSLETTER, Actor.customer(marco.id())));

            EventReceipt integrations = service.record(byId("ORDER-1", marco.id()));

            assertThat(integrations.status()).isEqualTo(EventReceipt.Status.ACCEPTED);
            assertThat(activities.byEventId(EventSource.INTEGRATION, "ORDER-1"))
                    .map(RecordedActivity::source)
                    .contains(EventSource.INTEGRATION);
        }

        @Test
        void eventIdsAreCaseSensitive() {
            Customer marco = enrolled();
            service.record(byId("order-1", marco.id()));

            assertThat(service.record(byId("ORDER-1", marco.id())).status()).isEqualTo(EventReceipt.Status.ACCEPTED);
        }

        @Test
        void theCustomerMayNameThemselves() {
            Customer marco = enrolled();

            EventReceipt receipt = service.record(event(
                    "e-1",
                    marco.id().toString().toUpperCase(Locale.ROOT),
                    null,
                    null,
                    NEWSLETTER,
                    Actor.customer(marco.id())));

            assertThat(receipt.customerId()).contains(marco.id());
        }

        @Test
        void anotherCustomersEventIsDenied() {
            Customer marco = enrolled();
            Customer elena = enrolled();

            assertThatThrownBy(() -> service.record(
                            event("e-1", elena.id().toString(), null, null, NEWSLETTER, Actor.customer(marco.id()))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(activities.rows()).isEmpty();
        }

        @Test
        void theAppNamesNoEmail() {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(event(
                            "e-1",
                            null,
                            marco.email().orElseThrow().value(),
                            null,
                            NEWSLETTER,
                            Actor.customer(marco.id()))))
                    .isInstanceOf(InvalidValueException.class);
            assertThat(activities.rows()).isEmpty();
        }

        @Test
        void theAppNamesNoPhone() {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(event(
                            "e-1",
                            null,
                            null,
                            marco.phone().orElseThrow().value(),
                            NEWSLETTER,
                            Actor.customer(marco.id()))))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aTokenOfNoEnrolledCustomerIsNotFound() {
            assertThatThrownBy(() -> service.record(
                            event("e-1", null, null, null, NEWSLETTER, Actor.customer(CustomerId.newId()))))
                    .isInstanceOf(CustomerNotFoundException.class);
        }
    }

    @Nested
    class Validation {

        static Stream<EventType> reserved() {
            return EventType.INTERNAL.stream();
        }

        @ParameterizedTest
        @MethodSource("reserved")
        void theServicesOwnTypesCannotBePushed(EventType type) {
            Customer marco = enrolled();

            assertThatThrownBy(() ->
                            service.record(event("e-1", marco.id().toString(), null, null, type.value(), website)))
                    .isInstanceOf(EventTypeReservedException.class)
                    .extracting(e -> ((EventTypeReservedException) e).code())
                    .isEqualTo(EventTypeReservedException.CODE);
            assertThat(activities.rows()).isEmpty();
        }

        @Test
        void aReservedTypeInLowerCaseIsStillReserved() {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(
                            event("e-1", null, null, null, " purchase_recorded ", Actor.customer(marco.id()))))
                    .isInstanceOf(EventTypeReservedException.class);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "has space", "tab\tinside", "è-accent"})
        void aBadEventIdIsRefused(String eventId) {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(byId(eventId, marco.id())))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("eventId");
            assertThat(activities.rows()).isEmpty();
        }

        @Test
        void anEventIdIsAtMostAHundredCharacters() {
            Customer marco = enrolled();

            assertThat(service.record(byId("x".repeat(100), marco.id())).status())
                    .isEqualTo(EventReceipt.Status.ACCEPTED);
            assertThatThrownBy(() -> service.record(byId("y".repeat(101), marco.id())))
                    .isInstanceOf(InvalidValueException.class);
        }

        @Test
        void aBadTypeIsRefused() {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(event("e-1", marco.id().toString(), null, null, "9LIVES", website)))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("type");
        }

        @Test
        void anEventUpToFiveMinutesAheadOfOurClockIsTakenIn() {
            Customer marco = enrolled();

            EventReceipt receipt = service.record(at(NOW.plus(EventService.MAX_CLOCK_SKEW), marco.id()));

            assertThat(receipt.status()).isEqualTo(EventReceipt.Status.ACCEPTED);
        }

        @Test
        void anEventDatedFurtherInTheFutureIsRefused() {
            Customer marco = enrolled();

            assertThatThrownBy(() -> service.record(
                            at(NOW.plus(EventService.MAX_CLOCK_SKEW).plusSeconds(1), marco.id())))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("occurredAt");
            assertThat(activities.rows()).isEmpty();
        }

        @Test
        void anEventOlderThanAYearIsRefused() {
            Customer marco = enrolled();

            assertThatThrownBy(() ->
                            service.record(at(NOW.minus(EventService.MAX_AGE).minusSeconds(1), marco.id())))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field())
                    .isEqualTo("occurredAt");
            assertThat(service.record(at(NOW.minus(EventService.MAX_AGE), marco.id()))
                            .status())
                    .isEqualTo(EventReceipt.Status.ACCEPTED);
        }

        @Test
        void anUndatedEventHappenedNow() {
            Customer marco = enrolled();

            service.record(at(null, marco.id()));

            assertThat(activities.byEventId("e-at").orElseThrow().occurredAt()).isEqualTo(NOW);
        }

        @Test
        void aBadEmailIsRefused() {
            assertThatThrownBy(() -> service.record(event("e-1", null, "not-an-email", null, NEWSLETTER, website)))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> service.record(event("e-2", null, null, "0039 333", NEWSLETTER, website)))
                    .isInstanceOf(InvalidValueException.class);
            assertThat(activities.rows()).isEmpty();
        }
    }

    @Test
    void aProspectKnownByPhoneKeepsThePhone() {
        String phone = uniquePhone();

        service.record(event("e-1", null, null, phone, NEWSLETTER, website));

        assertThat(activities.byEventId("e-1").orElseThrow().prospectPhone()).contains(PhoneNumber.of(phone));
    }

    @Nested
    class InABatch {

        @Test
        void eachEventIsJudgedAsAloneAndARefusedOneHoldsUpNoneOfTheOthers() {
            Customer marco = enrolled();
            service.record(byId("earlier", marco.id()));
            String prospect = uniqueEmail();

            java.util.List<RecordEventUseCase.BatchItem> items = service.recordAll(java.util.List.of(
                    byId("b-1", marco.id()),
                    byId("b-1", marco.id()),
                    byId("earlier", marco.id()),
                    byId("b-2", CustomerId.newId()),
                    event("b-3", marco.id().toString(), null, null, "not a type", website),
                    event("b-4", null, prospect, null, NEWSLETTER, website),
                    byId("b-5", marco.id())));

            assertThat(items.stream()
                            .map(item -> item.refusal() != null
                                    ? item.refusal().getClass().getSimpleName()
                                    : item.receipt().status().name())
                            .toList())
                    .containsExactly(
                            "ACCEPTED",
                            "DUPLICATE",
                            "DUPLICATE",
                            "CustomerNotFoundException",
                            "InvalidValueException",
                            "PROSPECT",
                            "ACCEPTED");
            assertThat(items.get(2).receipt().customerId()).contains(marco.id());
            assertThat(activities.rows()).hasSize(4);
            assertThat(activities.due(NOW, 10)).hasSize(3);
            assertThat(activities.byEventId("b-4").orElseThrow().prospectEmail())
                    .contains(Email.of(prospect));
        }

        @Test
        void theAppAndTerminalsPostNoBatchesAndABatchHoldsAtMostFiveHundred() {
            Customer marco = enrolled();
            java.util.List<RecordEventCommand> tooMany = java.util.stream.IntStream.range(0, 501)
                    .mapToObj(i -> byId("many-" + i, marco.id()))
                    .toList();

            assertThatThrownBy(() -> service.recordAll(java.util.List.of(
                            event("app-1", marco.id().toString(), null, null, NEWSLETTER, Actor.customer(marco.id())))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.recordAll(tooMany)).isInstanceOf(InvalidValueException.class);
            assertThat(activities.rows()).isEmpty();
        }
    }
}
