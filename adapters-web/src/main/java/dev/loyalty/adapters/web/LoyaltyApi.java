package dev.loyalty.adapters.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's root: every resource lives under {@code /api/v1} and is reached with a bearer JWT whose
 * {@code groups} claim names one of the four roles, verified by the API's own filters ({@code
 * security.TokenCheck}, {@code security.RolesCheck}) rather than Payara's MP-JWT mechanism, which
 * parsed and verified the token again on every request.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@DeclareRoles({Roles.ADMIN, Roles.TERMINAL, Roles.CUSTOMER, Roles.INTEGRATION})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Loyalty platform API",
                        version = "1",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                        description =
                                "Enrolment, wallet, coupons, checkout and events for store terminals, the app,"
                                        + " integrations and the admin console. Errors are RFC 9457 problems with a stable `code`."),
        security = @SecurityRequirement(name = "jwt"),
        tags = {
            @Tag(
                    name = "Customers",
                    description =
                            "Enrolment at the till, in the app or online; lookup by phone, e-mail or card; the timeline, GDPR export and erasure"),
            @Tag(
                    name = "Me (the app)",
                    description = "The signed-in customer's own profile and consents (customer tokens)"),
            @Tag(name = "Wallet", description = "Points balances and their ledger; manual adjustments with a reason"),
            @Tag(
                    name = "Purchases",
                    description = "Receipts from the tills: points earned, coupons redeemed, voids and refunds"),
            @Tag(
                    name = "Checkout",
                    description =
                            "Quotes at the till before payment: what the basket would earn and which coupons apply"),
            @Tag(
                    name = "Coupons",
                    description =
                            "Coupon templates, issuing to customers, the customer's coupons and why one does not apply"),
            @Tag(name = "Rewards", description = "The reward catalogue and claiming a reward with points"),
            @Tag(name = "Earning rules", description = "How many points a euro earns, scheduled versions of the rules"),
            @Tag(
                    name = "Tiers",
                    description =
                            "The tier programme, a customer's standing and history, overrides and the periodic review"),
            @Tag(name = "Missions", description = "Goals customers complete for a reward, and their progress"),
            @Tag(name = "Referral", description = "The referral programme and a customer's referral code"),
            @Tag(
                    name = "Rules",
                    description =
                            "Event-driven rules (when this happens, do that), their evaluations and why one did not fire"),
            @Tag(
                    name = "Events",
                    description = "Business events from integrations, and the ones whose reactions failed for good"),
            @Tag(
                    name = "Messages",
                    description =
                            "Message templates, sending, the outbox with its retries, store call lists, unsubscribe and delivery reports"),
            @Tag(
                    name = "Questions and answers",
                    description =
                            "Profiling questions the console keeps, and the customers' answers (the app's own, or given for them)"),
            @Tag(
                    name = "Console",
                    description = "What the admin console needs beyond the rest of the API: the dashboard's figures"
                            + " and, on a development run only, a development admin token"),
            @Tag(
                    name = "Segments",
                    description = "Audiences described by a condition on metrics, purchases, profile and consents;"
                            + " previews, saved segments and frozen snapshots"),
            @Tag(name = "Catalogue", description = "Products and categories, one by one or from CSV"),
            @Tag(
                    name = "Customer metrics",
                    description = "The single customer view (recency, frequency, monetary, RFM, categories, engagement)"
                            + " and its rebuild"),
            @Tag(
                    name = "Imports",
                    description = "Historical receipts imported from CSV or POS logs, with their rejects"),
            @Tag(
                    name = "Campaigns",
                    description = "Campaigns aimed at a segment with an offer and a message, run exactly once per"
                            + " slot, judged against a control group"),
            @Tag(
                    name = "Security",
                    description = "Revoking bearer tokens (one by its id, or every token of a terminal,"
                            + " integration or customer) and purging personal data past its retention period"),
            @Tag(
                    name = "Campaign evaluation",
                    description = "A campaign judged against its control group: uplift with 95% intervals,"
                            + " incremental revenue, cost and return; its members and who responded")
        })
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class LoyaltyApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // The API is described by /openapi; no WADL beside it.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
