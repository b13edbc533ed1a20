package dev.loyalty.adapters.web.referral;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.referral.ReferralUseCases;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The app's customer's referral code to share. */
@Path("me/referral")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Referral")
public class MyReferralResource {

    @Inject
    ReferralUseCases referrals;

    @Inject
    Caller caller;

    @GET
    @Operation(
            operationId = "getMyReferral",
            summary = "My code to share: a friend who enrols with it and shops earns points for both of us")
    public ReferralView mine() {
        CustomerId me = caller.customerId();
        return new ReferralView(referrals.codeOf(me, caller.actor()).orElse(null));
    }

    /** @param referralCode the code to share */
    public record ReferralView(String referralCode) {}
}
