package dev.loyalty.application.privacy;

import dev.loyalty.domain.customer.CustomerId;
import java.util.List;
import java.util.Map;

/**
 * Driven port: the records of a customer's activity that the export carries as they are stored -
 * the events (with their free-text attributes), the messages and their history, the mission steps
 * and completions, the referrals on either side, the rules' verdicts, the monthly tier activity.
 */
@FunctionalInterface
public interface PersonalRecords {

    /**
     * @param id the customer
     * @param limit the most rows per kind of record (the latest kept)
     * @return per kind of record ({@code events}, {@code messages}, {@code messageHistory}, {@code
     *     missionSteps}, {@code missionCompletions}, {@code referrals}, {@code ruleVerdicts}, {@code
     *     tierActivity}, {@code devices}, {@code contactVerifications}), its rows, each column's value as text (instants ISO-8601 UTC), oldest first
     */
    Map<String, List<Map<String, String>>> of(CustomerId id, int limit);
}
