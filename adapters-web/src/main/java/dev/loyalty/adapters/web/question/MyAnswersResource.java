package dev.loyalty.adapters.web.question;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.question.AnswerCommand;
import dev.loyalty.application.question.AnswerUseCases;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The app's customer answering the programme's questions and reading their answers. */
@Path("me/answers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Questions and answers")
public class MyAnswersResource {

    @Inject
    AnswerUseCases answers;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listMyAnswers", summary = "My answers, in question order")
    public List<AnswerView> mine() {
        return answers.answersOf(caller.customerId(), caller.actor()).stream()
                .map(AnswerView::of)
                .toList();
    }

    @PUT
    @Path("{question}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "answerQuestion",
            summary = "Answer a question (a new answer replaces the previous one)",
            description = "value: one of the question's allowed values (case and surrounding blanks do not matter;"
                    + " the answer keeps the question's spelling).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnswerBody.class),
                            examples = @ExampleObject(name = "A dog", value = "{\"value\": \"dog\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The answer recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such question, or no longer asked (question-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Not one of the allowed values (answer-value-not-allowed, field value)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnswerView answer(@PathParam("question") String question, @NotNull @Valid AnswerBody body) {
        return AnswerView.of(answers.answer(
                new AnswerCommand(caller.customerId(), QuestionIds.fromPath(question), body.value(), caller.actor())));
    }
}
