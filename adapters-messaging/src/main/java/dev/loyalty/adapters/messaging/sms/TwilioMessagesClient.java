package dev.loyalty.adapters.messaging.sms;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Twilio's Messages resource as a MicroProfile REST Client. The response is read by
 * {@link TwilioSmsGateway}, whatever its status (the client's default exception mapper is off).
 * The path is on the method, not the type, so that the service's own JAX-RS scan does not take the
 * interface for one of its resources.
 */
public interface TwilioMessagesClient {

    /**
     * Creates a message.
     *
     * @param accountSid the account
     * @param authorization {@code Basic base64(sid:token)}
     * @param idempotencyToken the message's stable id: a repeated request with the same token is
     *     recognised by providers that honour it, and ignored by the others
     * @param form {@code To}, {@code From}, {@code Body} and optionally {@code StatusCallback}
     * @return Twilio's answer: 201 with the message resource, or an error document
     */
    @POST
    @Path("/2010-04-01/Accounts/{accountSid}/Messages.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response create(
            @PathParam("accountSid") String accountSid,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("I-Twilio-Idempotency-Token") String idempotencyToken,
            Form form);
}
