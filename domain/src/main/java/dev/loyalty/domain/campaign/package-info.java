/**
 * Campaigns: a promotional action aimed at an audience, through a channel, with an offer, judged
 * afterwards against a control group that was left out of it.
 */
package dev.loyalty.domain.campaign;
