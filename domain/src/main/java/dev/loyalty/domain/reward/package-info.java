/** Rewards: what a customer can spend points on (a coupon from a template, for now). */
package dev.loyalty.domain.reward;
