package dev.loyalty.adapters.web.question;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.question.AnswerCommand;
import dev.loyalty.application.question.AnswerUseCases;
import dev.loyalty.domain.customer.CustomerId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console reading a customer's answers, and answering for them at the desk. */
@Path("customers/{customerId}/answers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Questions and answers")
public class CustomerAnswersResource {

    @Inject
    AnswerUseCases answers;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listCustomerAnswers", summary = "A customer's answers, in question order")
    @APIResponse(
            responseCode = "404",
            description = "No such customer (customer-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AnswerView> of(@PathParam("customerId") @Size(max = 64) String customerId) {
        return answers.answersOf(customer(customerId), caller.actor()).stream()
                .map(AnswerView::of)
                .toList();
    }

    @PUT
    @Path("{question}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "answerQuestionForCustomer",
            summary = "Record a customer's answer at the desk (as PUT /me/answers/{question})")
    @APIResponse(
            responseCode = "404",
            description = "No such customer (customer-not-found) or question (question-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Not one of the allowed values (answer-value-not-allowed, field value)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnswerView answer(
            @PathParam("customerId") @Size(max = 64) String customerId,
            @PathParam("question") String question,
            @NotNull @Valid AnswerBody body) {
        return AnswerView.of(answers.answer(
                new AnswerCommand(customer(customerId), QuestionIds.fromPath(question), body.value(), caller.actor())));
    }

    private static CustomerId customer(String raw) {
        return CustomerId.parseDesignating(raw, "no customer has this id");
    }
}
