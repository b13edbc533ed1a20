package dev.loyalty.application.token;

import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.token.TokenAgePolicy;
import dev.loyalty.domain.token.TokenRevocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Judges tokens by their age ({@link TokenAgePolicy}, one for staff and one for customers) and
 * against the revocation list, of which it keeps a copy read from the database: a request that
 * finds the copy older than the refresh interval reads it again (one request at a time; the others
 * use the copy they have). Until the list was read once, a token cannot be judged; a failed refresh
 * keeps the last copy. Revocations older than the longest token age are dropped: the age refuses
 * those tokens anyway.
 */
@ApplicationScoped
public class TokenService implements CheckTokenUseCase, RevokeTokenUseCase {

    private static final Logger LOG = Logger.getLogger(TokenService.class.getName());

    private TokenRevocations revocations;
    private TokenSettings settings;
    private Clock clock;
    private TokenAgePolicy staff;
    private TokenAgePolicy customers;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Copy copy;

    /** For CDI's proxy only. */
    protected TokenService() {}

    @Inject
    public TokenService(TokenRevocations revocations, TokenSettings settings, Clock clock) {
        this.revocations = revocations;
        this.settings = settings;
        this.clock = clock;
        this.staff = new TokenAgePolicy(settings.staffMaxAge());
        this.customers = new TokenAgePolicy(settings.customerMaxAge());
    }

    @Override
    public Optional<String> refusal(PresentedToken token) {
        Instant now = clock.instant();
        TokenAgePolicy age = token.role() == Role.CUSTOMER ? customers : staff;
        Optional<String> tooOld = age.refusal(token.issuedAt(), token.expiresAt(), now);
        if (tooOld.isPresent()) {
            return tooOld;
        }
        return current(now).refuses(token) ? Optional.of("the token is revoked") : Optional.empty();
    }

    @Override
    @Transactional
    public TokenRevocation revoke(RevokeTokenCommand command) {
        command.actor().requireAdmin("revoking tokens is the console's");
        Instant now = clock.instant();
        TokenRevocation revocation = new TokenRevocation(
                command.kind(), command.value(), now, command.actor().subject(), command.reason());
        revocations.record(revocation);
        revocations.forgetBefore(now.minus(settings.longestAge()));
        Copy known = copy;
        if (known != null) {
            copy = known.with(revocation);
        }
        return revocation;
    }

    /** The copy of the list, read again when it is due. */
    private Copy current(Instant now) {
        Copy known = copy;
        if (known == null) {
            synchronized (this) {
                if (copy == null) {
                    try {
                        copy = read(now);
                    } catch (RuntimeException e) {
                        throw new TokenCheckUnavailableException(e);
                    }
                }
                return copy;
            }
        }
        if (now.isBefore(known.due()) || !refreshing.compareAndSet(false, true)) {
            return known;
        }
        try {
            copy = read(now);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The token revocation list could not be read again; the last copy stays: {0}",
                    e.getClass().getSimpleName());
            copy = known.due(now.plus(settings.revocationRefresh()));
        } finally {
            refreshing.set(false);
        }
        return copy;
    }

    private Copy read(Instant now) {
        return Copy.of(revocations.since(now.minus(settings.longestAge())), now.plus(settings.revocationRefresh()));
    }

    /**
     * The revocations indexed for a request: the token ids, and per subject the latest time up to
     * which its tokens are revoked.
     */
    private record Copy(Map<String, TokenRevocation> byTokenId, Map<String, TokenRevocation> bySubject, Instant due) {

        static Copy of(List<TokenRevocation> list, Instant due) {
            return new Copy(Map.of(), Map.of(), due).with(list);
        }

        Copy with(TokenRevocation revocation) {
            return with(List.of(revocation));
        }

        private Copy with(List<TokenRevocation> list) {
            Map<String, TokenRevocation> ids = new HashMap<>(byTokenId);
            Map<String, TokenRevocation> subjects = new HashMap<>(bySubject);
            for (TokenRevocation revocation : list) {
                (revocation.kind() == TokenRevocation.Kind.TOKEN_ID ? ids : subjects)
                        .merge(
                                revocation.value(),
                                revocation,
                                (a, b) -> a.revokedAt().isAfter(b.revokedAt()) ? a : b);
            }
            return new Copy(Map.copyOf(ids), Map.copyOf(subjects), due);
        }

        Copy due(Instant next) {
            return new Copy(byTokenId, bySubject, next);
        }

        boolean refuses(PresentedToken token) {
            TokenRevocation byId = token.tokenId() == null ? null : byTokenId.get(token.tokenId());
            if (byId != null && byId.refuses(token.tokenId(), token.subject(), token.issuedAt())) {
                return true;
            }
            TokenRevocation bySub = bySubject.get(token.subject());
            return bySub != null && bySub.refuses(token.tokenId(), token.subject(), token.issuedAt());
        }
    }
}
