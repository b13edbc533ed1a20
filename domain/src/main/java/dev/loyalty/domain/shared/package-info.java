/**
 * Building blocks shared by every part of the domain: the domain exception family (each
 * failure carries a stable machine code) and the {@link dev.loyalty.domain.shared.DomainEvent}
 * contract that every event of every aggregate fulfils. Plain Java only.
 */
package dev.loyalty.domain.shared;
