package dev.loyalty.adapters.web.problem;

import java.util.Optional;

/** Looks through a failure's cause chain for the exception that tells what went wrong. */
final class Causes {

    private Causes() {}

    /** @return the outermost cause of {@code failure} (itself included) of the given type */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
