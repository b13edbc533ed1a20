/**
 * E-mail through any SMTP relay with Jakarta Mail (host, port, STARTTLS, authentication): a text
 * and an HTML part, and for marketing an unsubscribe link and the {@code List-Unsubscribe} headers.
 */
package dev.loyalty.adapters.messaging.email;
