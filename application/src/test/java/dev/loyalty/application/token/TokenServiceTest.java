package dev.loyalty.application.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.token.TokenRevocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    /** The shared list, as another instance would write it. */
    private final List<TokenRevocation> database = new ArrayList<>();

    private final AtomicInteger reads = new AtomicInteger();
    private boolean down;

    private final TokenRevocations port = new TokenRevocations() {
        @Override
        public void record(TokenRevocation revocation) {
            database.add(revocation);
        }

        @Override
        public List<TokenRevocation> since(Instant from) {
            reads.incrementAndGet();
            if (down) {
                throw new IllegalStateException("database down");
            }
            return database.stream().filter(r -> !r.revokedAt().isBefore(from)).toList();
        }

        @Override
        public void forgetBefore(Instant before) {
            database.removeIf(r -> r.revokedAt().isBefore(before));
        }
    };

    private final MutableClock clock = new MutableClock(T0);
    private final TokenService service = new TokenService(
            port, new TokenSettings(Duration.ofMinutes(60), Duration.ofDays(1), Duration.ofSeconds(5)), clock);

    private static PresentedToken staff(String jti, String subject, Instant iat) {
        return new PresentedToken(Role.TERMINAL, jti, subject, iat, iat.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aRevocationHereRefusesAtOnceAndOneByAnotherInstanceAfterTheRefresh() {
        PresentedToken mine = staff("j-1", "till-1", T0.minusSeconds(60));
        PresentedToken theirs = staff("j-2", "till-2", T0.minusSeconds(60));
        assertThat(service.refusal(mine)).isEmpty();

        service.revoke(new RevokeTokenCommand("j-1", null, "leaked", Actor.admin("ops")));
        database.add(new TokenRevocation(TokenRevocation.Kind.TOKEN_ID, "j-2", T0, "elsewhere", null));

        assertThat(service.refusal(mine)).contains("the token is revoked");
        assertThat(service.refusal(theirs)).as("not read again yet").isEmpty();
        clock.now = T0.plusSeconds(5);
        assertThat(service.refusal(theirs)).contains("the token is revoked");
    }

    @Test
    void aSubjectsTokensIssuedAfterItsRevocationAreAccepted() {
        service.revoke(new RevokeTokenCommand(null, "till-9", null, Actor.admin("ops")));

        assertThat(service.refusal(staff("a", "till-9", T0.minusSeconds(1)))).isPresent();
        assertThat(service.refusal(staff("b", "till-9", T0.plusSeconds(1)))).isEmpty();
    }

    @Test
    void aFailedRefreshKeepsTheLastCopyButNoCopyAtAllRefusesToJudge() {
        down = true;
        assertThatThrownBy(() -> service.refusal(staff("x", "till-1", T0)))
                .isInstanceOf(TokenCheckUnavailableException.class);
        down = false;
        database.add(new TokenRevocation(TokenRevocation.Kind.TOKEN_ID, "x", T0, "ops", null));
        assertThat(service.refusal(staff("x", "till-1", T0))).isPresent();
        down = true;
        clock.now = T0.plusSeconds(10);
        assertThat(service.refusal(staff("x", "till-1", T0)))
                .as("the last copy")
                .isPresent();
    }

    @Test
    void ageIsJudgedByRoleAndOnlyTheConsoleRevokes() {
        PresentedToken longStaff = new PresentedToken(Role.ADMIN, "j", "ops", T0, T0.plus(Duration.ofHours(8)));
        PresentedToken longCustomer = new PresentedToken(Role.CUSTOMER, "k", "c-1", T0, T0.plus(Duration.ofHours(8)));

        assertThat(service.refusal(longStaff)).isPresent();
        assertThat(service.refusal(longCustomer)).isEmpty();
        assertThatThrownBy(() -> service.revoke(new RevokeTokenCommand("j", null, null, Actor.terminal("t", "S"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(database).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
