/**
 * Events of customers' activity: taken in from integrations and the app
 * ({@link dev.loyalty.application.event.RecordEventUseCase}), and the relay that reacts to each
 * exactly once, after the transaction that recorded it commits
 * ({@link dev.loyalty.application.event.Reactions}, driven by
 * {@link dev.loyalty.application.event.ReactionJob}): it calls every
 * {@link dev.loyalty.application.activity.Reactor} - the rules', the missions', the referrals' -
 * and knows none of them.
 */
package dev.loyalty.application.event;
