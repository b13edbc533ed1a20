/**
 * Segments: preview a condition, save it under a name, count it, freeze its membership in a
 * snapshot (what campaigns target), list members by keyset, and answer "is this customer in that
 * segment" for rules and campaigns ({@link dev.loyalty.application.segment.SegmentMembership}).
 * Evaluation is set-based, by the {@link dev.loyalty.application.segment.SegmentEvaluator} port.
 */
package dev.loyalty.application.segment;
