/** The rewards catalogue and claims. */
package dev.loyalty.adapters.web.reward;
