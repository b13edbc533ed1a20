package dev.loyalty.adapters.web.coupon;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.coupon.CouponReservation;
import dev.loyalty.application.coupon.ReserveCouponUseCase;
import dev.loyalty.domain.coupon.CouponCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A till holds a customer's coupon for offline use. */
@Path("coupons/{code}/reservations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TERMINAL)
@Tag(name = "Coupons")
public class CouponReservationResource {

    @Inject
    ReserveCouponUseCase reservations;

    @Inject
    Caller caller;

    /** @param minutes how long the store holds the coupon (default 1440, at most the offline age) */
    public record ReservationRequest(Integer minutes) {}

    /**
     * @param reservationId its id
     * @param code the coupon
     * @param storeId the store that holds it
     * @param reservedUntil until when no other store redeems it
     */
    public record ReservationView(String reservationId, String code, String storeId, String reservedUntil) {

        static ReservationView of(CouponReservation r) {
            return new ReservationView(
                    r.id().toString(),
                    r.code().value(),
                    r.storeId(),
                    r.reservedUntil().toString());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "reserveCoupon",
            summary = "Hold a coupon for this till's store for offline use: no other store redeems it meanwhile")
    @APIResponse(responseCode = "201", description = "{reservationId, code, storeId, reservedUntil}")
    @APIResponse(
            responseCode = "409",
            description = "Redeemed already (coupon-already-redeemed) or held by another store (coupon-reserved)")
    public Response reserve(@PathParam("code") String code, @Valid ReservationRequest body) {
        CouponReservation reservation = reservations.reserve(
                CouponCode.parse(code), Optional.ofNullable(body).map(ReservationRequest::minutes), caller.actor());
        return Response.status(Response.Status.CREATED)
                .entity(ReservationView.of(reservation))
                .build();
    }
}
