package dev.loyalty.adapters.messaging.push;

/**
 * Where the push gateway takes its OAuth 2 bearer token from. A token the provider refused (401)
 * is handed back so that the next call gets a new one.
 */
public interface AccessTokens {

    /**
     * @return a bearer token valid now
     * @throws dev.loyalty.application.messaging.GatewayException when none can be had now (retryable)
     */
    String token();

    /** @param token a token the provider refused: it is not handed out again */
    void rejected(String token);
}
