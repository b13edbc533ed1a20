package dev.loyalty.adapters.web.checkout;

import dev.loyalty.application.messaging.PrintableMessage;
import java.util.List;

/**
 * A message to print on the receipt (PRINT_AT_TILL): delivered by a purchase, shown by a quote.
 *
 * @param messageId the message
 * @param text what to print
 */
public record PrintBlock(String messageId, String text) {

    /** @return the blocks of these messages */
    public static List<PrintBlock> of(List<PrintableMessage> printable) {
        return printable.stream()
                .map(m -> new PrintBlock(m.messageId().toString(), m.text()))
                .toList();
    }
}
