package dev.loyalty.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void keepsItsOwnCopyOfTheReasons() {
        List<String> reasons = new ArrayList<>(List.of("the rule is PAUSED"));
        Decision decision = new Decision(false, reasons);

        reasons.add("later");

        assertThat(decision.reasons()).containsExactly("the rule is PAUSED");
        assertThatThrownBy(() -> decision.reasons().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void customerFactsRequireTheCustomer() {
        assertThatThrownBy(() -> new CustomerFacts(null, false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("customer");
    }
}
