package dev.loyalty.application.messaging;

/**
 * A provider did not accept a message. Retryable failures (connection refused, time-outs, 5xx,
 * throttling) are tried again later; permanent ones (the provider refuses this message, e.g. an
 * invalid number) make it a dead letter at once. The detail never carries an address or the text.
 */
public class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param detail what happened, without personal data
     * @param retryable whether a later attempt may succeed
     * @param cause the technical cause, if any
     */
    public GatewayException(String detail, boolean retryable, Throwable cause) {
        super(detail, cause);
        this.retryable = retryable;
    }

    /**
     * @param detail what happened, without personal data
     * @param retryable whether a later attempt may succeed
     */
    public GatewayException(String detail, boolean retryable) {
        this(detail, retryable, null);
    }

    /** @return whether a later attempt may succeed */
    public boolean retryable() {
        return retryable;
    }
}
