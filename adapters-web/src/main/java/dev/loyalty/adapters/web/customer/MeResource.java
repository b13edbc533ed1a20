package dev.loyalty.adapters.web.customer;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.adapters.web.tier.TierView;
import dev.loyalty.application.customer.FindCustomerQuery;
import dev.loyalty.application.customer.UpdateProfileCommand;
import dev.loyalty.application.customer.UpdateProfileUseCase;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.application.tier.TierQuery;
import dev.loyalty.application.wallet.WalletQuery;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.ProfileUpdate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The app's customer reading and changing their own profile, consents and preferred channel. */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Me (the app)")
public class MeResource {

    @Inject
    ProgrammeCurrency programme;

    @Inject
    FindCustomerQuery customers;

    @Inject
    UpdateProfileUseCase profiles;

    @Inject
    WalletQuery wallets;

    @Inject
    TierQuery tiers;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "loyalty.consent.text-version", defaultValue = "2026-01")
    String consentTextVersion;

    @GET
    @Operation(
            operationId = "getMyProfile",
            summary = "My profile, consents, points balance and tier",
            description = "The tier (once a tier programme exists) with what it takes: the qualifying amount, how"
                    + " much more for the next tier and by when, and when the tier is reviewed.")
    public CustomerView me() {
        Actor actor = caller.actor();
        Customer customer = customers.byId(caller.customerId(), actor);
        return CustomerView.profile(
                customer, wallets.balance(customer.id(), actor).value(), tier(customer, actor));
    }

    private TierView tier(Customer customer, Actor actor) {
        return tiers.standing(customer.id(), actor)
                .map(standing -> TierView.of(standing, programme.code()))
                .orElse(null);
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            operationId = "updateMyProfile",
            summary = "Change my profile",
            description = "Only the fields present change (a blank lastName, city or province clears it; gender is"
                    + " one of FEMALE, MALE, OTHER, UNDISCLOSED); a consent withdrawn here stops marketing on that"
                    + " channel at once.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfilePatch.class),
                            examples =
                                    @ExampleObject(
                                            name = "Withdraw SMS marketing",
                                            value = "{\"consents\": {\"marketingSms\": false}}")))
    public CustomerView update(@NotNull @Valid ProfilePatch patch) {
        Actor actor = caller.actor();
        ProfileUpdate update = patch.toUpdate(actor.consentSource(), consentTextVersion);
        Customer customer = profiles.updateProfile(new UpdateProfileCommand(caller.customerId(), update, actor));
        return CustomerView.profile(
                customer, wallets.balance(customer.id(), actor).value(), tier(customer, actor));
    }
}
