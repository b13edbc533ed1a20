package dev.loyalty.application.referral;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Referrals in memory, for tests without a database. */
public class InMemoryReferrals implements Referrals {

    /** A referral as kept. */
    public static final class Row {
        public final long id;
        public final CustomerId referrer;
        public final CustomerId referred;
        public final String contactHash;
        public String status;
        public String reason;
        public Instant completedAt;

        Row(long id, CustomerId referrer, CustomerId referred, String contactHash, String status) {
            this.id = id;
            this.referrer = referrer;
            this.referred = referred;
            this.contactHash = contactHash;
            this.status = status;
        }
    }

    private final Map<CustomerId, String> codes = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private ReferralProgramme programme = new ReferralProgramme(200, 100, 0, 10);

    @Override
    public boolean assignCode(CustomerId customerId, String code) {
        if (codes.containsValue(code)) {
            return false;
        }
        codes.put(customerId, code);
        return true;
    }

    @Override
    public Optional<String> codeOf(CustomerId customerId) {
        return Optional.ofNullable(codes.get(customerId));
    }

    @Override
    public Optional<CustomerId> ownerOf(String code) {
        return codes.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(code))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public boolean add(CustomerId referrer, CustomerId referred, Optional<ContactDigest> contact, Instant at) {
        String contactHash = contact.map(ContactDigest::keyed).orElse(null);
        boolean seen = contact.isPresent()
                && rows.stream()
                        .anyMatch(r -> contactHash.equals(r.contactHash)
                                || contact.get().unkeyed().equals(r.contactHash));
        Row row =
                new Row(rows.size() + 1, referrer, referred, seen ? null : contactHash, seen ? "REJECTED" : "PENDING");
        if (seen) {
            row.reason = "this contact was referred before";
        }
        rows.add(row);
        return !seen;
    }

    @Override
    public Optional<PendingReferral> pendingFor(CustomerId referred) {
        return rows.stream()
                .filter(r -> r.referred.equals(referred) && r.status.equals("PENDING"))
                .map(r -> new PendingReferral(r.id, r.referrer, r.referred))
                .findFirst();
    }

    @Override
    public int completedSince(CustomerId referrer, Instant since) {
        return (int) rows.stream()
                .filter(r -> r.referrer.equals(referrer) && r.completedAt != null && !r.completedAt.isBefore(since))
                .count();
    }

    @Override
    public void complete(long referralId, Instant at) {
        Row row = rows.get((int) referralId - 1);
        row.status = "COMPLETED";
        row.completedAt = at;
    }

    @Override
    public void reject(long referralId, String reason) {
        Row row = rows.get((int) referralId - 1);
        row.status = "REJECTED";
        row.reason = reason;
    }

    @Override
    public ReferralProgramme programme() {
        return programme;
    }

    @Override
    public void save(ReferralProgramme programme, Instant at) {
        this.programme = programme;
    }

    /** @return every referral kept */
    public List<Row> rows() {
        return List.copyOf(rows);
    }
}
