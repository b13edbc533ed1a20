package dev.loyalty.application.privacy;

import java.time.Instant;

/**
 * What a purge removed.
 *
 * @param at the instant the periods were counted back from
 * @param prospectEvents events of contacts that never enrolled, deleted
 * @param events customers' events deleted
 * @param verdicts verdicts that fired nothing, deleted
 * @param messageHistory message history rows deleted
 * @param messageTexts messages whose text and values were erased (the message itself stays)
 */
public record PurgeReport(
        Instant at, int prospectEvents, int events, int verdicts, int messageHistory, int messageTexts) {}
