package dev.loyalty.domain.messaging;

import dev.loyalty.domain.shared.DomainException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link Message} was asked for a step its status does not allow (e.g. to deliver a message that
 * was never sent). Names the message, its status, the step and the statuses it needs. Code
 * {@value #CODE}.
 */
public class MessageTransitionIllegalException extends DomainException {

    /** The machine code. */
    public static final String CODE = "message-transition-illegal";

    private final UUID messageId;
    private final MessageStatus status;
    private final String transition;
    private final Set<MessageStatus> allowedFrom;

    /**
     * @param messageId the message
     * @param status its status now
     * @param transition the step asked for (e.g. {@code deliver})
     * @param allowedFrom the statuses the step starts from
     */
    public MessageTransitionIllegalException(
            UUID messageId, MessageStatus status, String transition, Set<MessageStatus> allowedFrom) {
        super("message " + Objects.requireNonNull(messageId, "messageId") + " is "
                + Objects.requireNonNull(status, "status") + "; " + Objects.requireNonNull(transition, "transition")
                + " needs it " + EnumSet.copyOf(allowedFrom));
        this.messageId = messageId;
        this.status = status;
        this.transition = transition;
        this.allowedFrom = Set.copyOf(EnumSet.copyOf(allowedFrom));
    }

    /** @return the message */
    public UUID messageId() {
        return messageId;
    }

    /** @return its status when the step was asked for */
    public MessageStatus status() {
        return status;
    }

    /** @return the step asked for */
    public String transition() {
        return transition;
    }

    /** @return the statuses the step starts from */
    public Set<MessageStatus> allowedFrom() {
        return allowedFrom;
    }

    @Override
    public String code() {
        return CODE;
    }
}
