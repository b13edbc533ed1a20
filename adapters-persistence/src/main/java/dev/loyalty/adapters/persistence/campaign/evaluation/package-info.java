/**
 * The campaign evaluation's queries: set-based SQL over {@code campaign_member}, the purchases in
 * each member's attribution window ({@code purchase}, {@code purchase_line} for a product or
 * category campaign), the campaign's coupons and its messages.
 */
package dev.loyalty.adapters.persistence.campaign.evaluation;
