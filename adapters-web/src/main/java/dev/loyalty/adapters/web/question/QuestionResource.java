package dev.loyalty.adapters.web.question;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.problem.Problem;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.question.QuestionDraft;
import dev.loyalty.application.question.QuestionUseCases;
import dev.loyalty.domain.question.Question;
import dev.loyalty.domain.question.QuestionId;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /questions}: the programme's questions with their allowed values, kept by the console;
 * the app reads the active ones to ask them.
 */
@Path("questions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questions and answers")
public class QuestionResource {

    @Inject
    QuestionUseCases questions;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER})
    @Operation(
            operationId = "listQuestions",
            summary = "The questions",
            description =
                    "The console sees every question, inactive ones included; the app the active ones. In id order.")
    public List<QuestionView> list() {
        return questions.questions(caller.actor()).stream()
                .map(QuestionView::of)
                .toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getQuestion", summary = "A question (an inactive one only for the console)")
    @APIResponse(
            responseCode = "404",
            description = "No such question (question-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuestionView get(@PathParam("id") String id) {
        return QuestionView.of(questions.question(QuestionIds.fromPath(id), caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "createQuestion",
            summary = "Ask a new question",
            description = "id: a slug (lowercase letters and digits, words joined by '-', at most 64); text up to"
                    + " 500 characters; 1-30 allowed values of up to 60 characters, distinct ignoring case.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuestionBody.class),
                            examples =
                                    @ExampleObject(
                                            name = "Pets",
                                            value = "{\"id\": \"has-pets\", \"text\": \"Do you have pets?\","
                                                    + " \"allowedValues\": [\"dog\", \"cat\", \"other\", \"none\"]}")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QuestionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The id is taken (question-already-exists)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid QuestionBody body, @Context UriInfo uri) {
        QuestionId id = QuestionId.of(body.id());
        Question question = questions.define(
                new QuestionDraft(id, body.text(), body.allowedValues(), body.active()), caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(id.value()).build())
                .entity(QuestionView.of(question))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "reviseQuestion",
            summary = "Revise a question",
            description = "Replaces the text and the allowed values; active (optional) asks it again or stops"
                    + " asking it. Answers given with a value no longer allowed stay as they were given.")
    @APIResponse(
            responseCode = "404",
            description = "No such question (question-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuestionView revise(@PathParam("id") String id, @NotNull @Valid QuestionBody body) {
        QuestionId questionId = QuestionIds.fromPath(id);
        if (body.id() != null && !body.id().equals(questionId.value())) {
            throw new InvalidValueException("id", "id must be the one in the path (an id never changes)");
        }
        return QuestionView.of(questions.revise(
                new QuestionDraft(questionId, body.text(), body.allowedValues(), body.active()), caller.actor()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "deactivateQuestion",
            summary = "Stop asking a question",
            description = "Marks it inactive: the app no longer sees it and it takes no answer, the answers given"
                    + " stay (export, segments). PUT with active true asks it again.")
    @APIResponse(responseCode = "204", description = "Inactive")
    @APIResponse(
            responseCode = "404",
            description = "No such question (question-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deactivate(@PathParam("id") String id) {
        questions.deactivate(QuestionIds.fromPath(id), caller.actor());
        return Response.noContent().build();
    }
}
