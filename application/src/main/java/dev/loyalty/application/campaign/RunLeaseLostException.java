package dev.loyalty.application.campaign;

/** The run's lease went to another runner: the page in flight rolls back and this runner stops. */
public class RunLeaseLostException extends RuntimeException {

    public RunLeaseLostException(String detail) {
        super(detail);
    }
}
