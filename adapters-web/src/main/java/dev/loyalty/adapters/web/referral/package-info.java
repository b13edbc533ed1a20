/** The referral programme ({@code /referral-programme}) and the app's code to share ({@code /me/referral}). */
package dev.loyalty.adapters.web.referral;
