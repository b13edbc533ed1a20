package dev.loyalty.application.token;

/** The revocation list could not be read since the start: no token can be judged yet. */
public class TokenCheckUnavailableException extends RuntimeException {

    public TokenCheckUnavailableException(Throwable cause) {
        super("the token revocation list cannot be read", cause);
    }
}
