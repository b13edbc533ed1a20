/**
 * Messages over HTTP: the console's view of a customer's messages with their history, the dead
 * letters and their retry, a message sent by hand, the stores' call lists, and the unsubscribe link.
 */
package dev.loyalty.adapters.web.messaging;
