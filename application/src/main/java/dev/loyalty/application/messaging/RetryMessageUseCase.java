package dev.loyalty.application.messaging;

import dev.loyalty.application.shared.Actor;
import java.util.UUID;

/** Driving port: an administrator queues a dead letter again, with a fresh set of attempts. */
public interface RetryMessageUseCase {

    /**
     * @return the message, queued again
     * @throws MessageNotRetryableException when it is not FAILED
     */
    MessageRecord retry(UUID id, Actor actor);
}
