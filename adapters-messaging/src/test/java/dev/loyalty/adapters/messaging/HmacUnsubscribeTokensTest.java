package dev.loyalty.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.messaging.UnsubscribeLinkInvalidException;
import dev.loyalty.application.messaging.UnsubscribeTokens;
import dev.loyalty.domain.customer.ConsentPurpose;
import dev.loyalty.domain.customer.CustomerId;
import org.junit.jupiter.api.Test;

class HmacUnsubscribeTokensTest {

    final HmacUnsubscribeTokens tokens = new HmacUnsubscribeTokens("a-secret-long-enough-for-tests");

    @Test
    void aTokenSaysWhoAndWhichConsent() {
        CustomerId elena = CustomerId.newId();

        String token = tokens.token(elena, ConsentPurpose.MARKETING_EMAIL);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.verify(token))
                .isEqualTo(new UnsubscribeTokens.Subject(elena, ConsentPurpose.MARKETING_EMAIL));
    }

    @Test
    void aForgedOrAlteredTokenIsRefused() {
        String token = tokens.token(CustomerId.newId(), ConsentPurpose.MARKETING_EMAIL);
        String otherCustomer = tokens.token(CustomerId.newId(), ConsentPurpose.MARKETING_EMAIL);
        String swapped = otherCustomer.substring(0, otherCustomer.indexOf('.')) + token.substring(token.indexOf('.'));

        for (String forged : new String[] {
            swapped, token.substring(0, token.length() - 2) + "xx", "nodot", ".", "a.b", "", null, "x".repeat(600)
        }) {
            assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(UnsubscribeLinkInvalidException.class);
        }
        assertThatThrownBy(() -> new HmacUnsubscribeTokens("another-secret-of-16+").verify(token))
                .isInstanceOf(UnsubscribeLinkInvalidException.class);
    }
}
