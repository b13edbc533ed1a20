package dev.loyalty.adapters.persistence.campaign;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.application.campaign.CampaignContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * A campaign rule's firings in {@code campaign_member}, with the rule in place of a run (INSERT
 * IGNORE: a reaction retried records nothing twice).
 */
@ApplicationScoped
public class SqlCampaignContacts implements CampaignContacts {

    @PersistenceContext(unitName = "loyalty")
    EntityManager em;

    protected SqlCampaignContacts() {}

    /** For tests outside the container. */
    public SqlCampaignContacts(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean record(Contact contact) {
        return em.createNativeQuery(
                                """
                        INSERT IGNORE INTO campaign_member (campaign_id, customer_id, occasion, run_id, rule_id,
                            member_group, outcome, suppressed_reason, channel, contacted_at, message_id, coupon_code,
                            points)
                        VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .setParameter(1, contact.campaign().toString())
                        .setParameter(2, contact.customer().toString())
                        .setParameter(3, contact.occasion())
                        .setParameter(4, contact.rule().toString())
                        .setParameter(5, contact.treatment() ? "TREATMENT" : "CONTROL")
                        .setParameter(6, contact.outcome())
                        .setParameter(
                                7,
                                contact.suppressedReason()
                                        .map(r -> r.length() > 64 ? r.substring(0, 64) : r)
                                        .orElse(null))
                        .setParameter(8, contact.channel().orElse(null))
                        .setParameter(9, UtcTimes.utc(contact.contactedAt()))
                        .setParameter(
                                10, contact.messageId().map(UUID::toString).orElse(null))
                        .setParameter(11, contact.couponCode().orElse(null))
                        .setParameter(12, contact.points())
                        .executeUpdate()
                == 1;
    }
}
