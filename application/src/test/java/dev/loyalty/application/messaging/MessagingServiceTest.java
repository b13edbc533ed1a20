package dev.loyalty.application.messaging;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_EMAIL;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.account.InMemoryCustomers;
import dev.loyalty.application.account.UnverifiedContacts;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerFixtures;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.PreferredChannel;
import dev.loyalty.domain.customer.ProfileUpdate;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.ChannelChoice;
import dev.loyalty.domain.messaging.MarketingPressurePolicy;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageStatus;
import dev.loyalty.domain.messaging.MessageTemplate;
import dev.loyalty.domain.messaging.MessageText;
import dev.loyalty.domain.messaging.PressureCap;
import dev.loyalty.domain.messaging.QuietHours;
import dev.loyalty.domain.messaging.RetrySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox, the relay and the console's side, with the ports stubbed and the customers in memory. */
class MessagingServiceTest {

    static final Instant MORNING = Instant.parse("2026-11-23T09:00:00Z");

    final MutableClock clock = new MutableClock(MORNING);
    final InMemoryCustomers customers = new InMemoryCustomers();
    /** The customers locked for a pressure judgement, one entry per lock taken. */
    final List<Set<CustomerId>> pressureLocks = new ArrayList<>();

    final InMemoryMessages messages = new InMemoryMessages() {
        @Override
        public void lockPressure(CustomerId customer) {
            pressureLocks.add(Set.of(customer));
        }

        @Override
        public void lockPressure(java.util.Collection<CustomerId> customers) {
            pressureLocks.add(Set.copyOf(customers));
        }
    };
    final TestSettings settings = new TestSettings();
    final FakeProvider sms = new FakeProvider();
    final FakeProvider email = new FakeProvider();
    final InMemoryTemplates templates = new InMemoryTemplates();
    final dev.loyalty.application.device.InMemoryDevices devices = new dev.loyalty.application.device.InMemoryDevices();
    final FakeProvider push = new FakeProvider();
    final OutboxService outbox =
            new OutboxService(messages, customers, devices, templates, settings, clock, UnverifiedContacts.NONE);
    final FakeTokens tokens = new FakeTokens();
    final MessageDispatch dispatch = new MessageDispatch(
            messages, customers, devices, settings, tokens, clock, () -> 0.0, UnverifiedContacts.NONE);
    final MessageRelay relay = new MessageRelay(dispatch, channel -> switch (channel) {
        case SMS -> sms;
        case PUSH -> push;
        default -> email;
    });
    final MessageAdminService admin = new MessageAdminService(messages, clock);
    final InStoreMessagesService inStore =
            new InStoreMessagesService(messages, customers, UnverifiedContacts.NONE, settings, clock);

    Customer marco = enrolled(CustomerFixtures.aCustomer()
            .withFirstName("Marco")
            .withAPhone()
            .withPreferredChannel(PreferredChannel.SMS)
            .withConsent(MARKETING_SMS, MARKETING_EMAIL)
            .enrolledAt(dev.loyalty.domain.customer.EnrolmentChannel.STORE, "MI-001")
            .build());

    Customer enrolled(Customer customer) {
        customers.add(customer);
        return customer;
    }

    static MessageRequest request(CustomerId customer, String cause) {
        return new MessageRequest(
                customer,
                Optional.empty(),
                "Ciao {firstName}, il tuo coupon {couponCode}",
                Map.of("couponCode", "K7P2QX9M4"),
                false,
                0,
                cause);
    }

    Message only() {
        assertThat(messages.all()).hasSize(1);
        return messages.all().get(0);
    }

    List<String> steps(Message message) {
        return messages.history(message.id()).stream().map(StatusChange::status).toList();
    }

    void relayAll() {
        while (relay.relayOnce(10) > 0) {
            // drain
        }
    }

    @Test
    void aBatchsMessagesAreInFlightTogetherOnTheSendersAndEachIsSentOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            Customer customer = enrolled(CustomerFixtures.aCustomer()
                    .withAPhone()
                    .withPreferredChannel(PreferredChannel.SMS)
                    .withConsent(MARKETING_SMS)
                    .build());
            outbox.queue(request(customer.id(), "rule:r1/event:e" + i));
        }
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(5);
        java.util.Map<UUID, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        MessageGateway waiting = message -> {
            calls.merge(message.id(), 1, Integer::sum);
            together.countDown();
            try {
                if (!together.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new GatewayException("the batch's sends were not in flight together", true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException("interrupted", true);
            }
            return new MessageGateway.Accepted("SM-" + message.id(), "fake");
        };
        MessageRelay concurrent = new MessageRelay(dispatch, channel -> waiting);
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            assertThat(concurrent.relayOnce(10, senders)).isEqualTo(5);
        } finally {
            senders.shutdownNow();
        }

        assertThat(calls).hasSize(5).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        assertThat(messages.all()).allSatisfy(m -> assertThat(m.status()).isEqualTo(MessageStatus.SENT));
        assertThat(concurrent.relayOnce(10, senders)).as("nothing is due again").isZero();
    }

    @Test
    void theSameCauseQueuesOneMessage() {
        outbox.queue(request(marco.id(), "rule:r1/event:e1"));
        outbox.queue(request(marco.id(), "rule:r1/event:e1"));

        assertThat(only().status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(only().delivery().channel()).contains(Channel.SMS);
    }

    @Test
    void aLongCauseIsKeptAsItsDigestAndStillQueuesOnce() {
        String cause = "rule:r1/event:" + "e".repeat(400) + "/action:0";
        outbox.queue(request(marco.id(), cause));
        outbox.queue(request(marco.id(), cause));

        assertThat(only().cause()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void theRelaySendsWhatIsQueuedRenderedAndAddressed() {
        outbox.queue(request(marco.id(), "c1"));

        relayAll();

        Message sent = only();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.delivery().providerId()).contains("SM-" + sent.id());
        assertThat(steps(sent)).containsExactly("QUEUED", "ATTEMPT", "SENT");
        assertThat(sms.received).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(sent.id());
            assertThat(m.address()).isEqualTo(marco.phone().orElseThrow().value());
            assertThat(m.text()).isEqualTo("Ciao Marco, il tuo coupon K7P2QX9M4");
        });
    }

    @Test
    void aConsentWithdrawnBetweenQueueingAndSendingSuppressesTheMessage() {
        outbox.queue(new MessageRequest(marco.id(), Optional.of(Channel.SMS), "Offerta!", Map.of(), false, 0, "c1"));
        withdraw(marco.id(), MARKETING_SMS);

        relayAll();

        assertThat(only().status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(only().delivery().reason())
                .hasValueSatisfying(r -> assertThat(r).contains("no consent MARKETING_SMS"));
        assertThat(steps(only())).containsExactly("QUEUED", "SUPPRESSED");
        assertThat(sms.received).isEmpty();
    }

    @Test
    void aCampaignsMessageNoChannelMayReachIsStoredSuppressedAtOnceAsTheRelayWouldHaveSettledIt() {
        Customer anna = enrolled(CustomerFixtures.aCustomer()
                .withAPhone()
                .withPreferredChannel(PreferredChannel.SMS)
                .build());
        Customer bruno = enrolled(CustomerFixtures.aCustomer()
                .withAPhone()
                .withPreferredChannel(PreferredChannel.SMS)
                .build());
        List<MessageRequest> page = List.of(
                request(anna.id(), "campaign:c1:o1:" + anna.id()), request(marco.id(), "campaign:c1:o1:" + marco.id()));

        List<MessageOutbox.Queued> judged = outbox.queueAllJudged(page);

        assertThat(judged.get(0).unreachable())
                .hasValueSatisfying(r -> assertThat(r).contains("no consent MARKETING_SMS"));
        assertThat(judged.get(0).channel()).isEmpty();
        assertThat(judged.get(1).unreachable()).isEmpty();
        assertThat(judged.get(1).channel()).contains(Channel.SMS);
        Message settled = messages.byId(judged.get(0).messageId().orElseThrow()).orElseThrow();
        assertThat(settled.status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(settled.delivery().reason()).isEqualTo(judged.get(0).unreachable());
        assertThat(messages.history(settled.id()))
                .extracting(StatusChange::status, StatusChange::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("QUEUED", "MARKETING message queued"),
                        org.assertj.core.groups.Tuple.tuple(
                                "SUPPRESSED", judged.get(0).unreachable().orElseThrow()));
        assertThat(messages.waitingWithHigherPriority(anna.id(), UUID.randomUUID(), -1, MORNING.plusSeconds(3600)))
                .as("a settled message holds back none of the customer's others")
                .isEmpty();
        assertThat(messages.countedSince(anna.id(), MORNING.minusSeconds(3600))).isEmpty();

        // the same message queued one at a time (a rule's): the relay settles it, as the page's was
        outbox.queue(request(bruno.id(), "rule:r1/event:e1"));
        assertThat(relay.relayOnce(10))
                .as("the relay claims the rule's message and Marco's only")
                .isEqualTo(2);
        assertThat(relay.relayOnce(10)).isZero();
        Message byRelay = messages.all().stream()
                .filter(m -> m.customerId().equals(bruno.id()))
                .findFirst()
                .orElseThrow();
        Message again = messages.byId(settled.id()).orElseThrow();
        assertThat(again.schedule().leases()).as("never claimed").isZero();
        assertThat(again.status()).isEqualTo(byRelay.status());
        assertThat(again.delivery()).usingRecursiveComparison().isEqualTo(byRelay.delivery());
        assertThat(again.schedule().attempts()).isEqualTo(byRelay.schedule().attempts());
        assertThat(messages.history(again.id()))
                .extracting(StatusChange::status, StatusChange::detail)
                .isEqualTo(messages.history(byRelay.id()).stream()
                        .map(h -> org.assertj.core.groups.Tuple.tuple(h.status(), h.detail()))
                        .toList());
        assertThat(sms.received).singleElement().satisfies(m -> assertThat(m.customerId())
                .isEqualTo(marco.id()));

        // the page queued again (a rerun): nothing stored twice, the same judgement told
        List<MessageOutbox.Queued> rerun = outbox.queueAllJudged(page);
        assertThat(rerun.get(0).messageId()).isEmpty();
        assertThat(rerun.get(0).unreachable()).isEqualTo(judged.get(0).unreachable());
        assertThat(messages.all()).hasSize(3);
        assertThat(messages.history(settled.id())).hasSize(2);
    }

    @Test
    void aTransactionalMessageNeedsNoConsentButIsRecorded() {
        Customer noConsent = enrolled(CustomerFixtures.aCustomer()
                .withAPhone()
                .withPreferredChannel(PreferredChannel.SMS)
                .build());
        outbox.queue(new MessageRequest(
                noConsent.id(),
                Optional.empty(),
                "Il tuo coupon {couponCode}",
                Map.of("couponCode", "X"),
                true,
                0,
                "c1"));

        relayAll();

        assertThat(only().status()).isEqualTo(MessageStatus.SENT);
        assertThat(sms.received).hasSize(1);
    }

    @Test
    void aGatewayDownLosesNothingAndSendsOnceWhenItIsBack() {
        sms.failNext(3, true);
        outbox.queue(request(marco.id(), "c1"));

        for (int i = 0; i < 10; i++) {
            relayAll();
            clock.advance(Duration.ofMinutes(5));
        }

        Message sent = only();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.schedule().attempts()).isEqualTo(4);
        assertThat(steps(sent))
                .containsExactly(
                        "QUEUED", "ATTEMPT", "RETRY", "ATTEMPT", "RETRY", "ATTEMPT", "RETRY", "ATTEMPT", "SENT");
        assertThat(sms.delivered()).isEqualTo(1);
    }

    @Test
    void retriesWaitWithBackoff() {
        sms.failNext(1, true);
        outbox.queue(request(marco.id(), "c1"));

        relayAll();
        relayAll();

        assertThat(only().status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(only().schedule().nextAttemptAt()).isEqualTo(MORNING.plusSeconds(1));
        assertThat(sms.received).hasSize(1);
    }

    @Test
    void afterTheLastAttemptADeadLetterThatTheConsoleQueuesAgain() {
        sms.failNext(4, true);
        outbox.queue(request(marco.id(), "c1"));
        for (int i = 0; i < 5; i++) {
            relayAll();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(only().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(admin.withStatus(MessageStatus.FAILED, 10, Actor.admin("ops")))
                .singleElement()
                .satisfies(r -> assertThat(r.message().delivery().reason()).isPresent());

        admin.retry(only().id(), Actor.admin("ops"));
        relayAll();

        assertThat(only().status()).isEqualTo(MessageStatus.SENT);
        assertThat(steps(only())).contains("FAILED", "REQUEUED").endsWith("SENT");
        assertThatThrownBy(() -> admin.retry(only().id(), Actor.admin("ops")))
                .isInstanceOf(MessageNotRetryableException.class);
    }

    @Test
    void aPermanentRefusalIsADeadLetterAtOnce() {
        sms.failNext(1, false);
        outbox.queue(request(marco.id(), "c1"));

        relayAll();

        assertThat(only().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(only().delivery().reason())
                .hasValueSatisfying(r -> assertThat(r).contains("permanent"));
    }

    @Test
    void aRelayKilledAfterTheProviderAcceptedDoesNotSendTwiceToAnIdempotentProvider() {
        outbox.queue(request(marco.id(), "c1"));
        Messages.Claim claim = dispatch.claim(10).get(0);
        MessageDispatch.Send send = (MessageDispatch.Send) dispatch.prepare(claim);
        sms.send(send.message()); // accepted, and the relay dies before recording it

        relayAll();
        assertThat(sms.received).as("leased: not taken again yet").hasSize(1);
        clock.advance(settings.lease().plusSeconds(1));
        relayAll();

        Message sent = only();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.schedule().attempts()).isEqualTo(2);
        assertThat(sms.received).extracting(OutgoingMessage::id).containsExactly(sent.id(), sent.id());
        assertThat(sms.delivered()).as("the provider recognised the repeat").isEqualTo(1);
    }

    @Test
    void tenCampaignsInADayLetTheCapThroughByPriority() {
        for (int priority = 1; priority <= 10; priority++) {
            outbox.queue(new MessageRequest(
                    marco.id(),
                    Optional.empty(),
                    "Campagna " + priority,
                    Map.of(),
                    false,
                    priority,
                    "campaign-" + priority));
        }

        relayAll();

        assertThat(messages.all())
                .filteredOn(m -> m.status() == MessageStatus.SENT)
                .extracting((Message m) -> m.routing().priority())
                .containsExactlyInAnyOrder(9, 10);
        assertThat(messages.all())
                .filteredOn(m -> m.status() == MessageStatus.SUPPRESSED)
                .hasSize(8)
                .allSatisfy(m -> assertThat(m.delivery().reason())
                        .hasValueSatisfying(r -> assertThat(r).contains("marketing pressure")));
    }

    /**
     * Judged in one batch (the relay claims all three at once), the third still sees the two slots
     * the first two took: the batch's pressure read is kept current with its own decisions.
     */
    @Test
    void oneBatchOfCampaignsOfOnePriorityKeepsTheCapAsOneByOne() {
        outbox.queue(request(marco.id(), "same-1"));
        outbox.queue(request(marco.id(), "same-2"));
        outbox.queue(request(marco.id(), "same-3"));

        assertThat(relay.relayOnce(10)).as("one batch").isEqualTo(3);

        assertThat(messages.all())
                .extracting(Message::status)
                .containsExactlyInAnyOrder(MessageStatus.SENT, MessageStatus.SENT, MessageStatus.SUPPRESSED);
    }

    /**
     * The batch's own judgement (not the one-by-one fallback): ten campaigns of one customer and one
     * message to a customer without consent claimed together; the customer whose messages reach the
     * pressure judgement locked once, the other not at all; each message judged, in the claims'
     * order, against the decisions taken before it in the batch, as one by one.
     */
    @Test
    void aBatchJudgesPressureFromOneReadLockingOnlyTheCustomersWhoReachIt() {
        Customer anna = enrolled(CustomerFixtures.aCustomer()
                .withFirstName("Anna")
                .withAPhone()
                .withPreferredChannel(PreferredChannel.SMS)
                .build());
        outbox.queue(request(anna.id(), "anna-1"));
        for (int priority = 1; priority <= 10; priority++) {
            outbox.queue(new MessageRequest(
                    marco.id(),
                    Optional.empty(),
                    "Campagna " + priority,
                    Map.of(),
                    false,
                    priority,
                    "campaign-" + priority));
        }

        List<Messages.Claim> claims = dispatch.claim(20);
        assertThat(claims).hasSize(11);
        List<MessageDispatch.Step> steps = dispatch.prepareAll(claims);

        assertThat(pressureLocks).containsExactly(Set.of(marco.id()));
        Map<UUID, MessageDispatch.Step> byId = new java.util.HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            byId.put(claims.get(i).id(), steps.get(i));
        }
        assertThat(messages.all())
                .filteredOn(m -> byId.get(m.id()) instanceof MessageDispatch.Send)
                .extracting((Message m) -> m.routing().priority())
                .containsExactlyInAnyOrder(9, 10);
        assertThat(messages.all())
                .filteredOn(m -> m.customerId().equals(marco.id()) && m.status() == MessageStatus.SUPPRESSED)
                .hasSize(8)
                .allSatisfy(m -> assertThat(m.delivery().reason())
                        .hasValueSatisfying(r -> assertThat(r).contains("marketing pressure")));
        assertThat(messages.all())
                .filteredOn(m -> m.customerId().equals(anna.id()))
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.SUPPRESSED));
    }

    /** Slots taken by an earlier batch count in the next one's single read. */
    @Test
    void aBatchCountsTheSlotsEarlierBatchesTook() {
        outbox.queue(request(marco.id(), "first-1"));
        outbox.queue(request(marco.id(), "first-2"));
        relayAll();
        outbox.queue(request(marco.id(), "second-1"));

        List<Messages.Claim> claims = dispatch.claim(10);
        assertThat(dispatch.prepareAll(claims)).singleElement().isEqualTo(new MessageDispatch.Settled("suppressed"));
        assertThat(messages.all())
                .extracting(Message::cause, Message::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("first-1", MessageStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple("first-2", MessageStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple("second-1", MessageStatus.SUPPRESSED));
    }

    @Test
    void transactionalMessagesTakeNoSlot() {
        outbox.queue(request(marco.id(), "m1"));
        outbox.queue(request(marco.id(), "m2"));
        relayAll();
        outbox.queue(new MessageRequest(marco.id(), Optional.empty(), "Ricevuta", Map.of(), true, 0, "t1"));
        outbox.queue(request(marco.id(), "m3"));
        relayAll();

        assertThat(messages.all())
                .extracting(Message::cause, Message::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m1", MessageStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple("m2", MessageStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple("t1", MessageStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple("m3", MessageStatus.SUPPRESSED));
    }

    @Test
    void quietHoursDeferMarketingToTheirEndInTheStoresZone() {
        settings.quietHours = Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)));
        clock.set(Instant.parse("2026-11-23T21:30:00Z")); // 22:30 in Rome
        outbox.queue(request(marco.id(), "c1"));

        relayAll();
        assertThat(only().status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(only().schedule().nextAttemptAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(steps(only())).containsExactly("QUEUED", "DEFERRED");

        clock.set(Instant.parse("2026-11-24T08:00:00Z"));
        relayAll();
        assertThat(only().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aPlaceholderWithoutValueMakesADeadLetterAtOnceNotAFailedTransaction() {
        outbox.queue(new MessageRequest(
                marco.id(), Optional.empty(), "Usa {couponCode} da {shop}", Map.of(), false, 0, "c1"));

        assertThat(only().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(only().delivery().reason()).contains("placeholders without a value: couponCode, shop");
    }

    @Test
    void aTillPrintWaitsForTheNextPurchaseThatDeliversIt() {
        outbox.queue(new MessageRequest(
                marco.id(),
                Optional.of(Channel.PRINT_AT_TILL),
                "{firstName}: -10% con {couponCode}",
                Map.of("couponCode", "K7P2QX9M4"),
                false,
                0,
                "c1"));
        relayAll();
        assertThat(only().status()).isEqualTo(MessageStatus.SENT);

        assertThat(inStore.waitingFor(marco.id(), "MI-001")).singleElement().satisfies(b -> assertThat(b.text())
                .isEqualTo("Marco: -10% con K7P2QX9M4"));
        assertThat(inStore.print(marco.id(), "MI-001", "purchase:p1")).hasSize(1);
        assertThat(only().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(inStore.waitingFor(marco.id(), "MI-001")).isEmpty();
    }

    @Test
    void aStaffCallIsOnTheStoresCallListUntilCalled() {
        outbox.queue(new MessageRequest(
                marco.id(), Optional.of(Channel.STAFF_CALL), "Crema: ricarica", Map.of(), false, 0, "c1"));
        relayAll();

        assertThat(inStore.callList("MI-001", Actor.terminal("till-1", "MI-001")))
                .singleElement()
                .satisfies(call -> assertThat(call.phone())
                        .isEqualTo(marco.phone().orElseThrow().value()));
        assertThatThrownBy(() -> inStore.callList("MI-001", Actor.terminal("till-1", "RM-002")))
                .isInstanceOf(dev.loyalty.domain.shared.AccessDeniedException.class);

        assertThatThrownBy(() -> inStore.called("MI-001", only().id(), "x", Actor.terminal("till-9", "RM-002")))
                .isInstanceOf(dev.loyalty.domain.shared.AccessDeniedException.class);
        assertThatThrownBy(() -> inStore.called("RM-002", only().id(), "x", Actor.terminal("till-9", "RM-002")))
                .isInstanceOf(MessageNotFoundException.class);
        assertThatThrownBy(() -> inStore.called("RM-002", only().id(), "x", Actor.admin("ops")))
                .isInstanceOf(MessageNotFoundException.class);
        assertThat(only().status()).isEqualTo(MessageStatus.SENT);

        inStore.called("MI-001", only().id(), "interested", Actor.admin("ops"));
        assertThat(only().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(inStore.callList("MI-001", Actor.admin("ops"))).isEmpty();
    }

    @Test
    void theCallListShowsOnlyAVerifiedPhoneTheOneBeforeAChangeNotConfirmedYetOrNoLine() {
        Customer giulia = enrolled(CustomerFixtures.aCustomer()
                .withFirstName("Giulia")
                .withPhone("+393330000001")
                .withConsent(MARKETING_SMS)
                .enrolledAt(dev.loyalty.domain.customer.EnrolmentChannel.STORE, "MI-001")
                .build());
        outbox.queue(new MessageRequest(
                marco.id(), Optional.of(Channel.STAFF_CALL), "Crema: ricarica", Map.of(), false, 0, "c1"));
        outbox.queue(new MessageRequest(
                giulia.id(), Optional.of(Channel.STAFF_CALL), "Crema: ricarica", Map.of(), false, 0, "c2"));
        relayAll();
        // both changed their phone in the app since: Marco had one verified before, Giulia had none
        UnverifiedContacts changed = id -> id.equals(marco.id())
                ? Map.of(dev.loyalty.domain.customer.ContactChannel.SMS, Optional.of("+393470000099"))
                : Map.of(dev.loyalty.domain.customer.ContactChannel.SMS, Optional.<String>empty());
        InStoreMessagesService verifying = new InStoreMessagesService(messages, customers, changed, settings, clock);

        assertThat(inStore.callList("MI-001", Actor.admin("ops")))
                .extracting(StaffCall::phone)
                .as("without pending verifications, the profile's numbers")
                .containsExactlyInAnyOrder(marco.phone().orElseThrow().value(), "+393330000001");
        assertThat(verifying.callList("MI-001", Actor.admin("ops")))
                .as("the number verified before the change, and no line for a customer with none verified")
                .singleElement()
                .satisfies(call -> {
                    assertThat(call.customerId()).isEqualTo(marco.id());
                    assertThat(call.phone()).isEqualTo("+393470000099");
                });
    }

    @Test
    void messagesGoToTheVerifiedContactUntilTheNewOneIsConfirmedExceptItsCode() {
        Customer elena = enrolled(CustomerFixtures.aCustomer()
                .withFirstName("Elena")
                .withEmail("elena.new@example.com")
                .withPreferredChannel(PreferredChannel.EMAIL)
                .withConsent(MARKETING_EMAIL)
                .enrolledAt(dev.loyalty.domain.customer.EnrolmentChannel.STORE, "MI-001")
                .build());
        Customer giulia = enrolled(CustomerFixtures.aCustomer()
                .withFirstName("Giulia")
                .withAPhone()
                .withEmail("giulia.new@example.com")
                .withPreferredChannel(PreferredChannel.EMAIL)
                .withConsent(MARKETING_EMAIL, MARKETING_SMS)
                .enrolledAt(dev.loyalty.domain.customer.EnrolmentChannel.STORE, "MI-001")
                .build());
        dev.loyalty.application.account.UnverifiedContacts unverified = id -> id.equals(elena.id())
                ? Map.of(dev.loyalty.domain.customer.ContactChannel.EMAIL, Optional.of("elena.old@example.com"))
                : Map.of(dev.loyalty.domain.customer.ContactChannel.EMAIL, Optional.<String>empty());
        OutboxService verifyingOutbox =
                new OutboxService(messages, customers, devices, templates, settings, clock, unverified);
        MessageRelay verifyingRelay = new MessageRelay(
                new MessageDispatch(messages, customers, devices, settings, tokens, clock, () -> 0.0, unverified),
                channel -> channel == Channel.SMS ? sms : email);

        verifyingOutbox.queue(new MessageRequest(elena.id(), Optional.empty(), "Novità", Map.of(), false, 0, "m1"));
        verifyingOutbox.queue(new MessageRequest(elena.id(), Optional.empty(), "Ricevuta", Map.of(), true, 0, "t1"));
        verifyingOutbox.queue(new MessageRequest(giulia.id(), Optional.empty(), "Novità", Map.of(), false, 0, "m2"));
        verifyingOutbox.queue(new MessageRequest(
                elena.id(),
                Optional.of(Channel.EMAIL),
                "Codice {code}",
                Map.of("code", "123456", OutboxService.VERIFY_CONTACT, "EMAIL"),
                true,
                0,
                "contact-verification:" + elena.id() + "/EMAIL/1"));
        verifyingOutbox.queue(new MessageRequest(
                elena.id(),
                Optional.of(Channel.EMAIL),
                "Not a code {code}",
                Map.of("code", "1", OutboxService.VERIFY_CONTACT, "EMAIL"),
                true,
                0,
                "rule:r1/event:e1"));
        while (verifyingRelay.relayOnce(10) > 0) {
            // drain
        }

        assertThat(email.received.stream().map(m -> m.text() + " -> " + m.address()))
                .containsExactlyInAnyOrder(
                        "Novità -> elena.old@example.com",
                        "Ricevuta -> elena.old@example.com",
                        "Codice 123456 -> elena.new@example.com",
                        "Not a code 1 -> elena.old@example.com");
        assertThat(sms.received)
                .as("Giulia's new e-mail is not verified and none was before: her SMS is used")
                .singleElement()
                .satisfies(m -> assertThat(m.address())
                        .isEqualTo(giulia.phone().orElseThrow().value()));
    }

    @Test
    void aDeliveryReportDeliversOrFailsASentMessage() {
        outbox.queue(request(marco.id(), "c1"));
        relayAll();

        assertThat(admin.report("SM-" + only().id(), true, "twilio: delivered"))
                .isEqualTo(DeliveryReportUseCase.Outcome.RECORDED);
        assertThat(only().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(admin.report("SM-unknown", true, "twilio: delivered"))
                .isEqualTo(DeliveryReportUseCase.Outcome.UNKNOWN_MESSAGE);
    }

    @Test
    void aReplayedOrBackwardReportChangesNothing() {
        outbox.queue(request(marco.id(), "c1"));
        outbox.queue(request(marco.id(), "c2"));
        relayAll();
        List<Message> sent = messages.all();
        String delivered = "SM-" + sent.get(0).id();
        String failed = "SM-" + sent.get(1).id();
        admin.report(delivered, true, "twilio: delivered");
        admin.report(failed, false, "twilio: undelivered, error code 30003");
        int before = messages.history(sent.get(0).id()).size()
                + messages.history(sent.get(1).id()).size();

        for (int i = 0; i < 3; i++) {
            assertThat(admin.report(delivered, true, "twilio: delivered"))
                    .isEqualTo(DeliveryReportUseCase.Outcome.REPLAYED);
            assertThat(admin.report(failed, false, "twilio: undelivered, error code 30003"))
                    .isEqualTo(DeliveryReportUseCase.Outcome.REPLAYED);
        }
        assertThat(admin.report(delivered, false, "twilio: undelivered, error code 30005"))
                .as("a failure after the delivery goes back on it")
                .isEqualTo(DeliveryReportUseCase.Outcome.REPLAYED);

        assertThat(messages.byId(sent.get(0).id()).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(messages.byId(sent.get(1).id()).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(messages.history(sent.get(0).id()).size()
                        + messages.history(sent.get(1).id()).size())
                .as("nothing appended to the history")
                .isEqualTo(before);
        assertThat(admin.report(failed, true, "twilio: delivered"))
                .as("a late delivery of a failed message is news, once")
                .isEqualTo(DeliveryReportUseCase.Outcome.RECORDED);
        assertThat(admin.report(failed, true, "twilio: delivered")).isEqualTo(DeliveryReportUseCase.Outcome.REPLAYED);
    }

    @Test
    void anUnsubscribeLinkWithdrawsItsConsentOnly() {
        UnsubscribeService unsubscribe = new UnsubscribeService(customers, event -> {}, settings, tokens, clock);
        String token = tokens.token(marco.id(), MARKETING_EMAIL);

        assertThat(unsubscribe.unsubscribe(token)).isEqualTo(MARKETING_EMAIL);

        Customer now = customers.byId(marco.id()).orElseThrow();
        assertThat(now.hasGranted(MARKETING_EMAIL)).isFalse();
        assertThat(now.hasGranted(MARKETING_SMS)).isTrue();
        assertThatThrownBy(() -> unsubscribe.unsubscribe("forged")).isInstanceOf(UnsubscribeLinkInvalidException.class);
    }

    @Test
    void marketingEmailCarriesAnUnsubscribeLink() {
        outbox.queue(new MessageRequest(marco.id(), Optional.of(Channel.EMAIL), "Novità", Map.of(), false, 0, "c1"));
        relayAll();

        assertThat(email.received).singleElement().satisfies(m -> assertThat(m.unsubscribeUrl())
                .hasValueSatisfying(
                        url -> assertThat(url).startsWith("https://loyalty.test/api/v1/unsubscribe?token=")));
    }

    @Test
    void aNamedTemplateIsTakenInTheCustomersLanguageElseTheProgrammesElseEnglish() {
        templates.save(new MessageTemplate("refill", "en", Optional.empty(), new MessageText("Hi {firstName}")));
        templates.save(new MessageTemplate("refill", "it", Optional.empty(), new MessageText("Ciao {firstName}")));
        templates.save(new MessageTemplate("refill", "de", Optional.empty(), new MessageText("Hallo {firstName}")));
        templates.save(new MessageTemplate("news", "en", Optional.empty(), new MessageText("News, {firstName}")));
        speaks(marco.id(), "de-CH");
        Customer lea = enrolled(CustomerFixtures.aCustomer()
                .withFirstName("Léa")
                .withAPhone()
                .withPreferredChannel(PreferredChannel.SMS)
                .withConsent(MARKETING_SMS)
                .build());
        speaks(lea.id(), "fr");

        outbox.queue(new MessageRequest(marco.id(), Optional.empty(), "@refill", Map.of(), true, 0, "c1"));
        outbox.queue(new MessageRequest(lea.id(), Optional.empty(), "@refill", Map.of(), true, 0, "c2"));
        outbox.queue(new MessageRequest(lea.id(), Optional.empty(), "@news", Map.of(), true, 0, "c3"));
        relayAll();

        assertThat(sms.received)
                .extracting(OutgoingMessage::text)
                .as("de-CH finds de; fr finds none and takes the programme's it; a template only in English")
                .containsExactly("Hallo Marco", "Ciao Léa", "News, Léa");
    }

    @Test
    void aPushTakesTheTemplateInTheLanguageOfTheAppsDeviceThenTheCustomersThenTheProgrammes() {
        templates.save(new MessageTemplate("points", "en", Optional.empty(), new MessageText("Points, {firstName}")));
        templates.save(new MessageTemplate("points", "de", Optional.empty(), new MessageText("Punkte, {firstName}")));
        templates.save(
                new MessageTemplate("points", "fr", Optional.empty(), new MessageText("Points fr, {firstName}")));
        templates.save(new MessageTemplate("points", "it", Optional.empty(), new MessageText("Punti, {firstName}")));
        Customer giulia = enrolled(CustomerFixtures.aCustomer()
                .withFirstName("Giulia")
                .withAPhone()
                .withPreferredChannel(PreferredChannel.PUSH)
                .withConsent(ConsentPurpose.MARKETING_PUSH, MARKETING_SMS)
                .build());
        speaks(giulia.id(), "de-CH");
        devices.register(
                new dev.loyalty.domain.device.Device(
                        new dev.loyalty.domain.device.DeviceToken("phone-token-fr-000001"),
                        giulia.id(),
                        dev.loyalty.domain.device.DevicePlatform.IOS,
                        Optional.of(dev.loyalty.domain.customer.LanguageTag.of("fr-CA", "language")),
                        Optional.empty(),
                        clock.instant()),
                dev.loyalty.domain.device.Device.MAX_PER_CUSTOMER);

        outbox.queue(new MessageRequest(giulia.id(), Optional.empty(), "@points", Map.of(), false, 0, "c1"));
        outbox.queue(new MessageRequest(giulia.id(), Optional.of(Channel.SMS), "@points", Map.of(), false, 0, "c2"));
        relayAll();

        assertThat(push.received)
                .extracting(OutgoingMessage::text)
                .as("the app runs in fr-CA: fr, before the customer's de")
                .containsExactly("Points fr, Giulia");
        assertThat(sms.received)
                .extracting(OutgoingMessage::text)
                .as("an SMS is not read in the app: the customer's language")
                .containsExactly("Punkte, Giulia");

        // a device that said no language: the customer's, as before
        devices.forget(java.util.List.of(new dev.loyalty.domain.device.DeviceToken("phone-token-fr-000001")));
        devices.add(giulia.id(), "phone-token-none-00001");
        // (transactional: the marketing-pressure caps would hold a third marketing message today)
        outbox.queue(new MessageRequest(giulia.id(), Optional.of(Channel.PUSH), "@points", Map.of(), true, 0, "c3"));
        relayAll();

        assertThat(push.received)
                .extracting(OutgoingMessage::text)
                .containsExactly("Points fr, Giulia", "Punkte, Giulia");
    }

    @Test
    void aPushGoesToEachDeviceAndAnUnregisteredDeviceIsForgotten() {
        Customer giulia = enrolled(CustomerFixtures.aCustomer()
                .withFirstName("Giulia")
                .withPreferredChannel(PreferredChannel.PUSH)
                .withConsent(ConsentPurpose.MARKETING_PUSH)
                .build());
        devices.add(giulia.id(), "phone-token-0000000001");
        devices.add(giulia.id(), "tablet-token-000000002");
        push.unregistered.add("tablet-token-000000002");

        outbox.queue(new MessageRequest(giulia.id(), Optional.empty(), "Ciao {firstName}", Map.of(), false, 0, "c1"));
        relayAll();

        Message sent = only();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(push.received)
                .extracting(OutgoingMessage::address)
                .containsExactlyInAnyOrder("phone-token-0000000001", "tablet-token-000000002");
        assertThat(push.received).allSatisfy(m -> assertThat(m.id()).isEqualTo(sent.id()));
        assertThat(devices.ofCustomer(giulia.id()))
                .extracting(d -> d.token().value())
                .containsExactly("phone-token-0000000001");
        assertThat(messages.history(sent.id()))
                .anySatisfy(h -> assertThat(h.status() + " " + h.detail())
                        .isEqualTo("DEVICE_GONE the push provider no longer knows device(s) [...000002]; 1 forgotten"))
                .noneSatisfy(h -> assertThat(h.detail()).contains("tablet-token"));

        // the last device unregistered: the push fails for good, and push is no channel any more
        push.unregistered.add("phone-token-0000000001");
        outbox.queue(new MessageRequest(giulia.id(), Optional.of(Channel.PUSH), "Ancora", Map.of(), true, 0, "c2"));
        relayAll();
        assertThat(messages.all().get(1).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(devices.ofCustomer(giulia.id())).isEmpty();
        MessageOutbox.Queued judged = outbox.queueJudged(
                new MessageRequest(giulia.id(), Optional.of(Channel.PUSH), "Di nuovo", Map.of(), true, 0, "c3"));
        assertThat(judged.unreachable()).hasValueSatisfying(r -> assertThat(r).contains("PUSH: no app device"));
        relayAll();
        assertThat(messages.all().get(2).status()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(messages.all().get(2).delivery().reason())
                .hasValueSatisfying(r -> assertThat(r).contains("PUSH: no app device registered"));
    }

    @Test
    void withoutADeviceAPushPreferenceFallsBackToTheNextChannel() {
        Customer sara = enrolled(CustomerFixtures.aCustomer()
                .withFirstName("Sara")
                .withAPhone()
                .withPreferredChannel(PreferredChannel.PUSH)
                .withConsent(ConsentPurpose.MARKETING_PUSH, MARKETING_SMS)
                .build());

        outbox.queue(new MessageRequest(sara.id(), Optional.empty(), "Ciao {firstName}", Map.of(), false, 0, "c1"));
        relayAll();

        assertThat(only().status()).isEqualTo(MessageStatus.SENT);
        assertThat(push.received).isEmpty();
        assertThat(sms.received).singleElement().satisfies(m -> assertThat(m.text())
                .isEqualTo("Ciao Sara"));
    }

    private void speaks(CustomerId id, String language) {
        Customer customer = customers.byId(id).orElseThrow();
        customer.updateProfile(
                ProfileUpdate.builder()
                        .consentEvidence("APP", "v1")
                        .language(dev.loyalty.domain.customer.LanguageTag.of(language, "language"))
                        .build(),
                clock.instant());
        customers.update(customer);
    }

    @Test
    void aNamedTemplateIsTakenInTheProgrammesLanguageWithItsSubject() {
        templates.save(new MessageTemplate(
                "welcome", "en", Optional.of("Welcome"), new MessageText("Hi {firstName}, {couponCode}")));
        templates.save(new MessageTemplate(
                "welcome",
                "it",
                Optional.of("Benvenuto {firstName}"),
                new MessageText("Ciao {firstName}, {couponCode}")));
        outbox.queue(new MessageRequest(
                marco.id(), Optional.of(Channel.EMAIL), "@welcome", Map.of("couponCode", "K7P2QX9M4"), false, 0, "c1"));
        outbox.queue(new MessageRequest(marco.id(), Optional.empty(), "@nothing", Map.of(), false, 0, "c2"));

        relayAll();

        assertThat(email.received).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Benvenuto Marco");
            assertThat(m.text()).isEqualTo("Ciao Marco, K7P2QX9M4");
        });
        assertThat(messages.all().get(1).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(messages.all().get(1).delivery().reason())
                .hasValueSatisfying(r -> assertThat(r).contains("nothing"));
    }

    @Test
    void aTemplateIsPreviewedWithExamplesForWhatIsNotGiven() {
        MessageTemplateService service = new MessageTemplateService(templates, settings);
        service.save(
                new MessageTemplate("refill", "it", Optional.empty(), new MessageText("{firstName}: {couponCode}")),
                Actor.admin("ops"));

        assertThat(service.preview("refill", "it", Map.of("firstName", "Elena"), Actor.admin("ops"))
                        .text())
                .isEqualTo("Elena: K7P2QX9M4");
        assertThatThrownBy(() -> service.preview("refill", "en", Map.of(), Actor.admin("ops")))
                .isInstanceOf(MessageTemplateNotFoundException.class);
    }

    @Test
    void aDraftIsPreviewedLikeASavedTemplateAndIsNotSaved() {
        MessageTemplateService service = new MessageTemplateService(templates, settings);
        MessageTemplate draft = new MessageTemplate(
                "draft", "it", Optional.of("Per {firstName}"), new MessageText("{firstName}: {couponCode}"));

        MessageTemplateUseCases.Preview preview =
                service.previewDraft(draft, Map.of("firstName", "Elena"), Actor.admin("ops"));

        assertThat(preview.subject()).contains("Per Elena");
        assertThat(preview.text()).isEqualTo("Elena: K7P2QX9M4");
        assertThat(service.all(Actor.admin("ops")))
                .extracting(MessageTemplate::name)
                .doesNotContain("draft");
        assertThatThrownBy(() -> service.previewDraft(draft, Map.of(), Actor.customer(marco.id())))
                .isInstanceOf(dev.loyalty.domain.shared.AccessDeniedException.class);
    }

    @Test
    void onlyTheConsoleReadsMessages() {
        assertThatThrownBy(() -> admin.ofCustomer(marco.id(), 10, Actor.customer(marco.id())))
                .isInstanceOf(dev.loyalty.domain.shared.AccessDeniedException.class);
    }

    private void withdraw(CustomerId id, ConsentPurpose purpose) {
        Customer customer = customers.byId(id).orElseThrow();
        customer.updateProfile(ProfileUpdate.withdrawal(purpose, "APP", "v1"), clock.instant());
        customers.update(customer);
    }

    /** A provider that fails when told and, like Twilio with an idempotency token, recognises a repeated id. */
    static final class FakeProvider implements MessageGateway {
        final List<OutgoingMessage> received = new ArrayList<>();
        final Set<UUID> accepted = new HashSet<>();
        final Deque<Boolean> failures = new ArrayDeque<>();
        final Set<String> unregistered = new HashSet<>();

        void failNext(int times, boolean retryable) {
            for (int i = 0; i < times; i++) {
                failures.add(retryable);
            }
        }

        int delivered() {
            return accepted.size();
        }

        @Override
        public Accepted send(OutgoingMessage message) {
            received.add(message);
            if (unregistered.contains(message.address())) {
                throw new AddressGoneException("HTTP 404 UNREGISTERED");
            }
            Boolean failure = failures.poll();
            if (failure != null) {
                throw new GatewayException("HTTP " + (failure ? 503 : 400), failure);
            }
            accepted.add(message.id());
            return new Accepted("SM-" + message.id(), "fake");
        }
    }

    static final class InMemoryTemplates implements MessageTemplates {
        final Map<String, MessageTemplate> stored = new java.util.TreeMap<>();

        @Override
        public void save(MessageTemplate template) {
            stored.put(template.name() + "/" + template.language(), template);
        }

        @Override
        public Optional<MessageTemplate> find(String name, String language) {
            return Optional.ofNullable(stored.get(name + "/" + language));
        }

        @Override
        public List<MessageTemplate> all() {
            return List.copyOf(stored.values());
        }
    }

    /** Tokens that are the customer and the purpose in clear: signing is the adapter's, tested there. */
    static final class FakeTokens implements UnsubscribeTokens {
        @Override
        public String token(CustomerId customerId, ConsentPurpose purpose) {
            return customerId + ":" + purpose;
        }

        @Override
        public Subject verify(String token) {
            String[] parts = token.split(":");
            if (parts.length != 2) {
                throw new UnsubscribeLinkInvalidException();
            }
            return new Subject(CustomerId.parse(parts[0]), ConsentPurpose.valueOf(parts[1]));
        }
    }

    static final class TestSettings implements MessagingSettings {
        Optional<QuietHours> quietHours = Optional.empty();

        @Override
        public RetrySchedule retrySchedule() {
            return new RetrySchedule(Duration.ofSeconds(2), Duration.ofMinutes(1), 4);
        }

        @Override
        public Duration lease() {
            return Duration.ofSeconds(60);
        }

        @Override
        public ChannelChoice channelChoice() {
            return new ChannelChoice(List.of(Channel.EMAIL, Channel.SMS, Channel.PUSH));
        }

        @Override
        public MarketingPressurePolicy pressure() {
            return new MarketingPressurePolicy(List.of(
                    new PressureCap(Optional.empty(), Duration.ofDays(7), 2),
                    new PressureCap(Optional.empty(), Duration.ofDays(30), 6)));
        }

        @Override
        public Optional<QuietHours> quietHours() {
            return quietHours;
        }

        @Override
        public ZoneId zoneOf(Optional<String> storeId) {
            return ZoneId.of("Europe/Rome");
        }

        @Override
        public String appLink() {
            return "https://loyalty.test/app";
        }

        @Override
        public String subject() {
            return "News";
        }

        @Override
        public Optional<String> publicBaseUrl() {
            return Optional.of("https://loyalty.test");
        }

        @Override
        public String language() {
            return "it";
        }

        @Override
        public String consentTextVersion() {
            return "v1";
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
