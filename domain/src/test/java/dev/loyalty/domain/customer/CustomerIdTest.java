package dev.loyalty.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerIdTest {

    @Test
    void parsesAndPrintsTheUuid() {
        String text = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        CustomerId id = CustomerId.parse(text);
        assertThat(id.value()).isEqualTo(UUID.fromString(text));
        assertThat(id).hasToString(text);
        assertThat(CustomerId.parse(" 3F2504E0-4F89-11D3-9A0C-0305E82C3301 ")).isEqualTo(id);
    }

    @Test
    void newIdsAreDistinct() {
        assertThat(CustomerId.newId()).isNotEqualTo(CustomerId.newId());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "abc",
                "1-1-1-1-1",
                "3f2504e0-4f89-11d3-9a0c-0305e82c330",
                "3f2504e0x4f89-11d3-9a0c-0305e82c3301"
            })
    void rejectsWhatIsNotAUuid(String raw) {
        assertThatThrownBy(() -> CustomerId.parse(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new CustomerId(null)).isInstanceOf(InvalidValueException.class);
    }
}
