package dev.loyalty.bench;

import java.util.List;

/**
 * What the set-up made over HTTP: the enrolled customers, the coupon template and two separate
 * batches of its bearer codes, one for the service's phase and one for the baseline.
 *
 * @param customerIds the enrolled customers' ids
 * @param cardNumbers their cards, in the same order
 * @param templateId the coupon template (5 EUR off, store and online)
 * @param serviceCodes codes for the service's phase
 * @param baselineCodes codes for the JDBC baseline
 */
record Fixture(
        List<String> customerIds,
        List<String> cardNumbers,
        String templateId,
        List<String> serviceCodes,
        List<String> baselineCodes) {

    /** Copies the lists. */
    Fixture {
        customerIds = List.copyOf(customerIds);
        cardNumbers = List.copyOf(cardNumbers);
        serviceCodes = List.copyOf(serviceCodes);
        baselineCodes = List.copyOf(baselineCodes);
    }
}
