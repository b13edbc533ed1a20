package dev.loyalty.application.history;

import dev.loyalty.application.account.Wallets;
import dev.loyalty.application.checkout.EarningRulesVersions;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.application.shared.ProgrammeSettings;
import dev.loyalty.domain.coupon.BasketLine;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.earning.EarnedPoints;
import dev.loyalty.domain.earning.EarningPolicy;
import dev.loyalty.domain.earning.EarningRules;
import dev.loyalty.domain.earning.EarningRulesHistory;
import dev.loyalty.domain.earning.EarningRulesMissingException;
import dev.loyalty.domain.earning.LineEarning;
import dev.loyalty.domain.earning.PricedLine;
import dev.loyalty.domain.purchase.PurchaseId;
import dev.loyalty.domain.shared.Money;
import dev.loyalty.domain.shared.Points;
import dev.loyalty.domain.wallet.WalletHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The import's transactions: taking its lease, one batch of receipts with its rejects and the
 * position after them (all or nothing, and only while the lease is held), its end.
 *
 * <p>A batch appends the receipts not recorded yet (a receipt already recorded - live or by an
 * earlier run - is a duplicate, as is a second receipt of the same key in the file), identifies
 * their customers in one read, and, when the import awards points, credits each customer's wallet
 * by the earning rules in force when each receipt occurred (no tier bonus; a receipt older than the
 * first rules earns nothing), and marks their metrics due, held by the import until it ends. No
 * domain event is written: imported history triggers no rule, message or mission.
 */
@ApplicationScoped
public class ImportBatches {

    static final String EARN_REASON = "imported purchase";

    private final ImportJobs jobs;
    private final ImportedHistory history;
    private final EarningRulesVersions earningRules;
    private final Wallets wallets;
    private final ProgrammeSettings programme;
    private final ProgrammeCurrency currency;
    private final Clock clock;
    private final EarningPolicy policy = new EarningPolicy();
    private final TimeOrderedIds ids = new TimeOrderedIds();

    /** For CDI's proxy only. */
    protected ImportBatches() {
        this(null, null, null, null, null, null, null);
    }

    @Inject
    public ImportBatches(
            ImportJobs jobs,
            ImportedHistory history,
            EarningRulesVersions earningRules,
            Wallets wallets,
            ProgrammeSettings programme,
            ProgrammeCurrency currency,
            Clock clock) {
        this.jobs = jobs;
        this.history = history;
        this.earningRules = earningRules;
        this.wallets = wallets;
        this.programme = programme;
        this.currency = currency;
        this.clock = clock;
    }

    @Transactional
    public Optional<ImportJob> claim(ImportId id, String owner) {
        Instant now = clock.instant();
        return jobs.claim(id, owner, now, now.plus(ImportWorker.LEASE));
    }

    /**
     * Ends the import (while {@code owner} holds its lease; null: whoever does) and hands the
     * customers whose metrics its batches marked due to the metrics' worker, in one transaction.
     */
    @Transactional
    public void finish(ImportId id, String owner, ImportStatus status, String error) {
        Instant now = clock.instant();
        if (jobs.finish(id, owner, status, error, now)) {
            history.releaseDue(id, now);
        }
    }

    /**
     * @return the known customers of the receipts appended
     * @throws LeaseLostException when the worker no longer holds the lease (nothing is written)
     */
    @Transactional
    public Set<CustomerId> write(
            ImportJob job,
            String owner,
            List<ImportedReceipt> receipts,
            List<RejectedRow> rejects,
            ReadPosition after,
            long rowsRead) {
        Instant now = clock.instant();
        Map<String, ImportedReceipt> unique = new LinkedHashMap<>();
        long duplicates = 0;
        for (ImportedReceipt receipt : receipts) {
            if (unique.putIfAbsent(receipt.key(), receipt) != null) {
                duplicates++;
            }
        }
        Set<String> existing = unique.isEmpty() ? Set.of() : history.existing(unique.values());
        duplicates += existing.size();
        List<ImportedReceipt> fresh = unique.values().stream()
                .filter(r -> !existing.contains(r.key()))
                .toList();
        String last =
                receipts.isEmpty() ? null : receipts.get(receipts.size() - 1).key();
        ImportProgress progress = new ImportProgress(after, last, rowsRead, fresh.size(), duplicates, rejects.size());
        // first: the conditional update locks the import's row and says whether the lease is still ours
        if (!jobs.advance(job.id(), owner, progress, now.plus(ImportWorker.LEASE))) {
            throw new LeaseLostException(job.id());
        }
        jobs.reject(job.id(), rejects);
        if (fresh.isEmpty()) {
            return Set.of();
        }
        Map<String, CustomerId> customers = history.customers(fresh.stream()
                .map(ImportedReceipt::customer)
                .flatMap(Optional::stream)
                .distinct()
                .toList());
        EarningRulesHistory rules = job.awardPoints() ? earningRules.history() : null;
        List<ImportedHistory.Resolved> resolved = new ArrayList<>();
        for (ImportedReceipt receipt : fresh) {
            CustomerId customer = receipt.customer().map(customers::get).orElse(null);
            Optional<EarnedPoints> earned =
                    customer == null || rules == null ? Optional.empty() : points(rules, receipt);
            resolved.add(new ImportedHistory.Resolved(
                    new PurchaseId(ids.next(now)),
                    receipt,
                    customer,
                    earned.map(e -> e.points().value()).orElse(0L),
                    earned.map(e -> e.lines().stream()
                                    .map(LineEarning::millionths)
                                    .toList())
                            .orElse(List.of())));
        }
        history.append(resolved, currency.code(), now);
        if (rules != null) {
            credit(resolved, now);
        }
        // a hash set: a TreeSet comparing toString() formatted two UUIDs per comparison (markDue sorts once)
        Set<CustomerId> touched = new LinkedHashSet<>();
        for (ImportedHistory.Resolved r : resolved) {
            if (r.customer() != null) {
                touched.add(r.customer());
            }
        }
        history.markDue(job.id(), touched, now);
        return touched;
    }

    private Optional<EarnedPoints> points(EarningRulesHistory rules, ImportedReceipt receipt) {
        EarningRules version;
        try {
            version = rules.rulesAt(receipt.occurredAt());
        } catch (EarningRulesMissingException e) {
            return Optional.empty();
        }
        Currency money = currency.currency();
        List<PricedLine> lines = receipt.lines().stream()
                .map(l -> new PricedLine(
                        new BasketLine(l.sku(), l.category(), l.quantity(), new Money(l.unitPriceCents(), money)),
                        new Money(l.discountCents(), money)))
                .toList();
        return Optional.of(policy.pointsFor(version, lines));
    }

    /** Credits the points, customer by customer in id order (the order wallet locks are taken in). */
    private void credit(List<ImportedHistory.Resolved> resolved, Instant now) {
        Map<String, List<ImportedHistory.Resolved>> byCustomer = new TreeMap<>();
        for (ImportedHistory.Resolved r : resolved) {
            if (r.customer() != null && r.points() > 0) {
                byCustomer
                        .computeIfAbsent(r.customer().toString(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        for (List<ImportedHistory.Resolved> credits : byCustomer.values()) {
            WalletHead wallet = wallets.lockedHead(credits.get(0).customer());
            for (ImportedHistory.Resolved r : credits) {
                Instant expiresAt = programme
                        .pointsValidity()
                        .map(validity -> r.receipt().occurredAt().plus(validity))
                        .orElse(null);
                wallet.earn(Points.of(r.points()), EARN_REASON, r.id().reference(), now, expiresAt);
            }
            wallets.save(wallet);
        }
    }
}
