package dev.loyalty.adapters.persistence.referral;

import dev.loyalty.adapters.persistence.UtcTimes;
import dev.loyalty.adapters.persistence.sql.NativeRows;
import dev.loyalty.application.referral.ReferralProgramme;
import dev.loyalty.application.referral.Referrals;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Referral codes in {@code customer.own_referral_code}, referrals in {@code referral}. */
@ApplicationScoped
public class JpaReferrals implements Referrals {

    @PersistenceContext(unitName = "loyalty")
    private EntityManager em;

    protected JpaReferrals() {}

    /** For tests outside the container. */
    public JpaReferrals(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean assignCode(CustomerId customerId, String code) {
        // UPDATE IGNORE: a code another customer has leaves the row unchanged, and the caller draws again
        return em.createNativeQuery("UPDATE IGNORE customer SET own_referral_code = ? WHERE id = ?")
                        .setParameter(1, code)
                        .setParameter(2, customerId.toString())
                        .executeUpdate()
                == 1;
    }

    @Override
    public Optional<String> codeOf(CustomerId customerId) {
        List<?> rows = em.createNativeQuery("SELECT own_referral_code FROM customer WHERE id = ?")
                .setParameter(1, customerId.toString())
                .getResultList();
        return rows.stream()
                .filter(java.util.Objects::nonNull)
                .map(String.class::cast)
                .findFirst();
    }

    @Override
    public Optional<CustomerId> ownerOf(String code) {
        List<?> rows = em.createNativeQuery("SELECT id FROM customer WHERE own_referral_code = ?")
                .setParameter(1, code.strip().toUpperCase(Locale.ROOT))
                .getResultList();
        return rows.stream().map(String.class::cast).map(CustomerId::parse).findFirst();
    }

    @Override
    public boolean add(CustomerId referrer, CustomerId referred, Optional<ContactDigest> contact, Instant at) {
        // a row stored plain (by an instance of the previous version, not keyed yet) counts as well
        boolean seenPlain = contact.isPresent()
                && NativeRows.number(em.createNativeQuery("SELECT COUNT(*) FROM referral WHERE contact_hash = ?"
                                        + " AND contact_hash_keyed = FALSE")
                                .setParameter(1, contact.get().unkeyed())
                                .getSingleResult())
                        > 0;
        int inserted = seenPlain
                ? 0
                : em.createNativeQuery("INSERT IGNORE INTO referral (referrer_id, referred_id, contact_hash,"
                                + " contact_hash_keyed, status, created_at) VALUES (?, ?, ?, TRUE, 'PENDING', ?)")
                        .setParameter(1, referrer.toString())
                        .setParameter(2, referred.toString())
                        .setParameter(3, contact.map(ContactDigest::keyed).orElse(null))
                        .setParameter(4, UtcTimes.utc(at))
                        .executeUpdate();
        if (inserted == 1) {
            return true;
        }
        em.createNativeQuery("INSERT IGNORE INTO referral (referrer_id, referred_id, contact_hash, status, reason,"
                        + " created_at) VALUES (?, ?, NULL, 'REJECTED', 'this contact was referred before', ?)")
                .setParameter(1, referrer.toString())
                .setParameter(2, referred.toString())
                .setParameter(3, UtcTimes.utc(at))
                .executeUpdate();
        return false;
    }

    @Override
    public Optional<PendingReferral> pendingFor(CustomerId referred) {
        List<?> rows = em.createNativeQuery("SELECT id, referrer_id, referred_id FROM referral"
                        + " WHERE referred_id = ? AND status = 'PENDING' FOR UPDATE")
                .setParameter(1, referred.toString())
                .getResultList();
        return rows.stream()
                .map(raw -> (Object[]) raw)
                .map(row -> new PendingReferral(
                        NativeRows.number(row[0]), CustomerId.parse((String) row[1]), CustomerId.parse((String)
                                row[2])))
                .findFirst();
    }

    @Override
    public int completedSince(CustomerId referrer, Instant since) {
        return (int) NativeRows.number(em.createNativeQuery("SELECT COUNT(*) FROM referral WHERE referrer_id = ?"
                        + " AND status = 'COMPLETED' AND completed_at >= ?")
                .setParameter(1, referrer.toString())
                .setParameter(2, UtcTimes.utc(since))
                .getSingleResult());
    }

    @Override
    public void complete(long referralId, Instant at) {
        em.createNativeQuery("UPDATE referral SET status = 'COMPLETED', completed_at = ? WHERE id = ?")
                .setParameter(1, UtcTimes.utc(at))
                .setParameter(2, referralId)
                .executeUpdate();
    }

    @Override
    public void reject(long referralId, String reason) {
        em.createNativeQuery("UPDATE referral SET status = 'REJECTED', reason = ? WHERE id = ?")
                .setParameter(1, reason)
                .setParameter(2, referralId)
                .executeUpdate();
    }

    @Override
    public ReferralProgramme programme() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT referrer_points, referred_points, min_purchase,"
                        + " monthly_cap FROM referral_programme WHERE id = 1")
                .getSingleResult();
        return new ReferralProgramme(
                NativeRows.number(row[0]), NativeRows.number(row[1]), NativeRows.number(row[2]), (int)
                        NativeRows.number(row[3]));
    }

    @Override
    public void save(ReferralProgramme programme, Instant at) {
        em.createNativeQuery("UPDATE referral_programme SET referrer_points = ?, referred_points = ?,"
                        + " min_purchase = ?, monthly_cap = ?, updated_at = ? WHERE id = 1")
                .setParameter(1, programme.referrerPoints())
                .setParameter(2, programme.referredPoints())
                .setParameter(3, programme.minPurchase())
                .setParameter(4, programme.monthlyCap())
                .setParameter(5, UtcTimes.utc(at))
                .executeUpdate();
    }
}
