package dev.loyalty.domain.customer;

import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_EMAIL;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_PUSH;
import static dev.loyalty.domain.customer.ConsentPurpose.MARKETING_SMS;
import static dev.loyalty.domain.customer.ConsentPurpose.PROFILING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentsTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private static ConsentEvidence evidence(ConsentPurpose purpose, boolean granted, int minutes) {
        return new ConsentEvidence(purpose, granted, T0.plusSeconds(60L * minutes), "APP", "v1");
    }

    @Test
    void choicesAnswerPerPurpose() {
        ConsentChoices choices = new ConsentChoices(true, false, true, false);
        assertThat(choices.granted(MARKETING_EMAIL)).isTrue();
        assertThat(choices.granted(MARKETING_SMS)).isFalse();
        assertThat(choices.granted(MARKETING_PUSH)).isTrue();
        assertThat(choices.granted(PROFILING)).isFalse();
        assertThat(ConsentChoices.none()).isEqualTo(new ConsentChoices(false, false, false, false));
        assertThat(ConsentChoices.granting(MARKETING_SMS, PROFILING))
                .isEqualTo(new ConsentChoices(false, true, false, true));
    }

    @Test
    void noEvidenceMeansNothingGranted() {
        Consents consents = Consents.from(List.of());
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            assertThat(consents.isGranted(purpose)).isFalse();
            assertThat(consents.latest(purpose)).isEmpty();
        }
        assertThat(consents.current()).isEqualTo(ConsentChoices.none());
    }

    @Test
    void latestDecisionPerPurposeWins() {
        Consents consents = Consents.from(List.of(
                evidence(MARKETING_SMS, true, 0),
                evidence(MARKETING_EMAIL, true, 0),
                evidence(MARKETING_SMS, false, 5),
                evidence(PROFILING, false, 5),
                evidence(PROFILING, true, 9)));
        assertThat(consents.isGranted(MARKETING_SMS)).isFalse();
        assertThat(consents.isGranted(MARKETING_EMAIL)).isTrue();
        assertThat(consents.isGranted(PROFILING)).isTrue();
        assertThat(consents.isGranted(MARKETING_PUSH)).isFalse();
        assertThat(consents.current()).isEqualTo(new ConsentChoices(true, false, false, true));
        assertThat(consents.latest(PROFILING)).contains(evidence(PROFILING, true, 9));
    }

    @Test
    void evidenceRequiresPurposeInstantSourceAndTextVersion() {
        assertThatThrownBy(() -> new ConsentEvidence(null, true, T0, "APP", "v1"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("purpose"));
        assertThatThrownBy(() -> new ConsentEvidence(PROFILING, true, null, "APP", "v1"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("recordedAt"));
        assertThatThrownBy(() -> new ConsentEvidence(PROFILING, true, T0, " ", "v1"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("consentSource"));
        assertThatThrownBy(() -> new ConsentEvidence(PROFILING, true, T0, "APP", null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("consentTextVersion"));
        assertThatThrownBy(() -> new ConsentEvidence(PROFILING, true, T0, "x".repeat(101), "v1"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void evidenceKeepsItsSource() {
        ConsentEvidence evidence = new ConsentEvidence(MARKETING_SMS, true, T0, "STORE:S001", "v3");
        assertThat(evidence.source()).isEqualTo("STORE:S001");
        assertThat(evidence.textVersion()).isEqualTo("v3");
    }
}
