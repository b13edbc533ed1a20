package dev.loyalty.adapters.messaging.email;

import dev.loyalty.adapters.messaging.RootCause;
import dev.loyalty.application.messaging.GatewayException;
import dev.loyalty.application.messaging.MessageGateway;
import dev.loyalty.application.messaging.OutgoingMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends e-mail through an SMTP relay: {@code multipart/alternative} with a text and an HTML part,
 * the message's stable id in {@code Message-ID} (and as the provider id), and for marketing the
 * unsubscribe link in the body and in {@code List-Unsubscribe} with {@code List-Unsubscribe-Post}
 * (one click, RFC 8058). SMTP has no idempotency: a relay that died after the server accepted a
 * message sends it once more (a receiving system may drop the repeat by its Message-ID).
 * Malformed addresses and refused recipients are permanent failures; everything else (connection, time-out, 4xx) is tried again.
 */
public final class SmtpEmailGateway implements MessageGateway {

    private final SmtpSettings settings;
    private final Session session;

    public SmtpEmailGateway(SmtpSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.auth", String.valueOf(settings.user().isPresent()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        this.session = Session.getInstance(properties);
    }

    @Override
    public Accepted send(OutgoingMessage message) {
        String messageId = "<" + message.id() + "@loyalty>";
        try {
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(settings.from()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.address(), true));
            mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mail.setSentDate(new Date());
            message.unsubscribeUrl().ifPresent(url -> {
                try {
                    mail.setHeader("List-Unsubscribe", "<" + url + ">");
                    mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
            MimeBodyPart text = new MimeBodyPart();
            text.setText(plain(message), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(html(message), StandardCharsets.UTF_8.name(), "html");
            mail.setContent(new MimeMultipart("alternative", text, html));
            mail.saveChanges();
            if (settings.user().isPresent()) {
                Transport.send(mail, settings.user().get(), settings.password().orElse(""));
            } else {
                Transport.send(mail);
            }
            return new Accepted(messageId, "smtp");
        } catch (SendFailedException e) {
            boolean refusedRecipient = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new GatewayException(
                    "smtp refused the message" + (refusedRecipient ? " (recipient refused)" : ""),
                    !refusedRecipient,
                    e);
        } catch (AddressException e) {
            throw new GatewayException("the address is not an e-mail address", false, e);
        } catch (MessagingException e) {
            throw new GatewayException("smtp failed: " + RootCause.of(e), true, e);
        }
    }

    static String plain(OutgoingMessage message) {
        return message.text()
                + message.unsubscribeUrl()
                        .map(url -> "\n\n--\nTo stop receiving these messages: " + url)
                        .orElse("");
    }

    static String html(OutgoingMessage message) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><p>");
        html.append(escape(message.text()).replace("\n", "<br>"));
        html.append("</p>");
        message.unsubscribeUrl().ifPresent(url -> html.append("<p style=\"font-size:small\"><a href=\"")
                .append(escape(url))
                .append("\">Unsubscribe</a></p>"));
        return html.append("</body></html>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
