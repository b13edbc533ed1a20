package dev.loyalty.domain.messaging;

import static dev.loyalty.domain.messaging.MessageFixtures.QUEUED_AT;
import static dev.loyalty.domain.messaging.MessageFixtures.aMessageIn;
import static dev.loyalty.domain.messaging.MessageFixtures.aQueuedMessage;
import static dev.loyalty.domain.messaging.MessageStatus.DELIVERED;
import static dev.loyalty.domain.messaging.MessageStatus.FAILED;
import static dev.loyalty.domain.messaging.MessageStatus.QUEUED;
import static dev.loyalty.domain.messaging.MessageStatus.SENT;
import static dev.loyalty.domain.messaging.MessageStatus.SUPPRESSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageTest {

    static final Instant LATER = QUEUED_AT.plusSeconds(300);

    /**
     * Every step of a message: its name, what it does, the statuses it starts from and the status
     * it ends in (empty: the status it started from).
     */
    record Transition(String name, Consumer<Message> step, Set<MessageStatus> from, Optional<MessageStatus> to) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Transition> TRANSITIONS = List.of(
            new Transition(
                    "choose a channel", m -> m.chooseChannel(Channel.EMAIL), EnumSet.of(QUEUED), Optional.empty()),
            new Transition("defer", m -> m.deferUntil(LATER), EnumSet.of(QUEUED), Optional.empty()),
            new Transition(
                    "count against pressure", m -> m.countAgainstPressure(LATER), EnumSet.of(QUEUED), Optional.empty()),
            new Transition("attempt", Message::attempt, EnumSet.of(QUEUED), Optional.empty()),
            new Transition(
                    "retry",
                    m -> m.retryAt(LATER, "attempt 1 failed: timeout"),
                    EnumSet.of(QUEUED),
                    Optional.of(QUEUED)),
            new Transition("send", m -> m.acceptedBy("SM-9", LATER), EnumSet.of(QUEUED), Optional.of(SENT)),
            new Transition("send", m -> m.holdInStore(LATER), EnumSet.of(QUEUED), Optional.of(SENT)),
            new Transition("deliver", Message::deliver, EnumSet.of(SENT), Optional.of(DELIVERED)),
            new Transition("suppress", m -> m.suppress("quiet"), EnumSet.of(QUEUED), Optional.of(SUPPRESSED)),
            new Transition("fail", m -> m.fail("permanent"), EnumSet.of(QUEUED, SENT), Optional.of(FAILED)),
            new Transition("queue again", m -> m.requeue(LATER), EnumSet.of(FAILED), Optional.of(QUEUED)));

    static Stream<Arguments> legal() {
        List<Arguments> cases = new ArrayList<>();
        for (Transition t : TRANSITIONS) {
            for (MessageStatus from : t.from()) {
                cases.add(Arguments.of(t, from));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> illegal() {
        List<Arguments> cases = new ArrayList<>();
        for (Transition t : TRANSITIONS) {
            for (MessageStatus from : EnumSet.complementOf(EnumSet.copyOf(t.from()))) {
                cases.add(Arguments.of(t, from));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("legal")
    void aLegalStepTakesTheMessageWhereItSays(Transition transition, MessageStatus from) {
        Message message = aMessageIn(from);

        transition.step().accept(message);

        assertThat(message.status()).isEqualTo(transition.to().orElse(from));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("illegal")
    void anIllegalStepIsRefusedAndChangesNothing(Transition transition, MessageStatus from) {
        Message message = aMessageIn(from);
        Message.Delivery delivery = message.delivery();
        Message.Schedule schedule = message.schedule();

        assertThatThrownBy(() -> transition.step().accept(message))
                .isInstanceOfSatisfying(MessageTransitionIllegalException.class, e -> {
                    assertThat(e.code()).isEqualTo("message-transition-illegal");
                    assertThat(e.messageId()).isEqualTo(message.id());
                    assertThat(e.status()).isEqualTo(from);
                    assertThat(e.transition()).isEqualTo(transition.name());
                    assertThat(e.allowedFrom()).isEqualTo(transition.from());
                    assertThat(e.getMessage())
                            .isEqualTo("message " + message.id() + " is " + from + "; " + transition.name()
                                    + " needs it " + transition.from());
                });
        assertThat(message.delivery()).isEqualTo(delivery);
        assertThat(message.schedule()).isEqualTo(schedule);
    }

    @Test
    void everyStatusButTheEndsHasAWayOut() {
        Set<MessageStatus> left = EnumSet.noneOf(MessageStatus.class);
        TRANSITIONS.stream().filter(t -> t.to().isPresent()).forEach(t -> left.addAll(t.from()));

        assertThat(left).containsExactlyInAnyOrder(QUEUED, SENT, FAILED);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(left))).allMatch(MessageStatus::isFinal);
    }

    @Test
    void aQueuedMessageIsDueAtOnceWithNothingTriedYet() {
        CustomerId customer = CustomerId.newId();
        UUID id = UUID.randomUUID();
        Message.Routing routing = new Message.Routing(MessageKind.TRANSACTIONAL, 0, Optional.empty(), Optional.empty());
        Message.Content content = new Message.Content("Ciao {firstName}", Map.of());

        Message message = Message.queue(id, customer, "c1", routing, content, Optional.of(Channel.PUSH), QUEUED_AT);

        assertThat(message.id()).isEqualTo(id);
        assertThat(message.customerId()).isEqualTo(customer);
        assertThat(message.cause()).isEqualTo("c1");
        assertThat(message.createdAt()).isEqualTo(QUEUED_AT);
        assertThat(message.routing()).isEqualTo(routing);
        assertThat(message.content()).isEqualTo(content);
        assertThat(message.delivery())
                .isEqualTo(new Message.Delivery(
                        QUEUED, Optional.of(Channel.PUSH), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(message.schedule()).isEqualTo(new Message.Schedule(0, 0, QUEUED_AT, Optional.empty()));
    }

    @Test
    void aDeadLetterIsFailedFromTheStartWithItsReason() {
        Message message = Message.deadLetter(
                UUID.randomUUID(),
                CustomerId.newId(),
                "c1",
                new Message.Routing(MessageKind.MARKETING, 0, Optional.empty(), Optional.empty()),
                new Message.Content("{shop}", Map.of()),
                Optional.empty(),
                "placeholders without a value: shop",
                QUEUED_AT);

        assertThat(message.status()).isEqualTo(FAILED);
        assertThat(message.delivery().reason()).contains("placeholders without a value: shop");
        assertThat(message.schedule().nextAttemptAt()).isEqualTo(QUEUED_AT);
    }

    @Test
    void theRelaysBookkeepingMovesWithTheSteps() {
        Message message = aQueuedMessage();

        message.chooseChannel(Channel.EMAIL);
        message.countAgainstPressure(QUEUED_AT);
        assertThat(message.attempt()).isEqualTo(1);
        message.retryAt(LATER, "attempt 1 failed: timeout");
        assertThat(message.attempt()).isEqualTo(2);
        message.deferUntil(LATER.plusSeconds(1));

        assertThat(message.delivery().channel()).contains(Channel.EMAIL);
        assertThat(message.delivery().reason()).contains("attempt 1 failed: timeout");
        assertThat(message.schedule())
                .isEqualTo(new Message.Schedule(2, 0, LATER.plusSeconds(1), Optional.of(QUEUED_AT)));
    }

    @Test
    void sendingClearsTheReasonAndRemembersWhenAndTheProvidersId() {
        Message accepted = aQueuedMessage();
        accepted.retryAt(LATER, "attempt 1 failed: timeout");
        accepted.acceptedBy("SM-9", LATER);
        Message held = aQueuedMessage();
        held.holdInStore(LATER);

        assertThat(accepted.delivery().reason()).isEmpty();
        assertThat(accepted.delivery().providerId()).contains("SM-9");
        assertThat(accepted.delivery().sentAt()).contains(LATER);
        assertThat(held.delivery().providerId()).isEmpty();
        assertThat(held.delivery().sentAt()).contains(LATER);
    }

    @Test
    void deliveryClearsTheReasonAndSuppressionAndFailureGiveOne() {
        Message delivered = aMessageIn(SENT);
        delivered.deliver();
        Message suppressed = aQueuedMessage();
        suppressed.suppress("marketing pressure: 2 per week");
        Message reported = aMessageIn(SENT);
        reported.fail("undelivered: 30003");

        assertThat(delivered.delivery().reason()).isEmpty();
        assertThat(suppressed.delivery().reason()).contains("marketing pressure: 2 per week");
        assertThat(reported.delivery().reason()).contains("undelivered: 30003");
        assertThat(reported.delivery().providerId()).contains("SM-1");
    }

    @Test
    void aDeadLetterQueuedAgainIsDueNowWithEveryAttemptAvailable() {
        Message message = aQueuedMessage();
        message.countAgainstPressure(QUEUED_AT);
        message.attempt();
        message.fail("attempt 1 failed: 21211 (permanent)");

        message.requeue(LATER);

        assertThat(message.status()).isEqualTo(QUEUED);
        assertThat(message.delivery().reason()).isEmpty();
        assertThat(message.schedule()).isEqualTo(new Message.Schedule(0, 0, LATER, Optional.of(QUEUED_AT)));
    }

    @Test
    void aLongReasonIsCut() {
        Message message = aQueuedMessage();

        message.suppress("x".repeat(Message.MAX_REASON + 10));

        assertThat(message.delivery().reason())
                .hasValueSatisfying(r -> assertThat(r).hasSize(Message.MAX_REASON));
    }

    @Test
    void aStoredMessageComesBackAsStored() {
        Message original = aMessageIn(SENT);

        Message back = Message.reconstitute(
                original.id(),
                original.customerId(),
                original.cause(),
                original.createdAt(),
                original.routing(),
                original.content(),
                original.delivery(),
                original.schedule());

        assertThat(back).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Message.Schedule(-1, 0, QUEUED_AT, Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Message.Schedule(0, -1, QUEUED_AT, Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Message.Content(null, Map.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Message.Routing(null, 0, Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> aQueuedMessage().suppress(null)).isInstanceOf(NullPointerException.class);
    }
}
