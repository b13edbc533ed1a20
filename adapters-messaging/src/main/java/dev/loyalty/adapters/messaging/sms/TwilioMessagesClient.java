package dev.loyalty.adapters.messaging.sms;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Twilio's Messages resource as a MicroProfile REST Client. The response is read by
 * {@link TwilioSmsGateway}, whatever its status (the client's default exception mapper is off).
 * The client is built on the account's Messages URL ({@link #messagesUri}) and carries no
 * {@code @Path} at all: the servlet container hands every class with {@code @Path} anywhere - on a
 * method too - to the service's own JAX-RS, which then warned at every start that it cannot
 * instantiate this interface and listed a bogus endpoint.
 */
public interface TwilioMessagesClient {

    /**
     * Creates a message.
     *
     * @param authorization {@code Basic base64(sid:token)}
     * @param idempotencyToken the message's stable id: a repeated request with the same token is
     *     recognised by providers that honour it, and ignored by the others
     * @param form {@code To}, {@code From}, {@code Body} and optionally {@code StatusCallback}
     * @return Twilio's answer: 201 with the message resource, or an error document
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response create(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("I-Twilio-Idempotency-Token") String idempotencyToken,
            Form form);

    /** {@code {base}/2010-04-01/Accounts/{accountSid}/Messages.json}, the SID as one path segment. */
    static URI messagesUri(String baseUrl, String accountSid) {
        String sid = URLEncoder.encode(accountSid, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(baseUrl.replaceAll("/+$", "") + "/2010-04-01/Accounts/" + sid + "/Messages.json");
    }
}
