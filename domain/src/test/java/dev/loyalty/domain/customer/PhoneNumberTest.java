package dev.loyalty.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+393471234567", "+1234567", "+123456789012345", "+14155552671"})
    void acceptsE164(String raw) {
        assertThat(PhoneNumber.of(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {" +393471234567", "+393471234567  "})
    void trimsOnly(String raw) {
        assertThat(PhoneNumber.of(raw).value()).isEqualTo("+393471234567");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "393471234567",
                "+0393471234567",
                "+123456",
                "+1234567890123456",
                "+39 347 1234567",
                "+39-347-1234567",
                "0039347123456",
                "+39347123456a",
                "++393471234567"
            })
    void rejectsWhatIsNotE164(String raw) {
        assertThatThrownBy(() -> PhoneNumber.of(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }
}
