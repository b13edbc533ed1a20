package dev.loyalty.application.token;

import java.util.Optional;

/** Driving port: whether a verified token may still be used, by its age and the revocation list. */
public interface CheckTokenUseCase {

    /**
     * @return why the token is refused (too old, too long-lived, revoked), or empty when it may be used
     * @throws TokenCheckUnavailableException when the revocation list was never read (the database
     *     down since the start): the token cannot be judged
     */
    Optional<String> refusal(PresentedToken token);
}
