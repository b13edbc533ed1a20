/**
 * Messages to customers as the business sees them: the {@link dev.loyalty.domain.messaging.Message}
 * aggregate with its checked status steps, the channels, a message's kind and status, the text with
 * its placeholders, and the policies that decide whether, when and where a message may go (channel
 * choice, marketing pressure, quiet hours, retry schedule). Plain Java only.
 */
package dev.loyalty.domain.messaging;
