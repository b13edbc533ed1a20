package dev.loyalty.adapters.persistence.rule;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.activity.SqlReactionSettingsVersion;
import dev.loyalty.application.rule.Rules;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.campaign.CampaignId;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleStatus;
import dev.loyalty.domain.shared.ConcurrentUpdateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rules in {@code rule}, conditions and actions as a JSON document, the campaign in its column. */
@ApplicationScoped
public class JpaRules implements Rules {

    private static final String COLUMNS = "id, name, on_type, status, definition, version, campaign_id";

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    @Inject
    private Clock clock;

    protected JpaRules() {}

    /** For tests outside the container. */
    public JpaRules(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void add(Rule rule) {
        var now = UtcTimes.utc(clock.instant());
        em.createNativeQuery("INSERT INTO rule (id, name, on_type, status, definition, version, created_at, updated_at,"
                        + " campaign_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, rule.id().toString())
                .setParameter(2, rule.name())
                .setParameter(3, rule.on().value())
                .setParameter(4, rule.status().name())
                .setParameter(5, RuleJson.write(rule.conditions(), rule.actions(), rule.sources()))
                .setParameter(6, rule.version())
                .setParameter(7, now)
                .setParameter(8, now)
                .setParameter(9, rule.campaign().map(Object::toString).orElse(null))
                .executeUpdate();
        SqlReactionSettingsVersion.bump(em);
    }

    @Override
    public void update(Rule rule, long readVersion) {
        int updated = em.createNativeQuery("UPDATE rule SET name = ?, on_type = ?, status = ?, definition = ?,"
                        + " version = ?, updated_at = ?, campaign_id = ? WHERE id = ? AND version = ?")
                .setParameter(1, rule.name())
                .setParameter(2, rule.on().value())
                .setParameter(3, rule.status().name())
                .setParameter(4, RuleJson.write(rule.conditions(), rule.actions(), rule.sources()))
                .setParameter(5, rule.version())
                .setParameter(6, UtcTimes.utc(clock.instant()))
                .setParameter(7, rule.campaign().map(Object::toString).orElse(null))
                .setParameter(8, rule.id().toString())
                .setParameter(9, readVersion)
                .executeUpdate();
        if (updated != 1) {
            throw new ConcurrentUpdateException("the rule " + rule.id() + " was changed meanwhile");
        }
        SqlReactionSettingsVersion.bump(em);
    }

    @Override
    public Optional<Rule> byId(RuleId id) {
        return select("WHERE id = ?", id.toString()).stream().findFirst();
    }

    @Override
    public List<Rule> all() {
        return select("ORDER BY status = 'ARCHIVED', name LIMIT 1000");
    }

    @Override
    public List<Rule> activeOn(EventType type) {
        return select("WHERE on_type = ? AND status = 'ACTIVE' ORDER BY created_at, id", type.value());
    }

    private List<Rule> select(String where, Object... parameters) {
        var query = em.createNativeQuery("SELECT " + COLUMNS + " FROM rule " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(raw -> (Object[]) raw).map(JpaRules::rule).toList();
    }

    private static Rule rule(Object[] row) {
        String definition = (String) row[4];
        return new Rule(
                new RuleId(UUID.fromString((String) row[0])),
                (String) row[1],
                new EventType((String) row[2]),
                RuleJson.conditions(definition),
                RuleJson.actions(definition),
                RuleStatus.valueOf((String) row[3]),
                ((Number) row[5]).longValue(),
                RuleJson.sources(definition),
                Optional.ofNullable((String) row[6]).map(id -> new CampaignId(UUID.fromString(id))));
    }
}
