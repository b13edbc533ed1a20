/** Rules and their evaluations, in {@code rule} and {@code rule_evaluation}. */
package dev.loyalty.adapters.persistence.rule;
