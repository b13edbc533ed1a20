/**
 * Rules: "when the customer does X (and these conditions hold), the platform does Y". A {@link
 * dev.loyalty.domain.rule.Rule} judges an {@link dev.loyalty.domain.activity.Activity} and says
 * why it fires or not; the application performs its actions.
 */
package dev.loyalty.domain.rule;
