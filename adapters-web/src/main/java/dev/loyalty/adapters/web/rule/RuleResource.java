package dev.loyalty.adapters.web.rule;

import dev.loyalty.adapters.web.Choices;
import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.Times;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.rule.RuleUseCases;
import dev.loyalty.domain.customer.CustomerId;
import dev.loyalty.domain.rule.Rule;
import dev.loyalty.domain.rule.RuleId;
import dev.loyalty.domain.rule.RuleStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's rules: define, read, change, pause, archive; and why one fired or not. */
@Path("rules")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Rules")
public class RuleResource {

    @Inject
    RuleUseCases rules;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createRule",
            summary = "Define a rule: when the customer does X (and conditions hold), do Y")
    @APIResponse(responseCode = "201", description = "Defined, ACTIVE")
    public Response define(@NotNull @Valid RuleRequest body, @Context UriInfo uri) {
        Rule rule = rules.define(body.toRule(), caller.actor());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(rule.id().toString()).build())
                .entity(RuleView.of(rule))
                .build();
    }

    @GET
    @Operation(operationId = "listRules", summary = "Every rule, archived last")
    public RuleView.RuleList all() {
        return new RuleView.RuleList(
                rules.rules(caller.actor()).stream().map(RuleView::of).toList());
    }

    @GET
    @Path("{ruleId}")
    @Operation(operationId = "getRule", summary = "One rule")
    public RuleView one(@PathParam("ruleId") String ruleId) {
        return RuleView.of(rules.rule(RuleId.parse(ruleId), caller.actor()));
    }

    @PUT
    @Path("{ruleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceRule",
            summary = "Replace a rule's definition (its status stays; the version moves on)")
    public RuleView replace(@PathParam("ruleId") String ruleId, @NotNull @Valid RuleRequest body) {
        RuleId id = RuleId.parse(ruleId);
        return RuleView.of(rules.replace(id, body.toRule(id), caller.actor()));
    }

    @PUT
    @Path("{ruleId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setRuleStatus", summary = "Activate, pause or archive a rule")
    public RuleView status(@PathParam("ruleId") String ruleId, @NotNull @Valid RuleRequest.StatusChange body) {
        RuleStatus status = Choices.of(RuleStatus.class, "status", body.status());
        return RuleView.of(rules.changeStatus(RuleId.parse(ruleId), status, caller.actor()));
    }

    @DELETE
    @Path("{ruleId}")
    @Operation(
            operationId = "archiveRule",
            summary = "Archive a rule: it no longer reacts; its evaluations stay to explain the past")
    @APIResponse(responseCode = "204", description = "Archived")
    public Response archive(@PathParam("ruleId") String ruleId) {
        rules.changeStatus(RuleId.parse(ruleId), RuleStatus.ARCHIVED, caller.actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{ruleId}/evaluations")
    @Operation(
            operationId = "listRuleEvaluations",
            summary = "The rule's verdicts on events, newest first, with their reasons")
    public RuleView.EvaluationList evaluations(
            @PathParam("ruleId") String ruleId,
            @QueryParam("customerId") String customerId,
            @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return new RuleView.EvaluationList(rules
                .evaluations(
                        RuleId.parse(ruleId),
                        Optional.ofNullable(customerId)
                                .map(id -> CustomerId.parseDesignating(id, "no customer has this id")),
                        Optional.ofNullable(before).map(t -> Times.instant("before", t)),
                        limit,
                        caller.actor())
                .stream()
                .map(RuleView.EvaluationView::of)
                .toList());
    }

    @GET
    @Path("{ruleId}/explanation")
    @Operation(
            operationId = "explainRule",
            summary = "Why did the rule (not) fire for this customer by this time (now when left out)")
    public RuleView.ExplanationView explain(
            @PathParam("ruleId") String ruleId,
            @QueryParam("customerId") String customerId,
            @QueryParam("at") String at) {
        if (customerId == null || customerId.isBlank()) {
            throw new dev.loyalty.domain.shared.InvalidValueException("customerId", "customerId is required");
        }
        Instant when = at == null ? clock.instant() : Times.instant("at", at);
        return RuleView.ExplanationView.of(rules.explain(
                RuleId.parse(ruleId),
                CustomerId.parseDesignating(customerId, "no customer has this id"),
                when,
                caller.actor()));
    }
}
