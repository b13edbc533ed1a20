package dev.loyalty.application.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A receipt read from a history file: its store and id (unique together), when it occurred, who
 * bought (a card number, customer id, e-mail or phone, as the file gave it; empty: anonymous),
 * the channel ({@code STORE} or {@code ONLINE}) and its lines.
 *
 * @param line the line (CSV) or transaction ordinal (POSLog) where it starts
 */
public record ImportedReceipt(
        long line,
        String storeId,
        String receiptId,
        Instant occurredAt,
        Optional<String> customer,
        String channel,
        List<ImportedLine> lines) {

    public ImportedReceipt {
        lines = List.copyOf(lines);
        customer = customer == null ? Optional.empty() : customer;
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a receipt has lines");
        }
    }

    /** @return the receipt's key, {@code store} and {@code receipt} joined by a unit separator */
    public String key() {
        return key(storeId, receiptId);
    }

    public static String key(String storeId, String receiptId) {
        return storeId + '\u001f' + receiptId;
    }

    /** @return the net of its lines, in cents */
    public long netCents() {
        long net = 0;
        for (ImportedLine line : lines) {
            net += line.netCents();
        }
        return net;
    }
}
