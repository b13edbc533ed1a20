package dev.loyalty.application.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
     * Relays one batch: its messages judged in one transaction, sent one after the other, their
     * acceptances recorded in one transaction (a failed attempt is recorded on its own). Should the
     * batch's judging fail, each message is judged on its own, so that one bad message holds up
     * none of the others; should recording the acceptances together fail, each is recorded on its
     * own (a message whose acceptance could not be recorded is sent again when its lease runs out,
     * under the same id, as after a crash).
     *
     * @param limit the most messages to claim
     * @return how many were claimed (0: nothing is due)
     */
    public int relayOnce(int limit) {
        return relayOnce(limit, Runnable::run);
    }

    /**
     * Relays one batch as {@link #relayOnce(int)} does, its messages sent side by side on {@code
     * sends} (several in flight: the provider's answer, not this thread, is what a send waits
     * for). Each message was claimed by this relay alone, so sending them together sends none twice.
     *
     * @param limit the most messages to claim
     * @param sends where the provider calls run (the caller's thread: {@code Runnable::run})
     * @return how many were claimed (0: nothing is due)
     */
    public int relayOnce(int limit, Executor sends) {
        List<Messages.Claim> claims = dispatch.claim(limit);
        if (claims.isEmpty()) {
            return 0;
        }
        List<MessageDispatch.Step> steps;
        try {
            steps = dispatch.prepareAll(claims);
        } catch (RuntimeException batchFailed) {
            steps = new ArrayList<>();
            for (Messages.Claim claim : claims) {
                try {
                    steps.add(dispatch.prepare(claim));
                } catch (RuntimeException e) {
                    // the lease runs out and the message is taken again
                    LOG.log(Level.WARNING, "Message " + claim.id() + " could not be relayed now; it will be again", e);
                    steps.add(new MessageDispatch.Settled("not prepared"));
                }
            }
        }
        Map<Messages.Claim, CompletableFuture<Optional<MessageGateway.Accepted>>> inFlight = new LinkedHashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            Messages.Claim claim = claims.get(i);
            if (steps.get(i) instanceof MessageDispatch.Send send) {
                CompletableFuture<Optional<MessageGateway.Accepted>> sent;
                try {
                    sent = CompletableFuture.supplyAsync(() -> sendLogged(claim, send), sends);
                } catch (RuntimeException rejected) {
                    // the executor is full or stopping: sent here instead
                    sent = CompletableFuture.completedFuture(sendLogged(claim, send));
                }
                inFlight.put(claim, sent);
            }
        }
        Map<Messages.Claim, MessageGateway.Accepted> accepted = new LinkedHashMap<>();
        inFlight.forEach((claim, sent) -> sent.join().ifPresent(receipt -> accepted.put(claim, receipt)));
        if (!accepted.isEmpty()) {
            try {
                dispatch.acceptedAll(accepted);
            } catch (RuntimeException batchFailed) {
                accepted.forEach((claim, receipt) -> {
                    try {
                        dispatch.accepted(claim, receipt);
                    } catch (RuntimeException e) {
                        LOG.log(
                                Level.WARNING,
                                "Message " + claim.id() + " was accepted, which could not be recorded now",
                                e);
                    }
                });
            }
        }
        return claims.size();
    }

    /** {@link #send}, a failure logged (the lease runs out and the message is taken again). */
    private Optional<MessageGateway.Accepted> sendLogged(Messages.Claim claim, MessageDispatch.Send send) {
        try {
            return send(claim, send);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Message " + claim.id() + " could not be relayed now; it will be again", e);
            return Optional.empty();
        }
    }

    /**
     * Sends a prepared message (for push, each copy), records a failure at once and the devices
     * found gone.
     *
     * @return the provider's acceptance, to be recorded; empty when none accepted it (recorded)
     */
    private Optional<MessageGateway.Accepted> send(Messages.Claim claim, MessageDispatch.Send send) {
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
        if (accepted.isEmpty()) {
            dispatch.failed(claim, failure);
        }
        return accepted;
    }
}
