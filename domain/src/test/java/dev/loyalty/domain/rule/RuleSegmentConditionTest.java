package dev.loyalty.domain.rule;

import static dev.loyalty.domain.activity.ActivityFixtures.anActivity;
import static dev.loyalty.domain.customer.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RuleSegmentConditionTest {

    private static final SegmentId LAPSING = SegmentId.newId();
    private static final SegmentId SMS = SegmentId.newId();

    private static RuleConditions inSegments(Set<SegmentId> segments) {
        return new RuleConditions(
                Map.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Optional.empty(),
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                false,
                segments);
    }

    @Test
    void the_customer_must_be_in_every_segment_named() {
        RuleConditions conditions = inSegments(Set.of(LAPSING, SMS));
        assertThat(conditions.unmet(
                        anActivity().build(), new CustomerFacts(aCustomer().build(), false, Set.of(LAPSING, SMS))))
                .isEmpty();
        assertThat(conditions.unmet(
                        anActivity().build(), new CustomerFacts(aCustomer().build(), false, Set.of(LAPSING))))
                .containsExactly("the customer is not in segment " + SMS);
    }

    @Test
    void rules_without_segments_are_as_before() {
        assertThat(RuleConditions.NONE.segments()).isEmpty();
        assertThat(RuleConditions.NONE.unmet(
                        anActivity().build(), new CustomerFacts(aCustomer().build(), false)))
                .isEmpty();
    }

    @Test
    void at_most_ten_segments() {
        Set<SegmentId> eleven =
                IntStream.range(0, 11).mapToObj(i -> SegmentId.newId()).collect(Collectors.toSet());
        assertThatThrownBy(() -> inSegments(eleven))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("conditions.segments"));
    }
}
