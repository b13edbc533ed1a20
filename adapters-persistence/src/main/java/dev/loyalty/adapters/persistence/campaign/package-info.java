/**
 * Campaigns in {@code campaign} (the definition as its JSON text, budget counters spent by
 * conditional updates), {@code campaign_run} (the unique slot, the lease, the cursor and the tally)
 * and {@code campaign_member} (one row per campaign, customer and occasion).
 */
package dev.loyalty.adapters.persistence.campaign;
