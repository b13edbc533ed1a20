/**
 * Referral: every customer has a code to share; a newcomer who enrols with it and then makes a
 * first purchase earns points for both, once, within the programme's limits
 * ({@link dev.loyalty.application.referral.ReferralReactor}).
 */
package dev.loyalty.application.referral;
