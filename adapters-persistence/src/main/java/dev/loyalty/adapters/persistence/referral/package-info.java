/** Referral codes (on {@code customer}), referrals and the referral programme. */
package dev.loyalty.adapters.persistence.referral;
