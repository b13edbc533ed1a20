package dev.loyalty.domain.rule;

import dev.loyalty.domain.activity.ActivityFixtures;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.shared.Points;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Test data builders for rules, shared with the other modules through the test-jar:
 * {@code aRule().on(PURCHASE_RECORDED).when(conditions().minAmount(5000)).build()}. Defaults: an
 * ACTIVE rule "Welcome app" on {@code APP_INSTALLED}, version 1, no conditions, awarding 100
 * points.
 */
public final class RuleFixtures {

    /** The default action: 100 points. */
    public static final RuleAction HUNDRED_POINTS = new RuleAction.AwardPoints(Points.of(100));

    private RuleFixtures() {}

    /** @return a builder of an active rule */
    public static RuleBuilder aRule() {
        return new RuleBuilder();
    }

    /** @return a builder of conditions, none set */
    public static ConditionsBuilder conditions() {
        return new ConditionsBuilder();
    }

    /** Builds a {@link Rule}; every setter returns the builder. */
    public static final class RuleBuilder {
        private RuleId id = RuleId.newId();
        private String name = "Welcome app";
        private EventType on = ActivityFixtures.APP_INSTALLED;
        private RuleConditions conditions = RuleConditions.NONE;
        private List<RuleAction> actions = List.of(HUNDRED_POINTS);
        private RuleStatus status = RuleStatus.ACTIVE;
        private long version = 1;

        private RuleBuilder() {}

        /** @param value identity @return this */
        public RuleBuilder withId(RuleId value) {
            this.id = value;
            return this;
        }

        /** @param value name @return this */
        public RuleBuilder named(String value) {
            this.name = value;
            return this;
        }

        /** @param value the triggering event type @return this */
        public RuleBuilder on(EventType value) {
            this.on = value;
            return this;
        }

        /** @param value the conditions @return this */
        public RuleBuilder when(RuleConditions value) {
            this.conditions = value;
            return this;
        }

        /** @param value the conditions @return this */
        public RuleBuilder when(ConditionsBuilder value) {
            return when(value.build());
        }

        /** @param values the actions @return this */
        public RuleBuilder doing(RuleAction... values) {
            this.actions = List.of(values);
            return this;
        }

        /** @param value status @return this */
        public RuleBuilder withStatus(RuleStatus value) {
            this.status = value;
            return this;
        }

        /** @param value version @return this */
        public RuleBuilder atVersion(long value) {
            this.version = value;
            return this;
        }

        /** @return the rule (validated by its constructor) */
        public Rule build() {
            return new Rule(id, name, on, conditions, actions, status, version);
        }
    }

    /** Builds {@link RuleConditions}; every setter returns the builder. */
    public static final class ConditionsBuilder {
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Set<String> storeIds = Set.of();
        private Set<String> channels = Set.of();
        private Set<String> categories = Set.of();
        private Optional<Long> minAmount = Optional.empty();
        private Set<ConsentPurpose> consents = Set.of();
        private Set<EnrolmentChannel> enrolmentChannels = Set.of();
        private Optional<Instant> activeFrom = Optional.empty();
        private Optional<Instant> activeUntil = Optional.empty();
        private boolean oncePerCustomer;

        private ConditionsBuilder() {}

        /**
         * @param name an attribute
         * @param value the value it must have
         * @return this
         */
        public ConditionsBuilder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        /** @param values the stores @return this */
        public ConditionsBuilder storeIds(String... values) {
            this.storeIds = Set.of(values);
            return this;
        }

        /** @param values the channels @return this */
        public ConditionsBuilder channels(String... values) {
            this.channels = Set.of(values);
            return this;
        }

        /** @param values the categories @return this */
        public ConditionsBuilder categories(String... values) {
            this.categories = Set.of(values);
            return this;
        }

        /** @param cents the minimum net @return this */
        public ConditionsBuilder minAmount(long cents) {
            this.minAmount = Optional.of(cents);
            return this;
        }

        /** @param values the consents required @return this */
        public ConditionsBuilder consents(ConsentPurpose... values) {
            this.consents = Set.of(values);
            return this;
        }

        /** @param values the enrolment channels @return this */
        public ConditionsBuilder enrolmentChannels(EnrolmentChannel... values) {
            this.enrolmentChannels = Set.of(values);
            return this;
        }

        /** @param value window start, inclusive @return this */
        public ConditionsBuilder activeFrom(Instant value) {
            this.activeFrom = Optional.of(value);
            return this;
        }

        /** @param value window end, exclusive @return this */
        public ConditionsBuilder activeUntil(Instant value) {
            this.activeUntil = Optional.of(value);
            return this;
        }

        /** @return this, firing once per customer */
        public ConditionsBuilder oncePerCustomer() {
            this.oncePerCustomer = true;
            return this;
        }

        /** @return the conditions (validated by their constructor) */
        public RuleConditions build() {
            return new RuleConditions(
                    attributes,
                    storeIds,
                    channels,
                    categories,
                    minAmount,
                    consents,
                    enrolmentChannels,
                    activeFrom,
                    activeUntil,
                    oncePerCustomer);
        }
    }
}
