package dev.loyalty.adapters.web.referral;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.referral.ReferralProgramme;
import dev.loyalty.application.referral.ReferralUseCases;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's referral programme. */
@Path("referral-programme")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Referral")
public class ReferralResource {

    @Inject
    ReferralUseCases referrals;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getReferralProgramme", summary = "What a completed referral earns, and its limits")
    public ProgrammeBody programme() {
        return ProgrammeBody.of(referrals.programme(caller.actor()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "saveReferralProgramme",
            summary = "Change what a referral earns (from the next completed referral on)")
    public ProgrammeBody define(@NotNull @Valid ProgrammeBody body) {
        return ProgrammeBody.of(referrals.define(
                new ReferralProgramme(
                        body.referrerPoints(), body.referredPoints(), body.minPurchase(), body.monthlyCap()),
                caller.actor()));
    }

    /**
     * The referral programme.
     *
     * @param referrerPoints what the customer whose code was used earns
     * @param referredPoints what the newcomer earns
     * @param minPurchase the newcomer's first qualifying purchase must come to this net, in cents
     * @param monthlyCap the most rewarded referrals per referrer in 30 days
     */
    public record ProgrammeBody(
            @NotNull Long referrerPoints,
            @NotNull Long referredPoints,
            @NotNull Long minPurchase,
            @NotNull Integer monthlyCap) {

        static ProgrammeBody of(ReferralProgramme p) {
            return new ProgrammeBody(p.referrerPoints(), p.referredPoints(), p.minPurchase(), p.monthlyCap());
        }
    }
}
