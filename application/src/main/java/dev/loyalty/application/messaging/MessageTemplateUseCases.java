package dev.loyalty.application.messaging;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.messaging.MessageTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Driving port: the console keeps message templates per type and language and previews them. A
 * message's text may name a template as {@code @name} (e.g. the {@code template} of a rule's
 * SEND_MESSAGE action): it is taken in the programme's language, else in English, when queued.
 */
public interface MessageTemplateUseCases {

    /**
     * A preview.
     *
     * @param subject the rendered subject, if the template has one
     * @param text the rendered text
     */
    record Preview(Optional<String> subject, String text) {}

    /**
     * Saves a template (replacing the one of the same name and language).
     *
     * @throws dev.loyalty.domain.shared.InvalidValueException when its placeholders could not be filled
     */
    MessageTemplate save(MessageTemplate template, Actor actor);

    /** @return every template */
    List<MessageTemplate> all(Actor actor);

    /** @return the template */
    MessageTemplate get(String name, String language, Actor actor);

    /**
     * Renders a template with the values given and examples for the others.
     *
     * @throws MessageTemplateNotFoundException when there is none
     */
    Preview preview(String name, String language, Map<String, String> values, Actor actor);

    /**
     * Renders a template not saved yet (the console's live preview), as {@link #preview} would.
     *
     * @throws dev.loyalty.domain.shared.InvalidValueException when its placeholders could not be filled
     */
    Preview previewDraft(MessageTemplate draft, Map<String, String> values, Actor actor);
}
