package dev.loyalty.adapters.web.messaging;

import dev.loyalty.adapters.web.Roles;
import dev.loyalty.adapters.web.security.Caller;
import dev.loyalty.application.messaging.MessageTemplateUseCases;
import dev.loyalty.domain.messaging.MessageTemplate;
import dev.loyalty.domain.messaging.MessageText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Message templates per type and language (console): saved only when every placeholder is one that
 * will have a value, and previewed with example values. A rule's or the console's message names
 * one as {@code "template": "@name"}.
 */
@Path("message-templates")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class MessageTemplateResource {

    @Inject
    MessageTemplateUseCases templates;

    @Inject
    Caller caller;

    /** A template as the console reads it. */
    public record TemplateView(String name, String language, String subject, String body) {
        static TemplateView of(MessageTemplate template) {
            return new TemplateView(
                    template.name(),
                    template.language(),
                    template.subject().orElse(null),
                    template.body().value());
        }
    }

    /** A template's text and optional subject. */
    public record TemplateRequest(
            @Size(max = MessageTemplate.MAX_SUBJECT) String subject,
            @NotBlank @Size(max = MessageText.MAX_LENGTH) String body) {}

    /** Values for a preview (the others get examples). */
    public record PreviewRequest(Map<String, String> values) {}

    /** A rendered template. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "TemplatePreview")
    public record PreviewView(String subject, String text) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listMessageTemplates", summary = "Every message template")
    public List<TemplateView> all() {
        return templates.all(caller.actor()).stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("{name}/{language}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getMessageTemplate", summary = "One message template")
    public TemplateView get(@PathParam("name") String name, @PathParam("language") String language) {
        return TemplateView.of(templates.get(name, language, caller.actor()));
    }

    @PUT
    @Path("{name}/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "saveMessageTemplate",
            summary = "Save a message template for a type and a language",
            description = "Placeholders: {firstName}, {couponCode}, {couponValidUntil}, {storeName}, {appLink};"
                    + " any other is refused now (validation-failed) rather than found missing when sent.")
    public TemplateView save(
            @PathParam("name") String name,
            @PathParam("language") String language,
            @NotNull @Valid TemplateRequest body) {
        MessageTemplate template =
                new MessageTemplate(name, language, Optional.ofNullable(body.subject()), new MessageText(body.body()));
        return TemplateView.of(templates.save(template, caller.actor()));
    }

    @POST
    @Path("{name}/{language}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "previewMessageTemplate",
            summary = "Render a template with the values given and examples for the others")
    public PreviewView preview(
            @PathParam("name") String name, @PathParam("language") String language, PreviewRequest body) {
        var preview = templates.preview(name, language, body == null ? Map.of() : body.values(), caller.actor());
        return new PreviewView(preview.subject().orElse(null), preview.text());
    }

    /** A draft's text, subject and example values. */
    public record DraftPreviewRequest(
            @Size(max = MessageTemplate.MAX_SUBJECT) String subject,
            @NotBlank @Size(max = MessageText.MAX_LENGTH) String body,
            Map<String, String> values) {}

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "previewMessageTemplateDraft",
            summary = "Render a template's text before it is saved (the console's live preview)")
    public PreviewView previewDraft(@NotNull @Valid DraftPreviewRequest body) {
        MessageTemplate draft =
                new MessageTemplate("draft", "en", Optional.ofNullable(body.subject()), new MessageText(body.body()));
        var preview = templates.previewDraft(draft, body.values() == null ? Map.of() : body.values(), caller.actor());
        return new PreviewView(preview.subject().orElse(null), preview.text());
    }
}
