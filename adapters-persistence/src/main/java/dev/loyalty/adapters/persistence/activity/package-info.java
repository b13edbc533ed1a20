/** The customers' events and their reaction marks, in {@code customer_event}. */
package dev.loyalty.adapters.persistence.activity;
