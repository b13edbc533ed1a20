package dev.loyalty.adapters.web.coupon;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.coupon.CouponExplanation;
import dev.loyalty.application.coupon.ExplainCouponQuery;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.domain.coupon.CouponCode;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's "why did this coupon (not) apply". */
@Path("coupons/{code}/explanation")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Coupons")
public class CouponExplanationResource {

    @Inject
    ProgrammeCurrency programme;

    @Inject
    ExplainCouponQuery explainer;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Operation(
            operationId = "explainCoupon",
            summary = "Why a coupon would (not) apply for a customer at a time, channel and basket amount:"
                    + " every rule judged, and the coupon's history")
    public CouponExplanation explain(
            @PathParam("code") String code,
            @QueryParam("customerId") String customerId,
            @QueryParam("at") String at,
            @QueryParam("channel") String channel,
            @QueryParam("amount") Long amount) {
        if (amount != null && (amount < 0 || amount > 100_000_000)) {
            throw new InvalidValueException("amount", "amount is between 0 and 100000000 cents");
        }
        return explainer.explain(
                CouponCode.parse(code),
                Optional.ofNullable(customerId).map(id -> CustomerId.parseDesignating(id, "no customer has this id")),
                at == null ? clock.instant() : Times.instant("at", at),
                channel == null ? SalesChannel.STORE : Choices.of(SalesChannel.class, "channel", channel),
                Money.of(amount == null ? 0 : amount, programme.code()),
                amount != null,
                caller.actor());
    }
}
