package dev.loyalty.domain.rule;

import dev.loyalty.domain.activity.Activity;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What must hold, besides the event type, for a rule to fire. Every condition left out holds.
 *
 * @param attributes event attributes that must equal these values (compared as text)
 * @param storeIds the event must have happened in one of these stores
 * @param channels the event's channel (STORE, ONLINE) must be one of these
 * @param categories a purchase must include one of these categories
 * @param minAmount a purchase's net (cents) must be at least this
 * @param consents the customer must have granted all of these
 * @param enrolmentChannels the customer must have enrolled through one of these
 * @param activeFrom the event must have occurred at or after this
 * @param activeUntil the event must have occurred before this
 * @param oncePerCustomer the rule fires at most once for each customer
 * @param segments the customer must be in every one of these saved segments (at reaction time)
 */
public record RuleConditions(
        Map<String, String> attributes,
        Set<String> storeIds,
        Set<String> channels,
        Set<String> categories,
        Optional<Long> minAmount,
        Set<ConsentPurpose> consents,
        Set<EnrolmentChannel> enrolmentChannels,
        Optional<Instant> activeFrom,
        Optional<Instant> activeUntil,
        boolean oncePerCustomer,
        Set<SegmentId> segments) {

    /** At most this many segment conditions. */
    public static final int MAX_SEGMENTS = 10;

    /** No conditions: every event of the type fires the rule. */
    public static final RuleConditions NONE = new RuleConditions(
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
            Set.of());

    /** Conditions without segments (as rules were before segments existed). */
    public RuleConditions(
            Map<String, String> attributes,
            Set<String> storeIds,
            Set<String> channels,
            Set<String> categories,
            Optional<Long> minAmount,
            Set<ConsentPurpose> consents,
            Set<EnrolmentChannel> enrolmentChannels,
            Optional<Instant> activeFrom,
            Optional<Instant> activeUntil,
            boolean oncePerCustomer) {
        this(
                attributes,
                storeIds,
                channels,
                categories,
                minAmount,
                consents,
                enrolmentChannels,
                activeFrom,
                activeUntil,
                oncePerCustomer,
                Set.of());
    }

    /** Copies and checks the components. */
    public RuleConditions {
        attributes = Map.copyOf(new TreeMap<>(attributes));
        storeIds = Set.copyOf(storeIds);
        channels = channels.stream()
                .map(c -> c == null ? "" : c.strip().toUpperCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (!Set.of("STORE", "ONLINE").containsAll(channels)) {
            throw new InvalidValueException("conditions.channels", "a channel is STORE or ONLINE");
        }
        categories = categories.stream()
                .map(c -> c == null ? "" : c.strip())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        consents = Set.copyOf(consents);
        enrolmentChannels = Set.copyOf(enrolmentChannels);
        segments = Set.copyOf(segments);
        if (segments.size() > MAX_SEGMENTS) {
            throw new InvalidValueException("conditions.segments", "at most " + MAX_SEGMENTS + " segments");
        }
        if (minAmount.filter(m -> m < 0).isPresent()) {
            throw new InvalidValueException("conditions.minAmount", "minAmount is 0 or more cents");
        }
        if (activeFrom.isPresent()
                && activeUntil.isPresent()
                && !activeFrom.get().isBefore(activeUntil.get())) {
            throw new InvalidValueException("conditions.activeUntil", "activeUntil must be after activeFrom");
        }
        if (attributes.size() > 20) {
            throw new InvalidValueException("conditions.attributes", "at most 20 attribute conditions");
        }
    }

    /**
     * @param activity the event
     * @param facts the customer
     * @return the conditions not met, each in words (empty: all hold)
     */
    public List<String> unmet(Activity activity, CustomerFacts facts) {
        List<String> unmet = new ArrayList<>();
        // Sorted: Map.copyOf and Set.copyOf iterate in an order that changes from run to run.
        new TreeMap<>(attributes).forEach((name, expected) -> {
            Optional<String> actual = activity.text(name);
            if (actual.isEmpty()) {
                unmet.add("the event has no attribute " + name + " (wanted " + expected + ")");
            } else if (!actual.get().equalsIgnoreCase(expected)) {
                unmet.add("attribute " + name + " is " + actual.get() + ", wanted " + expected);
            }
        });
        if (!storeIds.isEmpty() && (activity.storeId() == null || !storeIds.contains(activity.storeId()))) {
            unmet.add("store " + (activity.storeId() == null ? "(none)" : activity.storeId()) + " is not among "
                    + new java.util.TreeSet<>(storeIds));
        }
        if (!channels.isEmpty()) {
            String channel = activity.channel().orElse("(none)");
            if (!channels.contains(channel.toUpperCase(java.util.Locale.ROOT))) {
                unmet.add("channel " + channel + " is not among " + new java.util.TreeSet<>(channels));
            }
        }
        if (!categories.isEmpty() && activity.categories().stream().noneMatch(categories::contains)) {
            unmet.add("no line in categories " + new java.util.TreeSet<>(categories));
        }
        minAmount.ifPresent(min -> {
            long net = activity.number(Activity.NET).orElse(0L);
            if (net < min) {
                unmet.add("amount " + net + " is below the minimum " + min + " (cents)");
            }
        });
        for (ConsentPurpose purpose : new java.util.TreeSet<>(consents)) {
            if (!facts.customer().hasGranted(purpose)) {
                unmet.add("the customer has not granted " + purpose);
            }
        }
        if (!enrolmentChannels.isEmpty()
                && !enrolmentChannels.contains(facts.customer().enrolmentChannel())) {
            unmet.add("enrolled through " + facts.customer().enrolmentChannel() + ", not among "
                    + new java.util.TreeSet<>(enrolmentChannels));
        }
        activeFrom
                .filter(from -> activity.occurredAt().isBefore(from))
                .ifPresent(from -> unmet.add("the event occurred before the rule's window opens (" + from + ")"));
        activeUntil
                .filter(until -> !activity.occurredAt().isBefore(until))
                .ifPresent(until -> unmet.add("the event occurred after the rule's window closed (" + until + ")"));
        for (SegmentId segment : segments.stream()
                .sorted(java.util.Comparator.comparing(SegmentId::toString))
                .toList()) {
            if (!facts.segments().contains(segment)) {
                unmet.add("the customer is not in segment " + segment);
            }
        }
        if (oncePerCustomer && facts.alreadyFired()) {
            unmet.add("the rule fires once per customer and has already fired for this one");
        }
        return unmet;
    }
}
