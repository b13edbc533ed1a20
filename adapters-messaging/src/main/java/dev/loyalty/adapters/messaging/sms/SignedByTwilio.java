package dev.loyalty.adapters.messaging.sms;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint Twilio calls without a token: {@link TwilioSignatureCheck} refuses a request
 * that cannot carry a valid signature before its body is read.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignedByTwilio {}
