package dev.loyalty.application.segment;

import dev.loyalty.application.metrics.CurrentMetrics;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.segment.Condition;
import dev.loyalty.domain.segment.ConditionParser;
import dev.loyalty.domain.segment.Segment;
import dev.loyalty.domain.segment.SegmentConditionInvalidException;
import dev.loyalty.domain.segment.SegmentId;
import dev.loyalty.domain.segment.SegmentNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Segments for the console, rules and campaigns. A condition's {@code inSegment} nodes are replaced
 * by the named segments' conditions before evaluation, at most {@value #MAX_REFERENCE_DEPTH}
 * segments deep, never in a cycle (refused on save, with the path of the node that closes it).
 * Every evaluation first brings the metrics of the customers marked due up to date (all of them,
 * or the one customer asked about).
 */
@ApplicationScoped
public class SegmentService implements SegmentUseCases {

    /** How many segments deep inSegment may reach. */
    public static final int MAX_REFERENCE_DEPTH = 5;

    /** The most nodes a condition may have once its inSegment nodes are expanded. */
    public static final int MAX_EXPANDED_NODES = 1_000;

    /** The largest page of members. */
    public static final int MAX_PAGE = 1_000;

    private final Segments segments;
    private final SegmentEvaluator evaluator;
    private final Clock clock;
    private final CurrentMetrics metrics;

    /** For CDI's proxy only. */
    protected SegmentService() {
        this(null, null, null, null);
    }

    @Inject
    public SegmentService(Segments segments, SegmentEvaluator evaluator, Clock clock, CurrentMetrics metrics) {
        this.segments = segments;
        this.evaluator = evaluator;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Preview preview(String condition, Actor actor) {
        actor.requireAdmin("only the console previews segments");
        Condition resolved = resolve(ConditionParser.parse(condition), Optional.empty());
        metrics.settle();
        Instant now = now();
        return new Preview(evaluator.count(resolved, now), evaluator.members(resolved, now, "", SAMPLE));
    }

    @Override
    @Transactional
    public Segment define(String name, String condition, Actor actor) {
        actor.requireAdmin("only the console defines segments");
        SegmentId id = SegmentId.newId();
        Condition parsed = ConditionParser.parse(condition);
        settleFirst();
        Condition resolved = resolve(parsed, Optional.of(id));
        Instant now = now();
        Segment segment = Segment.define(id, name, parsed, now);
        segments.save(segment);
        long count = evaluator.count(resolved, now);
        segments.evaluated(id, count, now);
        return segment.evaluated(count, now);
    }

    @Override
    @Transactional
    public Segment change(SegmentId id, String name, String condition, Actor actor) {
        actor.requireAdmin("only the console changes segments");
        Condition parsed = ConditionParser.parse(condition);
        settleFirst();
        Segment stored = load(id);
        Condition resolved = resolve(parsed, Optional.of(id));
        Instant now = now();
        Segment changed = stored.change(name, parsed, now);
        segments.save(changed);
        long count = evaluator.count(resolved, now);
        segments.evaluated(id, count, now);
        return changed.evaluated(count, now);
    }

    @Override
    public List<Segment> segments(Actor actor) {
        actor.requireAdmin("only the console reads segments");
        return segments.all();
    }

    @Override
    public Segment segment(SegmentId id, Actor actor) {
        actor.requireAdmin("only the console reads segments");
        return load(id);
    }

    @Override
    @Transactional
    public Snapshot snapshot(SegmentId id, Actor actor) {
        actor.requireAdmin("only the console takes snapshots");
        settleFirst();
        Segment segment = load(id);
        Condition resolved = resolve(segment.condition(), Optional.of(id));
        Instant now = now();
        UUID snapshotId = UUID.randomUUID();
        Snapshot description =
                new Snapshot(snapshotId, id, now, 0, segment.condition().toJson());
        long members = evaluator.freeze(snapshotId, description, resolved);
        segments.evaluated(id, members, now);
        return new Snapshot(snapshotId, id, now, members, description.definition());
    }

    @Override
    public List<Snapshot> snapshots(SegmentId id, Actor actor) {
        actor.requireAdmin("only the console reads snapshots");
        load(id);
        return segments.snapshots(id);
    }

    @Override
    public List<CustomerSummary> members(
            SegmentId id, Optional<UUID> snapshot, String afterId, int limit, Actor actor) {
        actor.requireAdmin("only the console lists segment members");
        Segment segment = load(id);
        int page = Math.max(1, Math.min(limit, MAX_PAGE));
        String after = afterId == null ? "" : afterId;
        if (snapshot.isPresent()) {
            Snapshot frozen = segments.snapshot(snapshot.get())
                    .filter(s -> s.segmentId().equals(id))
                    .orElseThrow(() -> new SegmentNotFoundException("the segment has no such snapshot"));
            return evaluator.snapshotMembers(frozen.id(), after, page);
        }
        Condition resolved = resolve(segment.condition(), Optional.of(id));
        metrics.settle();
        return evaluator.members(resolved, now(), after, page);
    }

    /**
     * Brings the due customers' metrics up to date, in transactions of their own, before this
     * method's transaction touches the database: settled later, it would hold the transaction's
     * pooled connection while asking the pool for another (a wait outside the database, which no
     * deadlock detection sees, when the pool is busy).
     */
    private void settleFirst() {
        metrics.settle();
    }

    @Override
    public boolean isMember(CustomerId customer, SegmentId segment, Instant now) {
        Optional<Segment> found = segments.byId(segment);
        if (found.isEmpty()) {
            return false;
        }
        // in the caller's transaction: a reaction's, which holds the customer's wallet (see settleWithin)
        metrics.settleWithin(customer);
        return evaluator.contains(resolve(found.get().condition(), Optional.of(segment)), now, customer);
    }

    @Override
    public List<CustomerSummary> snapshotMembers(UUID snapshotId, String afterId, int limit) {
        segments.snapshot(snapshotId).orElseThrow(() -> new SegmentNotFoundException("no snapshot has this id"));
        return evaluator.snapshotMembers(
                snapshotId, afterId == null ? "" : afterId, Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    @Override
    public List<Segment> segmentsOf(CustomerId customer, Instant now) {
        List<Segment> in = new ArrayList<>();
        metrics.settle(customer);
        for (Segment segment : segments.all()) {
            if (evaluator.contains(resolve(segment.condition(), Optional.of(segment.id())), now, customer)) {
                in.add(segment);
            }
        }
        return in;
    }

    @Override
    @Transactional
    public Frozen freeze(SegmentId id) {
        settleFirst();
        Segment segment = load(id);
        Condition resolved = resolve(segment.condition(), Optional.of(id));
        Instant now = now();
        UUID snapshotId = UUID.randomUUID();
        long members = evaluator.freeze(
                snapshotId,
                new Snapshot(snapshotId, id, now, 0, segment.condition().toJson()),
                resolved);
        segments.evaluated(id, members, now);
        return new Frozen(snapshotId, members);
    }

    @Override
    @Transactional
    public Frozen freeze(Condition condition) {
        settleFirst();
        Condition resolved = resolve(condition, Optional.empty());
        UUID snapshotId = UUID.randomUUID();
        return new Frozen(snapshotId, evaluator.freezeCondition(snapshotId, now(), condition.toJson(), resolved));
    }

    @Override
    public List<CustomerSummary> frozenMembers(UUID snapshotId, String afterId, int limit) {
        return evaluator.snapshotMembers(
                snapshotId, afterId == null ? "" : afterId, Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    private Segment load(SegmentId id) {
        return segments.byId(id).orElseThrow(() -> new SegmentNotFoundException("no segment has this id"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @param self the segment the condition belongs to, if saved or being saved (a reference back to
     *     it is a cycle)
     * @return the condition with every inSegment replaced by the segment's own condition
     */
    private Condition resolve(Condition condition, Optional<SegmentId> self) {
        Set<SegmentId> chain = new LinkedHashSet<>();
        self.ifPresent(chain::add);
        Condition expanded = resolve(condition, "$", chain, new HashMap<>());
        if (size(expanded, 0) > MAX_EXPANDED_NODES) {
            throw new SegmentConditionInvalidException(
                    "$", "with the segments it refers to, a condition has at most " + MAX_EXPANDED_NODES + " nodes");
        }
        return expanded;
    }

    private static int size(Condition condition, int counted) {
        if (counted > MAX_EXPANDED_NODES) {
            return counted;
        }
        int total = counted + 1;
        if (condition instanceof Condition.All all) {
            for (Condition c : all.conditions()) {
                total = size(c, total);
            }
        } else if (condition instanceof Condition.Any any) {
            for (Condition c : any.conditions()) {
                total = size(c, total);
            }
        } else if (condition instanceof Condition.Not not) {
            total = size(not.condition(), total);
        }
        return total;
    }

    private Condition resolve(
            Condition condition, String path, Set<SegmentId> chain, Map<SegmentId, Condition> resolved) {
        if (condition instanceof Condition.All all) {
            return new Condition.All(children(all.conditions(), path + ".all", chain, resolved));
        }
        if (condition instanceof Condition.Any any) {
            return new Condition.Any(children(any.conditions(), path + ".any", chain, resolved));
        }
        if (condition instanceof Condition.Not not) {
            return new Condition.Not(resolve(not.condition(), path + ".not", chain, resolved));
        }
        if (!(condition instanceof Condition.InSegment in)) {
            return condition;
        }
        String at = path + ".inSegment";
        SegmentId target = in.segment();
        if (chain.contains(target)) {
            throw new SegmentConditionInvalidException(at, "inSegment makes a cycle of segments");
        }
        if (chain.size() >= MAX_REFERENCE_DEPTH) {
            throw new SegmentConditionInvalidException(
                    at, "inSegment reaches at most " + MAX_REFERENCE_DEPTH + " segments deep");
        }
        Condition known = resolved.get(target);
        if (known != null) {
            return known;
        }
        Segment referenced = segments.byId(target)
                .orElseThrow(() -> new SegmentConditionInvalidException(at, "no segment has this id"));
        chain.add(target);
        Condition expanded = resolve(referenced.condition(), at, chain, resolved);
        chain.remove(target);
        resolved.put(target, expanded);
        return expanded;
    }

    private List<Condition> children(
            List<Condition> conditions, String path, Set<SegmentId> chain, Map<SegmentId, Condition> resolved) {
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            out.add(resolve(conditions.get(i), path + "[" + i + "]", chain, resolved));
        }
        return out;
    }
}
