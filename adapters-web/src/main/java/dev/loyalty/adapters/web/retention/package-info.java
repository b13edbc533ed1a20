/** {@code POST /data-retention/purges} and the retention periods from the configuration. */
package dev.loyalty.adapters.web.retention;
