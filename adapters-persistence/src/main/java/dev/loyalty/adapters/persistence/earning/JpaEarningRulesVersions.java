package dev.loyalty.adapters.persistence.earning;

import dev.loyalty.adapters.persistence.RecentRead;
import dev.loyalty.adapters.persistence.UniqueKeys;
import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.checkout.EarningRulesChanges;
import dev.loyalty.application.checkout.EarningRulesVersions;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesConflictException;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.earning.PointsRounding;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The earning rules' versions, read from {@code earning_rules} (a handful of rows). */
@ApplicationScoped
public class JpaEarningRulesVersions implements EarningRulesVersions, EarningRulesChanges {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaEarningRulesVersions() {}

    /** For tests outside the container. */
    public JpaEarningRulesVersions(EntityManager em) {
        this.em = em;
    }

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Purchases read the versions each time; they are added rarely. */
    private final RecentRead<EarningRulesHistory> recent = new RecentRead<>(this::read);

    /** Every version, read at most every {@link RecentRead#FOR}; a version added here is seen at once. */
    @Override
    public EarningRulesHistory history() {
        return recent.get();
    }

    private EarningRulesHistory read() {
        return EarningRulesHistory.of(
                em.createQuery("SELECT r FROM EarningRulesJpaEntity r", EarningRulesJpaEntity.class)
                        .getResultStream()
                        .map(JpaEarningRulesVersions::toDomain)
                        .toList());
    }

    @Override
    public void add(EarningRules version) {
        EarningRulesJpaEntity row = new EarningRulesJpaEntity();
        row.effectiveFrom = UtcTimes.utc(version.effectiveFrom());
        row.currency = version.currency().getCurrencyCode();
        row.pointsPerCurrencyUnit = version.pointsPerCurrencyUnit();
        row.rounding = version.rounding().name();
        row.categoryMultipliers = version.categoryMultipliers().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        row.excludedCategories = version.excludedCategories().stream().sorted().collect(Collectors.joining("\n"));
        try {
            em.persist(row);
            em.flush();
            recent.forgetAfter(transactions);
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e).isPresent()) {
                throw new EarningRulesConflictException(version.effectiveFrom());
            }
            throw e;
        }
    }

    static EarningRules toDomain(EarningRulesJpaEntity row) {
        Map<String, Integer> multipliers = new LinkedHashMap<>();
        for (String line : lines(row.categoryMultipliers)) {
            String[] pair = line.split("=", 2);
            multipliers.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
        }
        Set<String> excluded =
                Arrays.stream(lines(row.excludedCategories)).map(String::trim).collect(Collectors.toSet());
        return new EarningRules(
                row.pointsPerCurrencyUnit,
                multipliers,
                excluded,
                PointsRounding.valueOf(row.rounding),
                Currency.getInstance(row.currency),
                UtcTimes.instant(row.effectiveFrom));
    }

    private static String[] lines(String text) {
        return text == null || text.isBlank() ? new String[0] : text.strip().split("\\R");
    }
}
