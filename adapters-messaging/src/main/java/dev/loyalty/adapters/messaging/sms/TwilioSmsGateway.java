package dev.loyalty.adapters.messaging.sms;

import dev.loyalty.adapters.messaging.RootCause;
import dev.loyalty.application.messaging.GatewayException;
import dev.loyalty.application.messaging.MessageGateway;
import dev.loyalty.application.messaging.OutgoingMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends SMS through Twilio's Messages API and speaks the port's language: 2xx is accepted (the
 * provider id is Twilio's {@code sid}); time-outs, refused connections, 429 and 5xx are worth
 * another attempt; 400 and 422 (Twilio refuses this message: a bad number, a body too long) are
 * not; 401, 403 and 404 are a configuration fault, tried again so that fixing the configuration
 * lets the messages through. The message's stable id goes as {@code I-Twilio-Idempotency-Token}.
 */
public final class TwilioSmsGateway implements MessageGateway {

    /** One provider, looked up once: {@code Json.createReader} looks it up on every message. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final TwilioMessagesClient client;
    private final String authorization;
    private final String from;
    private final Optional<String> statusCallback;

    /**
     * @param client the REST client, pointed at the account's Messages URL
     * @param accountSid the account SID
     * @param authToken the auth token
     * @param from the sender (a number or an alphanumeric sender id)
     * @param statusCallback the public URL of the delivery-status callback, if reports are wanted
     */
    public TwilioSmsGateway(
            TwilioMessagesClient client,
            String accountSid,
            String authToken,
            String from,
            Optional<String> statusCallback) {
        this.client = Objects.requireNonNull(client, "client");
        Objects.requireNonNull(accountSid, "accountSid");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = Objects.requireNonNull(from, "from");
        this.statusCallback = statusCallback;
    }

    @Override
    public Accepted send(OutgoingMessage message) {
        Form form =
                new Form().param("To", message.address()).param("From", from).param("Body", message.text());
        statusCallback.ifPresent(url -> form.param("StatusCallback", url));
        Response response;
        try {
            response = client.create(authorization, message.id().toString(), form);
        } catch (ProcessingException e) {
            throw new GatewayException("twilio unreachable: " + RootCause.of(e), true, e);
        }
        try {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status >= 200 && status < 300) {
                return new Accepted(sid(body), "twilio");
            }
            String error = "twilio answered HTTP " + status + errorCode(body);
            boolean permanent = status == 400 || status == 422;
            throw new GatewayException(error, !permanent);
        } catch (ProcessingException e) {
            throw new GatewayException("twilio's answer could not be read: " + RootCause.of(e), true, e);
        } finally {
            response.close();
        }
    }

    private static String sid(String body) {
        JsonObject json =
                json(body).orElseThrow(() -> new GatewayException("twilio answered without a JSON body", true));
        String sid = json.getString("sid", null);
        if (sid == null || sid.isBlank() || sid.length() > 64) {
            throw new GatewayException("twilio answered without a message sid", true);
        }
        return sid;
    }

    /** Twilio's error code (never its message, which may quote the number). */
    private static String errorCode(String body) {
        return json(body)
                .map(json -> json.get("code"))
                .filter(Objects::nonNull)
                .map(code -> ", error code " + code)
                .orElse("");
    }

    private static Optional<JsonObject> json(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return Optional.of(reader.readObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
