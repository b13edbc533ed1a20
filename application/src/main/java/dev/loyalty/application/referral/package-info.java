/**
 * Referral: every customer has a code to share; a newcomer who enrols with it and then makes a
 * first purchase earns points for both, once, within the programme's limits.
 */
package dev.loyalty.application.referral;
