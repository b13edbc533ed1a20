package dev.loyalty.domain.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a customer from being over-contacted: a marketing message may take a slot when every cap
 * that covers its channel still has one left, after the slots owed to the customer's messages of
 * higher priority that are waiting to go at the same time (so that among contending campaigns the
 * higher priorities get through and the lower ones are suppressed). Transactional messages are not
 * judged here and take no slot.
 *
 * @param caps the caps, each judged on its own
 */
public record MarketingPressurePolicy(List<PressureCap> caps) {

    /**
     * A marketing message that took a slot.
     *
     * @param at when it took it
     * @param channel on which channel
     */
    public record Counted(Instant at, Channel channel) {}

    /** Copies the caps. */
    public MarketingPressurePolicy {
        caps = List.copyOf(caps);
    }

    /**
     * @param channel the channel of the message judged
     * @param now the present
     * @param counted the customer's marketing messages that took a slot (older ones are ignored)
     * @param waitingHigher the channels of the customer's waiting messages of higher priority
     * @return why the message may not go, or empty when it may take a slot
     */
    public Optional<String> refusal(Channel channel, Instant now, List<Counted> counted, List<Channel> waitingHigher) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(now, "now");
        for (PressureCap cap : caps) {
            if (!cap.covers(channel)) {
                continue;
            }
            Instant since = now.minus(cap.window());
            long used = counted.stream()
                    .filter(c -> c.at().isAfter(since) && cap.covers(c.channel()))
                    .count();
            if (used >= cap.max()) {
                return Optional.of("marketing pressure: cap of " + cap.describe() + " reached");
            }
            long owed = waitingHigher.stream().filter(cap::covers).count();
            if (used + owed >= cap.max()) {
                return Optional.of("marketing pressure: the slots left under the cap of " + cap.describe() + " go to "
                        + owed + " waiting message(s) of higher priority");
            }
        }
        return Optional.empty();
    }
}
