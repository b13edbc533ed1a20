package dev.loyalty.domain.activity;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data builders for activities, shared with the other modules through the test-jar:
 * {@code aPurchase().withNet(5000).withCategories("wine").build()}. Defaults: an
 * {@code APP_INSTALLED} event {@code e-1} of a fresh customer at {@link #OCCURRED_AT}, no store,
 * no attributes.
 */
public final class ActivityFixtures {

    /** The default instant an activity occurred at. */
    public static final Instant OCCURRED_AT = Instant.parse("2025-05-10T10:00:00Z");
    /** The default event type, one an integration may post. */
    public static final EventType APP_INSTALLED = new EventType("APP_INSTALLED");

    private ActivityFixtures() {}

    /** @return a builder of an {@code APP_INSTALLED} event */
    public static ActivityBuilder anActivity() {
        return new ActivityBuilder();
    }

    /** @return a builder of a {@code PURCHASE_RECORDED} event, without net or categories */
    public static ActivityBuilder aPurchase() {
        return new ActivityBuilder().ofType(EventType.PURCHASE_RECORDED);
    }

    /** Builds an {@link Activity}; every setter returns the builder. */
    public static final class ActivityBuilder {
        private String eventId = "e-1";
        private EventType type = APP_INSTALLED;
        private CustomerId customerId = CustomerId.newId();
        private String storeId;
        private Instant occurredAt = OCCURRED_AT;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private EventSource source = EventSource.INTEGRATION;

        private ActivityBuilder() {}

        /** @param value event id @return this */
        public ActivityBuilder from(EventSource value) {
            source = value;
            return this;
        }

        public ActivityBuilder withEventId(String value) {
            this.eventId = value;
            return this;
        }

        /** @param value event type @return this */
        public ActivityBuilder ofType(EventType value) {
            this.type = value;
            return this;
        }

        /** @param value the customer @return this */
        public ActivityBuilder by(CustomerId value) {
            this.customerId = value;
            return this;
        }

        /** @param value store id or null @return this */
        public ActivityBuilder inStore(String value) {
            this.storeId = value;
            return this;
        }

        /** @param value when it occurred @return this */
        public ActivityBuilder at(Instant value) {
            this.occurredAt = value;
            return this;
        }

        /**
         * @param name an attribute
         * @param value its value
         * @return this
         */
        public ActivityBuilder with(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        /** @param cents the purchase's net @return this */
        public ActivityBuilder withNet(long cents) {
            return with(Activity.NET, cents);
        }

        /** @param values the purchase's categories @return this */
        public ActivityBuilder withCategories(String... values) {
            return with(Activity.CATEGORIES, List.of(values));
        }

        /** @param value STORE or ONLINE @return this */
        public ActivityBuilder inChannel(String value) {
            return with(Activity.CHANNEL, value);
        }

        /** @return the activity */
        public Activity build() {
            return new Activity(eventId, type, customerId, storeId, occurredAt, attributes, source);
        }
    }
}
