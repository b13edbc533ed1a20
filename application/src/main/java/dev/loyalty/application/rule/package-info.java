/**
 * Rules: the console defines them; {@link dev.loyalty.application.rule.RuleReactor} judges each
 * event by them, records why, and performs the actions of the rules that fire.
 */
package dev.loyalty.application.rule;
