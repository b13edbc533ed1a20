package dev.loyalty.adapters.web.coupon;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.coupon.CouponTemplateCatalogue;
import dev.loyalty.application.coupon.DefineCouponTemplateUseCase;
import dev.loyalty.application.coupon.IssueCouponsUseCase;
import dev.loyalty.application.shared.ProgrammeCurrency;
import dev.loyalty.domain.coupon.Coupon;
import dev.loyalty.domain.coupon.CouponTemplate;
import dev.loyalty.domain.coupon.CouponTemplateId;
import dev.loyalty.domain.coupon.Discount;
import dev.loyalty.domain.coupon.SalesChannel;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.shared.InvalidValueException;
import dev.loyalty.domain.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's coupon templates and issuing. */
@Path("coupon-templates")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Coupons")
public class CouponTemplateResource {

    @Inject
    ProgrammeCurrency programme;

    @Inject
    DefineCouponTemplateUseCase templates;

    @Inject
    IssueCouponsUseCase issuing;

    @Inject
    CouponTemplateCatalogue catalogue;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createCouponTemplate", summary = "Define a coupon template")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CouponTemplateRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "Newsletter welcome: 5 EUR off 20 EUR, in store, 30 days",
                                            value =
                                                    """
                    {"name": "Newsletter welcome", "discount": {"type": "AMOUNT_OFF", "value": 500},
                     "minSpend": 2000, "channels": ["STORE"], "validDays": 30, "perCustomerLimit": 1}""")))
    public Response define(@NotNull @Valid CouponTemplateRequest body, @Context UriInfo uri) {
        CouponTemplate template = CouponTemplate.define(
                        CouponTemplateId.newId(),
                        body.name(),
                        discount(body.discount()),
                        body.minSpend() == null ? null : Money.of(body.minSpend(), programme.code()),
                        body.channels().stream()
                                .map(name -> Choices.of(SalesChannel.class, "channels", name))
                                .collect(Collectors.toSet()),
                        body.validFrom(),
                        body.validUntil(),
                        body.validDays(),
                        body.perCustomerLimit(),
                        body.categories() == null ? Set.of() : Set.copyOf(body.categories()),
                        body.maxRedemptions())
                .withTiers(body.tiers() == null ? Set.of() : Set.copyOf(body.tiers()));
        CouponTemplateId id = templates.define(template, caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(Map.of("templateId", id.toString()))
                .build();
    }

    @GET
    @Operation(operationId = "listCouponTemplates", summary = "The coupon templates, newest first")
    public CouponTemplateView.TemplateList all() {
        return new CouponTemplateView.TemplateList(catalogue.templates(caller.actor()).stream()
                .map(CouponTemplateView::of)
                .toList());
    }

    @POST
    @Path("{templateId}/issue")
    @Operation(
            operationId = "issueCoupon",
            summary = "Issue a personal coupon ({customerId}) or a batch of bearer codes ({count}, at most 10,000)")
    public Response issue(@PathParam("templateId") String templateId, @NotNull @Valid IssueRequest body) {
        CouponTemplateId template = CouponTemplateId.parse(templateId);
        if ((body.customerId() == null) == (body.count() == null)) {
            throw new InvalidValueException(
                    "customerId", "give either customerId (a personal coupon) or count (bearer codes)");
        }
        if (body.customerId() != null) {
            Coupon coupon = issuing.issueTo(template, CustomerId.parse(body.customerId()), caller.actor());
            return created(Map.of(
                    "code",
                    coupon.code().value(),
                    "validUntil",
                    coupon.validUntil().toString()));
        }
        List<String> codes = issuing.issueBearer(template, body.count(), caller.actor()).stream()
                .map(c -> c.code().value())
                .toList();
        return created(Map.of("codes", codes));
    }

    private Discount discount(CouponTemplateRequest.DiscountBody body) {
        return switch (body.type().trim().toUpperCase()) {
            case "AMOUNT_OFF" -> new Discount.AmountOff(Money.of(body.value(), programme.code()));
            case "PERCENT_OFF" -> {
                if (body.value() > 100) {
                    throw new InvalidValueException("discount.value", "a percent off is at most 100");
                }
                yield new Discount.PercentOff(body.value().intValue());
            }
            default -> throw new InvalidValueException(
                    "discount.type", "discount.type must be AMOUNT_OFF or PERCENT_OFF");
        };
    }

    private static Response created(Object entity) {
        return Response.status(Response.Status.CREATED).entity(entity).build();
    }
}
