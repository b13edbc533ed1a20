/**
 * What customers do - the seeds' EVENT - as rules and missions see it: an {@link
 * dev.loyalty.domain.activity.Activity} of a named {@link dev.loyalty.domain.activity.EventType}
 * with its attributes.
 */
package dev.loyalty.domain.activity;
