package dev.loyalty.adapters.web.checkout;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.limit.RateLimits;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.checkout.Quote;
import dev.loyalty.application.checkout.QuoteCheckoutUseCase;
import dev.loyalty.application.checkout.QuoteCommand;
import dev.loyalty.application.shared.Actor;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CardNumber;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The till's checkout calls. */
@Path("checkouts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Checkout")
public class CheckoutResource {

    @Inject
    ProgrammeCurrency programme;

    @Inject
    QuoteCheckoutUseCase quotes;

    @Inject
    Caller caller;

    @Inject
    RateLimits limits;

    @POST
    @Path("quote")
    @RolesAllowed({Roles.TERMINAL, Roles.ADMIN})
    @Operation(
            operationId = "quoteCheckout",
            summary = "Price a basket with its coupons; changes nothing",
            description = "Each coupon is"
                    + " APPLICABLE with its discount or REJECTED with a stable code and why; totals in cents; the points"
                    + " the purchase would earn on the net paid.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuoteRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "Elena's basket with her coupon",
                                            value =
                                                    """
                    {"storeId": "MI-001", "cardNumber": "2973687873978",
                     "lines": [{"sku": "RM-LASAGNA", "category": "ready-meals", "quantity": 2, "unitPrice": 599},
                               {"sku": "PC-SHAMPOO", "category": "personal-care", "quantity": 1, "unitPrice": 450}],
                     "couponCodes": ["KXFE-8Q7E-X"]}""")))
    @APIResponse(
            responseCode = "200",
            description = "Each coupon's verdict, the totals and the points it would earn",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(
            responseCode = "429",
            description =
                    "Too many quotes from this token or store (rate-limited), or coupons from a terminal locked out"
                            + " after too many invalid codes (coupon-lockout); Retry-After says when to try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuoteView quote(@NotNull @Valid QuoteRequest body) {
        Actor actor = caller.actor();
        boolean withCoupons = body.couponCodes() != null && !body.couponCodes().isEmpty();
        limits.quote(actor, body.storeId(), withCoupons);
        Quote quote = quotes.quote(new QuoteCommand(
                body.storeId(),
                body.customerId() == null ? null : CustomerId.parse(body.customerId()),
                body.cardNumber() == null ? null : CardNumber.of(body.cardNumber()),
                body.channel() == null ? SalesChannel.STORE : Choices.of(SalesChannel.class, "channel", body.channel()),
                body.lines().stream()
                        .map(line -> line.toBasketLine(programme.code()))
                        .toList(),
                body.couponCodes(),
                actor));
        limits.invalidCoupons(actor, (int) quote.coupons().stream()
                .filter(c -> RateLimits.isInvalidCoupon(c.rejectionCode()))
                .count());
        return QuoteView.of(quote);
    }
}
