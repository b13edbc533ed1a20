/** The app's devices in table {@code customer_device}. */
package dev.loyalty.adapters.persistence.device;
