/**
 * The main class of {@code loyalty.jar}: it prepares what the service needs before Payara Micro
 * starts (an embedded MariaDB when no database is configured, development JWT keys when no real key
 * is) and offers the {@code token} command that mints demonstration tokens.
 */
package dev.loyalty.launcher;
