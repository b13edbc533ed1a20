/**
 * The log of customers' activity, below the use cases: the driven port that records events and
 * hands them out to be reacted to ({@link dev.loyalty.application.activity.ActivityLog}), the
 * facts the service records of itself ({@link dev.loyalty.application.activity.ServiceEvents}),
 * and the interface a capability implements to react to them
 * ({@link dev.loyalty.application.activity.Reactor}). It imports no use-case package, so every
 * use case may record activity, and a new reactor needs no change anywhere else.
 */
package dev.loyalty.application.activity;
