package dev.loyalty.application.customer;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The console's search by name: keyset pages (no offset, so a page costs the same however far
 * on), the cursor an opaque encoding of the last entry's position.
 */
@ApplicationScoped
public class CustomerSearchService implements CustomerSearchQuery {

    private static final String SEPARATOR = "\u001f";

    private final CustomerDirectory directory;

    /** For CDI's proxy only. */
    protected CustomerSearchService() {
        this(null);
    }

    @Inject
    public CustomerSearchService(CustomerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public CustomerDirectory.Page search(String name, Optional<String> after, int limit, Actor actor) {
        actor.requireAdmin("searching customers is the console's");
        String part = name == null ? "" : name.strip();
        if (part.length() < 2 || part.length() > 100) {
            throw new InvalidValueException("name", "name is 2 to 100 characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit is between 1 and " + MAX_LIMIT);
        }
        Optional<CustomerDirectory.Position> position =
                after.filter(a -> !a.isBlank()).map(CustomerSearchService::decode);
        List<CustomerDirectory.Entry> found = directory.byName(part, position, limit + 1);
        if (found.size() <= limit) {
            return new CustomerDirectory.Page(found, null);
        }
        List<CustomerDirectory.Entry> page = found.subList(0, limit);
        return new CustomerDirectory.Page(page, encode(page.get(limit - 1).position()));
    }

    static String encode(CustomerDirectory.Position position) {
        String raw = position.lastName() + SEPARATOR + position.firstName() + SEPARATOR + position.customerId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static CustomerDirectory.Position decode(String cursor) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts");
            }
            return new CustomerDirectory.Position(parts[0], parts[1], parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("after", "after is the next cursor of a previous page");
        }
    }
}
