package dev.loyalty.application.messaging;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.LanguageTag;
import dev.loyalty.domain.messaging.MessageTemplate;
import dev.loyalty.domain.messaging.MessageText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The message templates of the console, and their resolution when a message names one ({@code @name}). */
@ApplicationScoped
public class MessageTemplateService implements MessageTemplateUseCases {

    /** What a caller other than an administrator is told. */
    private static final String ADMIN_ONLY = "message templates are the console's";

    /** How a message's text names a template. */
    public static final String REFERENCE = "@";

    /** The values a preview shows for the placeholders it was not given. */
    static final Map<String, String> EXAMPLES = Map.of(
            "firstName", "Marco",
            "couponCode", "K7P2QX9M4",
            "couponValidUntil", "2026-12-31",
            "storeName", "MI-001",
            "appLink", "https://loyalty.example/app");

    private final MessageTemplates templates;
    private final MessagingSettings settings;

    /** For CDI's proxy only. */
    protected MessageTemplateService() {
        this(null, null);
    }

    @Inject
    public MessageTemplateService(MessageTemplates templates, MessagingSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    @Override
    @Transactional
    public MessageTemplate save(MessageTemplate template, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        templates.save(template);
        return template;
    }

    @Override
    public List<MessageTemplate> all(Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return templates.all();
    }

    @Override
    public MessageTemplate get(String name, String language, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return templates.find(name, language).orElseThrow(() -> new MessageTemplateNotFoundException(name));
    }

    @Override
    public Preview preview(String name, String language, Map<String, String> values, Actor actor) {
        return render(get(name, language, actor), values);
    }

    @Override
    public Preview previewDraft(MessageTemplate draft, Map<String, String> values, Actor actor) {
        actor.requireAdmin(ADMIN_ONLY);
        return render(draft, values);
    }

    private Preview render(MessageTemplate template, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(EXAMPLES);
        all.put("appLink", settings.appLink());
        if (values != null) {
            all.putAll(values);
        }
        return new Preview(
                template.subject().map(s -> new MessageText(s).render(all)),
                template.body().render(all));
    }

    /**
     * @param customer the customer's language, if told
     * @param programme the programme's language
     * @return the languages a template is looked up in, in order: the customer's ({@code it-IT},
     *     then {@code it}), the programme's, English
     */
    static List<String> languages(Optional<LanguageTag> customer, String programme) {
        return languages(Optional.empty(), customer, programme);
    }

    /**
     * @param device the language of the app's device a push goes to, if it said one
     * @param customer the customer's language, if told
     * @param programme the programme's language
     * @return the languages a template is looked up in, in order: the device's, the customer's (each
     *     {@code it-IT}, then {@code it}), the programme's, English
     */
    static List<String> languages(Optional<LanguageTag> device, Optional<LanguageTag> customer, String programme) {
        java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
        device.ifPresent(tag -> order.addAll(tag.lookupOrder()));
        customer.ifPresent(tag -> order.addAll(tag.lookupOrder()));
        order.add(programme);
        order.add("en");
        return List.copyOf(order);
    }

    /**
     * @param languages the languages to take the template in, in order
     * @param text a message's text, or {@code @name}
     * @return the template it names, in the first of the languages it exists in, else in any; empty
     *     when the text is no reference
     * @throws MessageTemplateNotFoundException when it names no template
     */
    static Optional<MessageTemplate> resolve(MessageTemplates templates, List<String> languages, String text) {
        if (!text.startsWith(REFERENCE)) {
            return Optional.empty();
        }
        String name = text.substring(REFERENCE.length()).strip();
        for (String language : languages) {
            Optional<MessageTemplate> found = templates.find(name, language);
            if (found.isPresent()) {
                return found;
            }
        }
        return templates.all().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .map(Optional::of)
                .orElseThrow(() -> new MessageTemplateNotFoundException(name));
    }
}
