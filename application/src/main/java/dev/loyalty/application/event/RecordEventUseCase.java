package dev.loyalty.application.event;

/** Driving port: take in an event from an integration or the app. */
public interface RecordEventUseCase {

    /**
     * @param command the event
     * @return what became of it
     */
    EventReceipt record(RecordEventCommand command);
}
