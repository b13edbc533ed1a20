package dev.loyalty.application.event;

/** Driving port: take in an event from an integration or the app. */
public interface RecordEventUseCase {

    /** The most events in one batch. */
    int MAX_BATCH = 500;

    /**
     * @param command the event
     * @return what became of it
     */
    EventReceipt record(RecordEventCommand command);

    /**
     * Takes in an integration's events together, in one transaction: each is judged as {@link
     * #record} would judge it; a refused one changes nothing and holds up none of the others.
     *
     * @param commands the events, at most {@link #MAX_BATCH}
     * @return for each, in order, what became of it or why it was refused
     */
    java.util.List<BatchItem> recordAll(java.util.List<RecordEventCommand> commands);

    /**
     * One event of a batch: its receipt, or the refusal {@link #record} would have thrown.
     *
     * @param receipt what became of it, when taken in
     * @param refusal why it was refused, else {@code null}
     */
    record BatchItem(EventReceipt receipt, dev.loyalty.domain.shared.DomainException refusal) {

        static BatchItem of(EventReceipt receipt) {
            return new BatchItem(receipt, null);
        }

        static BatchItem refused(dev.loyalty.domain.shared.DomainException refusal) {
            return new BatchItem(null, refusal);
        }
    }
}
