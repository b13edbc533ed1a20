package dev.loyalty.application.history;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for imported purchases that grow with time (RFC 9562 version 7: the milliseconds first,
 * then a counter, then random bits), each greater than the one before on this instance. The
 * purchase, its lines and its category and SKU rows are keyed by the purchase's id: with random
 * ids a large import inserted into random pages of the three largest tables (a disk read each once
 * they outgrow the buffer pool); with these it appends at their ends. Their text sorts as they do.
 */
final class TimeOrderedIds {

    private static final int COUNTER_MAX = 0xFFF;

    private long lastMillis = Long.MIN_VALUE;
    private int counter;

    /** @return an id after every one this generator gave, carrying {@code now}'s milliseconds or a little later */
    synchronized UUID next(Instant now) {
        long millis = now.toEpochMilli();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = 0;
        } else if (++counter > COUNTER_MAX) {
            lastMillis++;
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
