package dev.loyalty.application.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, after commit: claims a batch of due messages, then for each one
 * prepares it, calls its gateway outside any transaction and records the outcome. Several relays
 * (threads, instances) run side by side; each message is claimed by one. A push goes to each of the
 * customer's devices: it counts as sent when one device's copy was accepted (the others' failures
 * are not retried, which would repeat it on the accepted ones), and the devices the provider says
 * are unregistered are forgotten. Logs carry message and customer ids, never an address or a text.
 */
@ApplicationScoped
public class MessageRelay {

    private static final Logger LOG = Logger.getLogger(MessageRelay.class.getName());

    private final MessageDispatch dispatch;
    private final MessageGateways gateways;

    /** For CDI's proxy only. */
    protected MessageRelay() {
        this(null, null);
    }

    @Inject
    public MessageRelay(MessageDispatch dispatch, MessageGateways gateways) {
        this.dispatch = dispatch;
        this.gateways = gateways;
    }

    /**
     * Relays one batch.
     *
     * @param limit the most messages to claim
     * @return how many were claimed (0: nothing is due)
     */
    public int relayOnce(int limit) {
        List<Messages.Claim> claims = dispatch.claim(limit);
        for (Messages.Claim claim : claims) {
            try {
                relay(claim);
            } catch (RuntimeException e) {
                // the lease runs out and the message is taken again
                LOG.log(Level.WARNING, "Message " + claim.id() + " could not be relayed now; it will be again", e);
            }
        }
        return claims.size();
    }

    private void relay(Messages.Claim claim) {
        MessageDispatch.Step step = dispatch.prepare(claim);
        if (!(step instanceof MessageDispatch.Send send)) {
            return;
        }
        OutgoingMessage first = send.message();
        MessageGateway gateway = gateways.forChannel(first.channel());
        Optional<MessageGateway.Accepted> accepted = Optional.empty();
        GatewayException failure = null;
        List<String> gone = new ArrayList<>();
        for (OutgoingMessage message : send.copies()) {
            try {
                MessageGateway.Accepted receipt = gateway.send(message);
                accepted = accepted.or(() -> Optional.of(receipt));
            } catch (GatewayException e) {
                LOG.log(Level.INFO, "Message {0} to customer {1} on {2} not accepted: {3}", new Object[] {
                    message.id(), message.customerId(), message.channel(), e.getMessage()
                });
                if (e instanceof AddressGoneException) {
                    gone.add(message.address());
                }
                failure = failure == null || (failure instanceof AddressGoneException && e.retryable()) ? e : failure;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Message " + message.id() + ": the " + message.channel() + " gateway failed", e);
                failure = new GatewayException("gateway error " + e.getClass().getSimpleName(), true, e);
            }
        }
        if (!gone.isEmpty()) {
            dispatch.addressesGone(first.id(), gone);
        }
        if (accepted.isPresent()) {
            dispatch.accepted(claim, accepted.get());
        } else {
            dispatch.failed(claim, failure);
        }
    }
}
