/**
 * The campaign's evaluation for the console: the figures of its treatment and control groups read
 * set-based from its members, judged by {@code domain.campaign.evaluation}, and its members page by
 * page with whether each responded.
 */
package dev.loyalty.application.campaign.evaluation;
