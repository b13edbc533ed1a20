package dev.loyalty.application.messaging;

import dev.loyalty.domain.messaging.MessageTemplate;
import java.util.List;
import java.util.Optional;

/** Driven port: the programme's message templates, one per name and language. */
public interface MessageTemplates {

    /** Stores the template, replacing the one of the same name and language. */
    void save(MessageTemplate template);

    /** @return the template of that name in that language */
    Optional<MessageTemplate> find(String name, String language);

    /** @return every template, by name then language */
    List<MessageTemplate> all();
}
