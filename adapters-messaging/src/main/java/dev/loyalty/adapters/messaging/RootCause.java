package dev.loyalty.adapters.messaging;

/** What a gateway failure says in a message's history: the kind of its innermost cause, never its text. */
public final class RootCause {

    private RootCause() {}

    /** @return the simple class name of the innermost cause of {@code failure} */
    public static String of(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
