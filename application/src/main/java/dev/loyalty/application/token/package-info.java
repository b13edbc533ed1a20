/**
 * Tokens beyond their signature: the age a token may have by its role, the revocation list (by
 * token id or by subject) that an administrator adds to and every request is checked against,
 * from a copy in memory refreshed from the database every few seconds (so that every instance
 * sees a revocation within seconds).
 */
package dev.loyalty.application.token;
