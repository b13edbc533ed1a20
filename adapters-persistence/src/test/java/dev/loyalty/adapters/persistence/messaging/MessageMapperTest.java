package dev.loyalty.adapters.persistence.messaging;

import static dev.loyalty.domain.messaging.MessageFixtures.QUEUED_AT;
import static dev.loyalty.domain.messaging.MessageFixtures.aMessageIn;
import static dev.loyalty.domain.messaging.MessageFixtures.aQueuedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.Message;
import dev.loyalty.domain.messaging.MessageKind;
import dev.loyalty.domain.messaging.MessageStatus;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mapping between the Message aggregate and its row, without a database. */
class MessageMapperTest {

    @ParameterizedTest
    @EnumSource(MessageStatus.class)
    void aMessageSurvivesTheRoundTripThroughItsRowInEveryStatus(MessageStatus status) {
        Message message = aMessageIn(status);

        Message back = MessageMapper.toDomain(MessageMapper.toRow(message));

        assertThat(back).usingRecursiveComparison().isEqualTo(message);
    }

    @Test
    void aMessageWithEverythingSetSurvivesTheRoundTripThroughTheColumnsAsTheDriverGivesThem() {
        Message message = aQueuedMessage();
        message.chooseChannel(Channel.EMAIL);
        message.countAgainstPressure(QUEUED_AT.plusSeconds(1));
        message.attempt();
        message.retryAt(QUEUED_AT.plusSeconds(30), "attempt 1 failed: HTTP 503");
        message.attempt();
        message.acceptedBy("SM-42", QUEUED_AT.plusSeconds(31));
        Object[] columns = MessageMapper.toRow(message).values();
        // MariaDB's driver hands DATETIME columns over as Timestamp, EclipseLink may as LocalDateTime
        columns[14] = Timestamp.valueOf((LocalDateTime) columns[14]);

        Message back = MessageMapper.toDomain(MessageRow.read(columns));

        assertThat(back).usingRecursiveComparison().isEqualTo(message);
    }

    @Test
    void theRowHoldsNamesTextAndUtcWallClockTimesAndNullsForWhatIsAbsent() {
        UUID id = UUID.randomUUID();
        CustomerId customer = CustomerId.newId();
        Message message = Message.queue(
                id,
                customer,
                "rule:r1/event:e1",
                new Message.Routing(MessageKind.TRANSACTIONAL, 7, Optional.empty(), Optional.empty()),
                new Message.Content("Ciao {firstName}", Map.of("b", "2 & 3", "a", "è=1")),
                Optional.empty(),
                QUEUED_AT);

        MessageRow row = MessageMapper.toRow(message);

        assertThat(row)
                .isEqualTo(new MessageRow(
                        id.toString(),
                        customer.toString(),
                        "rule:r1/event:e1",
                        null,
                        null,
                        "TRANSACTIONAL",
                        7,
                        "Ciao {firstName}",
                        "a=%C3%A8%3D1&b=2+%26+3",
                        null,
                        "QUEUED",
                        null,
                        0,
                        0,
                        LocalDateTime.of(2026, 11, 23, 10, 0),
                        null,
                        null,
                        LocalDateTime.of(2026, 11, 23, 10, 0),
                        null));
        assertThat(row.values()).hasSize(MessageRow.COLUMNS.split(",").length);
    }

    @Test
    void placeholderValuesComeBackAsWrittenAndNoneIsAnEmptyColumn() {
        Map<String, String> values = Map.of("couponCode", "K7P&2=Q X", "storeName", "Milano è bella", "empty", "");

        assertThat(MessageMapper.decode(MessageMapper.encode(values))).isEqualTo(values);
        assertThat(MessageMapper.encode(Map.of())).isEmpty();
        assertThat(MessageMapper.decode(null)).isEmpty();
        assertThat(MessageMapper.decode("")).isEmpty();
    }
}
