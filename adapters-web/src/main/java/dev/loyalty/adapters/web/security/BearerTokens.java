package dev.loyalty.adapters.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bearer tokens the API accepts: verified once ({@link TokenVerifier}: signature, issuer,
 * audience, times) and then remembered by their raw text until they expire, so that a till sending
 * the same token all day pays the parsing and the RSA check once. A remembered token is judged
 * again on every request by its expiry (and, by {@link TokenCheck}, by its age and the revocation
 * list; by {@link RolesCheck}, by the endpoint's roles). At most {@link #REMEMBERED} tokens are
 * kept: past that the expired ones are dropped, and if that is not enough, all of them (they are
 * verified again as they come). Only accepted tokens are kept: a flood of bad ones fills nothing.
 * Once the verification keys are read again (every few minutes), a remembered token is verified
 * again against them: a key rotated out of the source stops vouching for its tokens then.
 *
 * <p>Configured as MicroProfile JWT is: {@code mp.jwt.verify.publickey.location} or {@code
 * mp.jwt.verify.publickey}, {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences} (a comma
 * list, any one of them), {@code mp.jwt.verify.clock.skew} (seconds, default 60).
 */
@ApplicationScoped
public class BearerTokens {

    static final int REMEMBERED = 4096;

    /** The logger of refusals; {@link TokenRejections} turns each into one short line at most. */
    static final String REFUSALS = BearerTokens.class.getName();

    private static final Logger LOG = Logger.getLogger(REFUSALS);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long skewSeconds;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, VerifiedToken> remembered = new ConcurrentHashMap<>();
    private final int limit;
    private volatile TokenVerifier verifier;

    /** For CDI. */
    public BearerTokens() {
        this.limit = REMEMBERED;
    }

    /** For tests: a verifier, a clock and the most tokens remembered given. */
    BearerTokens(TokenVerifier verifier, Clock clock, int limit) {
        this.verifier = verifier;
        this.clock = clock;
        this.limit = limit;
    }

    /**
     * @param raw the token after {@code Bearer }
     * @return the verified token, or empty when it is refused (logged at FINE, one line at most
     *     every few seconds)
     */
    public Optional<VerifiedToken> verified(String raw) {
        // instant(), not millis(): JDK 17's tick clock divides by zero in millis() for a tick under 1 ms
        long now = clock.instant().getEpochSecond();
        TokenVerifier check = verifier();
        VerifiedToken known = remembered.get(raw);
        if (known != null) {
            if (!check.current(known, now)) {
                remembered.remove(raw, known);
                refused("expired");
                return Optional.empty();
            }
            if (check.verifiedWithCurrentKeys(known)) {
                return Optional.of(known);
            }
            // the keys were read again since (at most every few minutes): verified again against them
            remembered.remove(raw, known);
        }
        VerifiedToken token;
        try {
            token = check.verify(raw, now);
        } catch (TokenVerifier.Refused e) {
            refused(e.getMessage());
            return Optional.empty();
        }
        if (remembered.size() >= limit) {
            remembered.values().removeIf(t -> !check.current(t, now));
            if (remembered.size() >= limit) {
                remembered.clear();
            }
        }
        remembered.put(raw, token);
        return Optional.of(token);
    }

    /** How many tokens are remembered (for tests). */
    int remembered() {
        return remembered.size();
    }

    private TokenVerifier verifier() {
        TokenVerifier known = verifier;
        if (known == null) {
            synchronized (this) {
                if (verifier == null) {
                    Set<String> aud = audiences
                            .map(list -> Arrays.stream(list.split(","))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .collect(Collectors.toSet()))
                            .orElse(Set.of());
                    verifier = new TokenVerifier(
                            new VerificationKeys(inlineKey, keyLocation, () -> clock.instant()
                                    .toEpochMilli()),
                            issuer,
                            aud,
                            skewSeconds);
                }
                known = verifier;
            }
        }
        return known;
    }

    private static void refused(String reason) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, "Bearer token refused", new TokenVerifier.Refused(reason));
        }
    }
}
