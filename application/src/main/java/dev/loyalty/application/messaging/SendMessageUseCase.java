package dev.loyalty.application.messaging;

/** Driving port: the console queues a message for one customer, sent like any other. */
public interface SendMessageUseCase {

    /** @return the message queued, with its history */
    MessageRecord send(SendMessageCommand command);
}
