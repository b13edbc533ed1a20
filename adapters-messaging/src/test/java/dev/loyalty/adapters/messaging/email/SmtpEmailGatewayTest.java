package dev.loyalty.adapters.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.loyalty.application.messaging.GatewayException;
import dev.loyalty.application.messaging.MessageGateway;
import dev.loyalty.application.messaging.OutgoingMessage;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.messaging.Channel;
import dev.loyalty.domain.messaging.MessageKind;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP gateway against GreenMail, a real SMTP server in the test's JVM. */
class SmtpEmailGatewayTest {

    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"))
            .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                    .withUser("loyalty", "secret"));

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static OutgoingMessage marketing(String to) {
        return new OutgoingMessage(
                UUID.fromString("7f3c2a10-0000-4000-8000-000000000001"),
                CustomerId.newId(),
                Channel.EMAIL,
                MessageKind.MARKETING,
                to,
                "Novità per te",
                "Ciao Elena,\nil tuo coupon <K7P2QX9M4> & altro",
                Optional.of("https://loyalty.test/api/v1/unsubscribe?token=abc.def"));
    }

    @Test
    void theServerReceivesTextAndHtmlWithTheUnsubscribeHeaders() throws Exception {
        SmtpEmailGateway gateway = new SmtpEmailGateway(new SmtpSettings(
                "127.0.0.1", PORT, Optional.of("loyalty"), Optional.of("secret"), false, true, "club@shop.example"));

        MessageGateway.Accepted accepted = gateway.send(marketing("elena@example.com"));

        assertThat(accepted.providerId()).isEqualTo("<7f3c2a10-0000-4000-8000-000000000001@loyalty>");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Novità per te");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("club@shop.example");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("elena@example.com");
        assertThat(mail.getMessageID()).isEqualTo(accepted.providerId());
        assertThat(mail.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://loyalty.test/api/v1/unsubscribe?token=abc.def>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent())
                .contains("il tuo coupon <K7P2QX9M4> & altro")
                .contains("To stop receiving these messages: https://loyalty.test/api/v1/unsubscribe?token=abc.def");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent())
                .contains("Ciao Elena,<br>il tuo coupon &lt;K7P2QX9M4&gt; &amp; altro")
                .contains("<a href=\"https://loyalty.test/api/v1/unsubscribe?token=abc.def\">Unsubscribe</a>");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
    }

    @Test
    void aServerThatIsDownIsWorthAnotherAttempt() {
        SmtpEmailGateway gateway = new SmtpEmailGateway(new SmtpSettings(
                "127.0.0.1", freePort(), Optional.empty(), Optional.empty(), false, false, "club@shop.example"));

        assertThatThrownBy(() -> gateway.send(marketing("elena@example.com")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("elena");
                });
    }

    @Test
    void aMalformedAddressIsNotTriedAgain() {
        SmtpEmailGateway gateway = new SmtpEmailGateway(new SmtpSettings(
                "127.0.0.1", PORT, Optional.of("loyalty"), Optional.of("secret"), false, true, "club@shop.example"));

        assertThatThrownBy(() -> gateway.send(marketing("not an address")))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void startTlsIsOnByDefaultWhenTheRelayAsksForAUser() {
        assertThat(SmtpSettings.startTls(Optional.empty(), Optional.of("loyalty")))
                .isTrue();
        assertThat(SmtpSettings.startTls(Optional.empty(), Optional.empty())).isFalse();
        assertThat(SmtpSettings.startTls(Optional.of("false"), Optional.of("loyalty")))
                .isFalse();
        assertThat(SmtpSettings.startTls(Optional.of("true"), Optional.empty())).isTrue();
    }

    @Test
    void aUserWithoutTlsIsRefusedUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> new SmtpSettings(
                        "127.0.0.1",
                        PORT,
                        Optional.of("loyalty"),
                        Optional.of("secret"),
                        false,
                        false,
                        "c@shop.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("LOYALTY_SMTP_STARTTLS=false with LOYALTY_SMTP_USER")
                .hasMessageContaining("LOYALTY_SMTP_ALLOW_PLAIN_AUTH=true");
    }

    @Test
    void withAUserByDefaultThePasswordNeverGoesToARelayWithoutStartTls() {
        // GreenMail's plain SMTP offers no STARTTLS: the default (on, required) refuses to log in
        Optional<String> user = Optional.of("loyalty");
        SmtpEmailGateway gateway = new SmtpEmailGateway(new SmtpSettings(
                "127.0.0.1",
                PORT,
                user,
                Optional.of("secret"),
                SmtpSettings.startTls(Optional.empty(), user),
                false,
                "club@shop.example"));

        assertThatThrownBy(() -> gateway.send(marketing("elena@example.com")))
                .isInstanceOf(GatewayException.class)
                .hasStackTraceContaining("STARTTLS is required");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
