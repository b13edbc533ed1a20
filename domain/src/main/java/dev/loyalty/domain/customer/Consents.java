package dev.loyalty.domain.customer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The current consent state, derived from the evidence trail (oldest first, as appended): for each
 * purpose the latest decision, i.e. the last one in the trail, wins; a purpose without evidence is
 * not granted. Immutable.
 */
public final class Consents {

    private final Map<ConsentPurpose, ConsentEvidence> latest;

    private Consents(Map<ConsentPurpose, ConsentEvidence> latest) {
        this.latest = latest;
    }

    /**
     * @param evidence the decisions recorded, oldest first (in the order they were appended)
     * @return the state they lead to
     */
    public static Consents from(List<ConsentEvidence> evidence) {
        Objects.requireNonNull(evidence, "evidence");
        Map<ConsentPurpose, ConsentEvidence> latest = new EnumMap<>(ConsentPurpose.class);
        for (ConsentEvidence decision : evidence) {
            Objects.requireNonNull(decision, "evidence element");
            latest.put(decision.purpose(), decision);
        }
        return new Consents(Collections.unmodifiableMap(latest));
    }

    /**
     * @param purpose a purpose
     * @return whether its latest decision grants it
     */
    public boolean isGranted(ConsentPurpose purpose) {
        return latest(purpose).map(ConsentEvidence::granted).orElse(false);
    }

    /**
     * @param purpose a purpose
     * @return the decision currently in force for it, if any was recorded
     */
    public Optional<ConsentEvidence> latest(ConsentPurpose purpose) {
        return Optional.ofNullable(latest.get(Objects.requireNonNull(purpose, "purpose")));
    }

    /**
     * @return the current answer for every purpose
     */
    public ConsentChoices current() {
        return new ConsentChoices(
                isGranted(ConsentPurpose.MARKETING_EMAIL),
                isGranted(ConsentPurpose.MARKETING_SMS),
                isGranted(ConsentPurpose.MARKETING_PUSH),
                isGranted(ConsentPurpose.PROFILING));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Consents that && latest.equals(that.latest);
    }

    @Override
    public int hashCode() {
        return latest.hashCode();
    }

    @Override
    public String toString() {
        return "Consents[" + current() + "]";
    }
}
