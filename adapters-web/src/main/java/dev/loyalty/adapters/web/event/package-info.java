/** {@code /events}: what integrations and the app tell us customers did. */
package dev.loyalty.adapters.web.event;
