/**
 * Segments: a named {@link dev.loyalty.domain.segment.Condition} over what the platform knows of a
 * customer (metrics, purchases, profile attributes, consents, tier, answers, other segments),
 * written as a small JSON language ({@link dev.loyalty.domain.segment.ConditionParser}) and
 * evaluated set-based by the persistence adapter.
 */
package dev.loyalty.domain.segment;
