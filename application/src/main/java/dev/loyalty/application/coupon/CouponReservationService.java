package dev.loyalty.application.coupon;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.ProgrammeSettings;
import dev.loyalty.application.shared.Role;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.CouponRejectedException;
import dev.loyalty.domain.coupon.CouponRejection;
import dev.loyalty.domain.coupon.CouponStatus;
import dev.loyalty.domain.shared.AccessDeniedException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A till reserves a customer's coupons before it goes offline (or while it still can): for the
 * reservation's time no other store redeems them, so the till may honour them offline. Taken under
 * the coupon's lock: two stores cannot hold one coupon.
 */
@ApplicationScoped
public class CouponReservationService implements ReserveCouponUseCase {

    /** How long a reservation holds by default. */
    public static final Duration DEFAULT_HOLD = Duration.ofHours(24);

    private final Coupons coupons;
    private final CouponReservations reservations;
    private final ProgrammeSettings programme;
    private final Clock clock;

    /** For CDI's proxy only. */
    protected CouponReservationService() {
        this(null, null, null, null);
    }

    @Inject
    public CouponReservationService(
            Coupons coupons, CouponReservations reservations, ProgrammeSettings programme, Clock clock) {
        this.coupons = coupons;
        this.reservations = reservations;
        this.programme = programme;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CouponReservation reserve(CouponCode code, Optional<Integer> minutes, Actor actor) {
        if (actor.role() != Role.TERMINAL) {
            throw new AccessDeniedException("a till reserves coupons for its store");
        }
        Duration hold = minutes.map(Duration::ofMinutes).orElse(DEFAULT_HOLD);
        if (hold.isNegative() || hold.isZero() || hold.compareTo(programme.offlineMaxAge()) > 0) {
            throw new InvalidValueException(
                    "minutes",
                    "a reservation holds 1 to " + programme.offlineMaxAge().toMinutes() + " minutes");
        }
        Instant now = clock.instant();
        Coupon coupon = coupons.lockedByCode(code).orElseThrow(() -> new CouponNotFoundException(code));
        if (coupon.status() == CouponStatus.REDEEMED) {
            throw new CouponRejectedException(
                    code, new CouponRejection("coupon-already-redeemed", "the coupon is already redeemed"));
        }
        if (coupon.status() != CouponStatus.ISSUED || !now.isBefore(coupon.validUntil())) {
            throw new CouponRejectedException(
                    code, new CouponRejection("coupon-expired", "the coupon is no longer valid"));
        }
        Optional<CouponReservation> held = reservations.holding(code, now);
        if (held.isPresent() && !held.get().storeId().equals(actor.storeId())) {
            throw new CouponRejectedException(
                    code, new CouponRejection(RESERVED, "another store holds this coupon for offline use"));
        }
        Instant until = now.plus(hold).isAfter(coupon.validUntil()) ? coupon.validUntil() : now.plus(hold);
        CouponReservation reservation = new CouponReservation(UUID.randomUUID(), code, actor.storeId(), until, now);
        reservations.add(reservation);
        return reservation;
    }
}
