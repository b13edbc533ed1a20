package dev.loyalty.domain.segment;

import dev.loyalty.domain.customer.ConsentPurpose;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A segment's condition: an immutable tree of the language's nodes, built only by {@link
 * ConditionParser} (which checks the limits) or by tests. Every node is true or false for every
 * customer: a metric the customer has no value for makes its comparison false, and {@code not}
 * is the plain complement.
 */
public sealed interface Condition
        permits Condition.All,
                Condition.Any,
                Condition.Not,
                Condition.MetricIs,
                Condition.Bought,
                Condition.AttributeIn,
                Condition.HasConsent,
                Condition.InTier,
                Condition.Answered,
                Condition.InSegment {

    /** @return the canonical JSON of this condition */
    default String toJson() {
        return ConditionWriter.write(this);
    }

    /** Every one holds. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one holds. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /**
     * A metric compared with a value, both in the metric's stored unit (cents, hundredths, ppm).
     *
     * @param metric the metric
     * @param category the category of {@code categoryShare}, empty for the others
     * @param op the comparison
     * @param from the value (the lower end of {@code between})
     * @param to the upper end of {@code between}; {@code from} for the others
     */
    record MetricIs(Metric metric, Optional<String> category, Comparison op, long from, long to) implements Condition {
        public MetricIs {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(op, "op");
            if ((metric == Metric.CATEGORY_SHARE) != category.isPresent()) {
                throw new IllegalArgumentException("categoryShare, and only it, names a category");
            }
            if (op != Comparison.BETWEEN && from != to) {
                throw new IllegalArgumentException("only between has two values");
            }
        }
    }

    /** What {@link Bought} asks about: a category or a single SKU. */
    enum Item {
        CATEGORY,
        SKU
    }

    /**
     * A purchase of a category or SKU (a line not given back in full).
     *
     * @param item category or SKU
     * @param value its id
     * @param daysAgo when: from and to whole days ago, both included; empty: ever
     * @param notSince with {@code daysAgo}: and not since (the last purchase of it is in the window)
     */
    record Bought(Item item, String value, Optional<DayRange> daysAgo, boolean notSince) implements Condition {
        public Bought {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(value, "value");
            if (notSince && daysAgo.isEmpty()) {
                throw new IllegalArgumentException("notSince needs betweenDaysAgo");
            }
        }
    }

    /**
     * A window of days before the evaluation instant: the instants from {@code to} days before it up
     * to {@code from} days before it, both included.
     */
    record DayRange(int from, int to) {
        public DayRange {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("0 <= from <= to");
            }
        }
    }

    /**
     * A profile attribute among values (compared without regard to case; age bands by label).
     *
     * @param attribute the attribute
     * @param values the values it may have, at least one
     */
    record AttributeIn(Attribute attribute, Set<String> values) implements Condition {
        public AttributeIn {
            Objects.requireNonNull(attribute, "attribute");
            values = Set.copyOf(new TreeSet<>(values));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("at least one value");
            }
        }
    }

    /** The consent in force for the purpose (the latest decision) is granted. */
    record HasConsent(ConsentPurpose purpose) implements Condition {
        public HasConsent {
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /** The customer's tier is this one (a customer without a standing is in the first tier). */
    record InTier(String tier) implements Condition {
        public InTier {
            Objects.requireNonNull(tier, "tier");
        }
    }

    /** The customer's current answer to the question is one of the values. */
    record Answered(String question, Set<String> values) implements Condition {
        public Answered {
            Objects.requireNonNull(question, "question");
            values = Set.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("at least one value");
            }
        }
    }

    /** The customer is in another saved segment (by its condition now). */
    record InSegment(SegmentId segment) implements Condition {
        public InSegment {
            Objects.requireNonNull(segment, "segment");
        }
    }
}
