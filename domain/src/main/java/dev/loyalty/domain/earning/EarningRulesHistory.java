package dev.loyalty.domain.earning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every version of the earning rules, ordered by {@link EarningRules#effectiveFrom()}; a version is
 * in force from its instant (inclusive) until the next version's instant (exclusive). Invariant: no
 * two versions share an {@code effectiveFrom} ({@link EarningRulesConflictException}). Immutable:
 * {@link #with} returns a new history, so a purchase of the past keeps the rules it was earned
 * under.
 *
 * @param versions the versions, oldest first
 */
public record EarningRulesHistory(List<EarningRules> versions) {

    /**
     * Sorts the versions and refuses two with the same {@code effectiveFrom}.
     *
     * @throws EarningRulesConflictException when two versions take effect at the same instant
     */
    public EarningRulesHistory {
        Objects.requireNonNull(versions, "versions");
        List<EarningRules> sorted = new ArrayList<>(versions);
        sorted.forEach(version -> Objects.requireNonNull(version, "a version"));
        sorted.sort(Comparator.comparing(EarningRules::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            Instant from = sorted.get(i).effectiveFrom();
            if (from.equals(sorted.get(i - 1).effectiveFrom())) {
                throw new EarningRulesConflictException(from);
            }
        }
        versions = List.copyOf(sorted);
    }

    /** @return a history with no version: every purchase fails with {@code earning-rules-missing} */
    public static EarningRulesHistory empty() {
        return new EarningRulesHistory(List.of());
    }

    /**
     * @param versions versions in any order
     * @return the history of these versions
     * @throws EarningRulesConflictException when two versions take effect at the same instant
     */
    public static EarningRulesHistory of(Collection<EarningRules> versions) {
        return new EarningRulesHistory(List.copyOf(versions));
    }

    /**
     * @param version a new version, possibly taking effect before existing ones
     * @return a history that also holds {@code version}
     * @throws EarningRulesConflictException when a version already takes effect at the same instant
     */
    public EarningRulesHistory with(EarningRules version) {
        List<EarningRules> more = new ArrayList<>(versions);
        more.add(Objects.requireNonNull(version, "version"));
        return new EarningRulesHistory(more);
    }

    /**
     * @param occurredAt the instant of a purchase
     * @return the version in force then: the latest whose {@code effectiveFrom} is not after it
     * @throws EarningRulesMissingException when every version starts later, or there is none
     */
    public EarningRules rulesAt(Instant occurredAt) {
        Objects.requireNonNull(occurredAt, "occurredAt");
        for (int i = versions.size() - 1; i >= 0; i--) {
            EarningRules version = versions.get(i);
            if (!version.effectiveFrom().isAfter(occurredAt)) {
                return version;
            }
        }
        throw new EarningRulesMissingException(occurredAt);
    }
}
