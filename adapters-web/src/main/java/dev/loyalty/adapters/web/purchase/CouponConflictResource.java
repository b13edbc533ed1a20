package dev.loyalty.adapters.web.purchase;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.checkout.CouponConflict;
import dev.loyalty.application.checkout.CouponConflictsQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's losses: coupons redeemed twice by tills that were offline. */
@Path("coupon-conflicts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Purchases")
public class CouponConflictResource {

    @Inject
    CouponConflictsQuery conflicts;

    @Inject
    Caller caller;

    /**
     * @param items the latest conflicts, newest upload first
     * @param totalLoss the sum of their discounts, in cents
     */
    public record ConflictList(List<ConflictView> items, long totalLoss) {}

    /**
     * @param code the coupon
     * @param purchaseId the purchase that redeemed it the second time (kept, with its discount)
     * @param storeId its store
     * @param customerId its customer
     * @param loss the discount it took off, in cents
     * @param currency the discount's currency
     * @param occurredAt when that purchase happened
     * @param recordedAt when it was uploaded
     * @param firstRedemption the purchase that redeemed the coupon first
     */
    public record ConflictView(
            String code,
            String purchaseId,
            String storeId,
            String customerId,
            long loss,
            String currency,
            String occurredAt,
            String recordedAt,
            String firstRedemption) {

        static ConflictView of(CouponConflict c) {
            return new ConflictView(
                    c.code().value(),
                    c.purchaseId().toString(),
                    c.storeId(),
                    c.customerId() == null ? null : c.customerId().toString(),
                    c.discount().cents(),
                    c.discount().currency().getCurrencyCode(),
                    c.occurredAt().toString(),
                    c.recordedAt().toString(),
                    c.firstRedemption());
        }
    }

    @GET
    @Operation(
            operationId = "listCouponConflicts",
            summary = "Coupons redeemed twice by offline tills: the later purchase kept its discount, a loss")
    public ConflictList latest(@QueryParam("limit") Integer limit) {
        List<ConflictView> items = conflicts.latest(limit == null ? 100 : limit, caller.actor()).stream()
                .map(ConflictView::of)
                .toList();
        return new ConflictList(
                items, items.stream().mapToLong(ConflictView::loss).sum());
    }
}
