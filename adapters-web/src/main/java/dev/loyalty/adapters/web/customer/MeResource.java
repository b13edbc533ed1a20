package dev.loyalty.adapters.web.customer;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.adapters.web.tier.TierView;
import dev.loyalty.application.customer.ChangeProfileUseCase;
import dev.loyalty.application.customer.FindCustomerQuery;
import dev.loyalty.application.customer.UpdateProfileCommand;
import dev.loyalty.application.customer.VerifyContactUseCase;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.application.tier.TierQuery;
import dev.loyalty.application.wallet.WalletQuery;
import dev.loyalty.domain.customer.ContactChannel;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    ChangeProfileUseCase profiles;

    @Inject
    VerifyContactUseCase verifications;

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
        return view(customer, actor);
    }

    private CustomerView view(Customer customer, Actor actor) {
        return CustomerView.profile(
                        customer, wallets.balance(customer.id(), actor).value(), tier(customer, actor))
                .withUnverified(verifications.unverified(customer.id(), actor));
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
                    + " channel at once. A new email or phone is on the profile at once (listed in"
                    + " unverifiedContacts) but gets no message but a six-digit code until that code is confirmed"
                    + " with POST /me/contact-verifications; meanwhile messages go to the contact verified before"
                    + " (or none).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfilePatch.class),
                            examples =
                                    @ExampleObject(
                                            name = "Withdraw SMS marketing",
                                            value = "{\"consents\": {\"marketingSms\": false}}")))
    @APIResponse(
            responseCode = "429",
            description = "rate-limited: too many new contacts today (each is sent a code); Retry-After says when")
    public CustomerView update(@NotNull @Valid ProfilePatch patch) {
        Actor actor = caller.actor();
        ProfileUpdate update = patch.toUpdate(actor.consentSource(), consentTextVersion);
        Customer customer = profiles.change(new UpdateProfileCommand(caller.customerId(), update, actor));
        return view(customer, actor);
    }

    @POST
    @Path("contact-verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "verifyMyContact",
            summary = "Confirm a changed e-mail or phone with the code sent to it",
            description = "channel EMAIL or SMS, code the six digits sent to the new contact (valid 15 minutes, 5"
                    + " wrong codes). 200 with the profile; 404 contact-verification-not-found when nothing awaits"
                    + " verification on that channel; 422 contact-verification-code-invalid (attempts left in"
                    + " detail) or contact-verification-expired; 409 contact-verification-locked after too many"
                    + " wrong codes (change the contact again for a new code).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContactVerificationRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "The code sent by SMS",
                                            value = "{\"channel\": \"SMS\", \"code\": \"402913\"}")))
    public CustomerView verifyContact(@NotNull @Valid ContactVerificationRequest request) {
        Actor actor = caller.actor();
        Customer customer = verifications.verify(
                caller.customerId(),
                Choices.of(ContactChannel.class, "channel", request.channel()),
                request.code(),
                actor);
        return view(customer, actor);
    }
}
