package dev.loyalty.adapters.web.tier;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.tier.TierQuery;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /customers/{id}/tier-history}: every change of a customer's tier, with its cause (console). */
@Path("customers/{customerId}/tier-history")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Tiers")
public class CustomerTierHistoryResource {

    @Inject
    TierQuery tiers;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "getCustomerTierHistory",
            summary = "A customer's tier changes, newest first",
            description = "Each with its cause (PURCHASE, REVIEW, ADMIN, PROGRAMME), the qualifying amount then, what"
                    + " caused it (the purchase, the review's instant) and, for an override, who and why.")
    public TierHistoryView history(@PathParam("customerId") @Size(max = 64) String customerId) {
        return TierHistoryView.of(
                tiers.history(CustomerId.parseDesignating(customerId, "no customer has this id"), caller.actor()));
    }
}
