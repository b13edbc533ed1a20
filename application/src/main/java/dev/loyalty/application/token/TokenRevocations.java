package dev.loyalty.application.token;

import dev.loyalty.domain.token.TokenRevocation;
import java.time.Instant;
import java.util.List;

/** Driven port: the revocation list, shared by every instance. */
public interface TokenRevocations {

    /**
     * Records a revocation; a value already revoked takes the later time (a subject revoked again
     * refuses its tokens issued until then).
     */
    void record(TokenRevocation revocation);

    /** @return the revocations made at {@code from} or later */
    List<TokenRevocation> since(Instant from);

    /** Forgets the revocations made before {@code before} (tokens that old are refused by their age). */
    void forgetBefore(Instant before);
}
