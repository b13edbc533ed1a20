package dev.loyalty.adapters.web.coupon;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.coupon.MyCouponsQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The app's customer listing their own coupons. */
@Path("me/coupons")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Coupons")
public class MyCouponsResource {

    @Inject
    MyCouponsQuery coupons;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "listMyCoupons",
            summary = "My coupons, the newest first: code, status, validity, discount, minimum spend, channels")
    public Items mine() {
        return new Items(coupons.couponsOf(caller.customerId(), caller.actor()).stream()
                .map(CouponView::of)
                .toList());
    }

    /** The list, wrapped so that paging can be added without breaking clients. */
    public record Items(List<CouponView> items) {}
}
