package dev.loyalty.adapters.web.event;

import dev.loyalty.application.event.AppEventTypes;
import dev.loyalty.domain.activity.EventType;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event types the app may post, from {@code loyalty.events.app-types} (environment {@code
 * LOYALTY_EVENTS_APP_TYPES}): a comma list, {@code NONE} for none. A malformed or reserved type
 * stops the start with one line naming the setting.
 */
@ApplicationScoped
public class ConfiguredAppEventTypes implements AppEventTypes {

    /** What the app may post unless configured otherwise: what only the app can know. */
    public static final String DEFAULT = "APP_INSTALLED,APP_OPENED,PROFILE_COMPLETED";

    private static final String SETTING = "LOYALTY_EVENTS_APP_TYPES (loyalty.events.app-types)";

    private final Set<EventType> types;

    /** For CDI's proxy only. */
    protected ConfiguredAppEventTypes() {
        this.types = Set.of();
    }

    @Inject
    public ConfiguredAppEventTypes(
            @ConfigProperty(name = "loyalty.events.app-types", defaultValue = DEFAULT) String types) {
        this.types = parse(types);
    }

    /**
     * @param list a comma list of event types, or {@code NONE}
     * @return the types
     * @throws IllegalArgumentException naming the setting when one is malformed or the service's own
     */
    static Set<EventType> parse(String list) {
        String trimmed = list == null ? "" : list.strip();
        if (trimmed.equalsIgnoreCase("NONE")) {
            return Set.of();
        }
        Set<EventType> parsed = new LinkedHashSet<>();
        for (String raw : trimmed.split(",")) {
            EventType type;
            try {
                type = new EventType(raw.strip().toUpperCase(Locale.ROOT));
            } catch (InvalidValueException e) {
                throw new IllegalArgumentException(
                        SETTING + " is a comma list of event types (or NONE), got: " + list, e);
            }
            if (type.internal()) {
                throw new IllegalArgumentException(SETTING + " names " + type + ", which only the service records");
            }
            parsed.add(type);
        }
        return Set.copyOf(parsed);
    }

    /** Reads the setting as the application starts, so that an invalid one fails the deployment. */
    void validateAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        appPostable();
    }

    @Override
    public Set<EventType> appPostable() {
        return types;
    }
}
