package dev.loyalty.adapters.persistence.activity;

import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.activity.ReactionSettingsVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one row of {@code reaction_settings_version}, read by the reactions' caches once per batch
 * and bumped by {@link #bump} in every transaction that changes a rule or a mission.
 */
@ApplicationScoped
public class SqlReactionSettingsVersion implements ReactionSettingsVersion {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected SqlReactionSettingsVersion() {}

    /** For tests outside the container. */
    public SqlReactionSettingsVersion(EntityManager em) {
        this.em = em;
    }

    @Override
    public long current() {
        return NativeRows.number(em.createNativeQuery("SELECT version FROM reaction_settings_version WHERE id = 1")
                .getSingleResult());
    }

    /** Moves the version, in the caller's transaction (which changes a rule or a mission). */
    public static void bump(EntityManager em) {
        em.createNativeQuery("UPDATE reaction_settings_version SET version = version + 1 WHERE id = 1")
                .executeUpdate();
    }
}
