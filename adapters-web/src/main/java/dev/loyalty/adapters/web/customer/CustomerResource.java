package dev.loyalty.adapters.web.customer;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.idempotency.IdempotentPosts;
import dev.loyalty.adapters.web.limit.RateLimits;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.adapters.web.tier.TierView;
import dev.loyalty.application.customer.ChangeProfileUseCase;
import dev.loyalty.application.customer.CustomerDirectory;
import dev.loyalty.application.customer.CustomerLookup;
import dev.loyalty.application.customer.CustomerSearchQuery;
import dev.loyalty.application.customer.EnrolCustomerCommand;
import dev.loyalty.application.customer.EnrolCustomerUseCase;
import dev.loyalty.application.customer.FindCustomerQuery;
import dev.loyalty.application.customer.TillLookup;
import dev.loyalty.application.customer.TillLookupQuery;
import dev.loyalty.application.customer.UpdateProfileCommand;
import dev.loyalty.application.privacy.PrivacyUseCases;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.application.shared.Role;
import dev.loyalty.application.tier.TierQuery;
import dev.loyalty.application.wallet.WalletQuery;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.Customer;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.customer.Email;
import dev.loyalty.domain.customer.EnrolmentChannel;
import dev.loyalty.domain.customer.EnrolmentDetails;
import dev.loyalty.domain.customer.PhoneNumber;
import dev.loyalty.domain.customer.PreferredChannel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Enrolment ({@code POST /customers}), the till's lookup and the console's read of one customer. */
@Path("customers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    @Inject
    RateLimits limits;

    @Inject
    ProgrammeCurrency programme;

    @Inject
    EnrolCustomerUseCase enrolment;

    @Inject
    FindCustomerQuery customers;

    @Inject
    TillLookupQuery tills;

    @Inject
    WalletQuery wallets;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    IdempotentPosts idempotent;

    @Inject
    PrivacyUseCases privacy;

    @Inject
    TierQuery tiers;

    @Inject
    CustomerSearchQuery search;

    @Inject
    ChangeProfileUseCase profiles;

    @Inject
    @ConfigProperty(name = "loyalty.consent.text-version", defaultValue = "2026-01")
    String consentTextVersion;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TERMINAL, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(
            operationId = "enrolCustomer",
            summary = "Enrol a customer",
            description = "At the till (terminal: storeId defaults to the terminal's store), from the website"
                    + " (integration) or the console. Consent choices are recorded as evidence.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolmentRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "Marco at the till",
                                            value =
                                                    """
                    {"firstName": "Marco", "lastName": "Rossi", "phone": "+393471234567",
                     "preferredChannel": "SMS",
                     "consents": {"marketingEmail": false, "marketingSms": true, "marketingPush": false, "profiling": true},
                     "enrolmentChannel": "STORE", "storeId": "MI-001"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Enrolled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Email or phone already enrolled (code customer-already-enrolled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A field is not valid (code validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enrol(
            @NotNull @Valid EnrolmentRequest body,
            @Parameter(description = "1-255 printable ASCII; a retry with the same key and body is answered once")
                    @HeaderParam(IdempotentPosts.KEY_HEADER)
                    String key,
            @Context UriInfo uri) {
        Actor actor = caller.actor();
        String storeId = body.storeId() == null && actor.role() == Role.TERMINAL ? actor.storeId() : body.storeId();
        EnrolmentDetails details = new EnrolmentDetails(
                body.firstName(),
                body.lastName(),
                body.email() == null ? null : Email.of(body.email()),
                body.phone() == null ? null : PhoneNumber.of(body.phone()),
                body.birthDate(),
                Choices.of(PreferredChannel.class, "preferredChannel", body.preferredChannel()),
                body.consents().toChoices(),
                Choices.of(EnrolmentChannel.class, "enrolmentChannel", body.enrolmentChannel()),
                storeId,
                body.referralCode(),
                actor.consentSource(),
                consentTextVersion,
                body.attributes());
        return idempotent.respond(key, "POST customers", body, () -> {
            Customer customer = enrolment.enrol(new EnrolCustomerCommand(details, actor));
            return Response.created(uri.getAbsolutePathBuilder()
                            .path(customer.id().toString())
                            .build())
                    .entity(CustomerView.profile(customer, balance(customer, actor)))
                    .build();
        });
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "searchCustomersByName",
            summary = "Find customers by name (console)",
            description = "Customers whose first name, last name or both contain `name` (2-100 characters, any case),"
                    + " ordered by last name, first name and id; `next` is the `after` of the following page (keyset:"
                    + " a page costs the same however far on), absent on the last.")
    @APIResponse(
            responseCode = "200",
            description = "A page of customers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchPage.class)))
    @APIResponse(
            responseCode = "422",
            description = "name, limit or after not valid (code validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchPage search(
            @QueryParam("name") String name,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        CustomerDirectory.Page page = search.search(name, Optional.ofNullable(after), limit, caller.actor());
        return new SearchPage(
                page.items().stream()
                        .map(e ->
                                new Found(e.customerId(), e.cardNumber(), e.firstName(), e.lastName(), e.enrolledAt()))
                        .toList(),
                page.next());
    }

    /**
     * A page of the search by name.
     *
     * @param items the customers found
     * @param next the {@code after} of the next page, or {@code null} on the last
     */
    public record SearchPage(List<Found> items, String next) {}

    /**
     * A customer found by name: enough to tell namesakes apart and open one.
     *
     * @param customerId the id
     * @param cardNumber the card
     * @param firstName the first name
     * @param lastName the last name
     * @param enrolledAt when enrolled
     */
    public record Found(String customerId, String cardNumber, String firstName, String lastName, Instant enrolledAt) {}

    @GET
    @Path("lookup")
    @RolesAllowed({Roles.TERMINAL, Roles.ADMIN})
    @Operation(
            operationId = "lookUpCustomer",
            summary = "Identify a customer at the till",
            description = "By card number (as scanned), phone (E.164) or email; several criteria must designate"
                    + " the same customer. Answers a summary without contact details, with the tier and what is"
                    + " needed for the next one once a tier programme exists, and the points still pending on"
                    + " orders that can be cancelled (not spendable).")
    @APIResponse(
            responseCode = "200",
            description = "The customer's summary with points balance",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such customer (code customer-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description =
                    "Too many lookups from this token or store (rate-limited); Retry-After says when to try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerView lookup(
            @QueryParam("card") @Size(max = 32) String card,
            @QueryParam("phone") @Size(max = 32) String phone,
            @QueryParam("email") @Size(max = 254) String email) {
        limits.lookup(caller.actor());
        CustomerLookup criteria = new CustomerLookup(
                blank(card) ? null : CardNumber.of(card.trim()),
                blank(phone) ? null : PhoneNumber.of(phone),
                blank(email) ? null : Email.of(email));
        TillLookup found = tills.lookup(criteria, caller.actor());
        return CustomerView.summary(
                        found.summary().customer(),
                        found.summary().balance().value(),
                        found.tier()
                                .map(standing -> TierView.of(standing, programme.code()))
                                .orElse(null))
                .withPending(found.summary().pending().value());
    }

    @GET
    @Path("{customerId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getCustomer", summary = "Read a customer's whole profile (console)")
    public CustomerView byId(@PathParam("customerId") @Size(max = 64) String customerId) {
        Actor actor = caller.actor();
        Customer customer = customers.byId(CustomerId.parse(customerId), actor);
        return CustomerView.profile(customer, balance(customer, actor), tier(customer, actor))
                .withPending(wallets.pending(customer.id(), actor).value());
    }

    @PATCH
    @Path("{customerId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "patchCustomer",
            summary = "Change a customer's profile (console)",
            description = "As PATCH /me: only the fields present change; consents decided here are recorded with"
                    + " the source ADMIN.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfilePatch.class),
                            examples =
                                    @ExampleObject(
                                            name = "Where Elena lives",
                                            value =
                                                    "{\"city\": \"Milano\", \"province\": \"MI\", \"gender\": \"FEMALE\"}")))
    @APIResponse(
            responseCode = "404",
            description = "No such customer (customer-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerView update(
            @PathParam("customerId") @Size(max = 64) String customerId, @NotNull @Valid ProfilePatch patch) {
        Actor actor = caller.actor();
        Customer customer = profiles.change(new UpdateProfileCommand(
                CustomerId.parseDesignating(customerId, "no customer has this id"),
                patch.toUpdate(actor.consentSource(), consentTextVersion),
                actor));
        return CustomerView.profile(customer, balance(customer, actor), tier(customer, actor));
    }

    private long balance(Customer customer, Actor actor) {
        return wallets.balance(customer.id(), actor).value();
    }

    private TierView tier(Customer customer, Actor actor) {
        return tiers.standing(customer.id(), actor)
                .map(standing -> TierView.of(standing, programme.code()))
                .orElse(null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @GET
    @Path("{customerId}/export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "exportCustomer",
            summary = "Everything held about a customer (GDPR access and portability)",
            description = "Profile (with city, province, gender), every consent decision with its evidence, the points"
                    + " ledger, coupons, purchases, tier changes, answers to the programme's questions.")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExportView.class)))
    public ExportView export(@PathParam("customerId") @Size(max = 64) String customerId) {
        return ExportView.of(
                privacy.export(CustomerId.parseDesignating(customerId, "no customer has this id"), caller.actor()),
                clock.instant());
    }

    @DELETE
    @Path("{customerId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "eraseCustomer",
            summary = "Erase a customer's personal data (GDPR erasure)",
            description = "Name, contact details, birth date, city, province and gender are erased, every consent"
                    + " withdrawn, the answers and what was computed about the customer (metrics, segment snapshot"
                    + " memberships) deleted; the ledger,"
                    + " coupons and purchases stay under the customer's id, so the books still balance. Erasing again"
                    + " changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(
            responseCode = "404",
            description = "No such customer (customer-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response erase(@PathParam("customerId") @Size(max = 64) String customerId) {
        privacy.erase(
                CustomerId.parseDesignating(customerId, "no customer has this id"), consentTextVersion, caller.actor());
        return Response.noContent().build();
    }
}
