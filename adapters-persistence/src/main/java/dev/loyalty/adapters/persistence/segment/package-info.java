/**
 * Segments in SQL: a condition compiled to one query over {@code customer} (fixed fragments chosen
 * by the condition's enums, every value a bound parameter), the saved segments, and their frozen
 * snapshots.
 */
package dev.loyalty.adapters.persistence.segment;
