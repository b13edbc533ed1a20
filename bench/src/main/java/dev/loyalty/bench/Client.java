package dev.loyalty.bench;

/**
 * One simulated client of a phase (a till, or a JDBC session), used by one thread only: each call
 * performs one operation end to end.
 */
interface Client extends AutoCloseable {

    /**
     * Performs one operation.
     *
     * @param tally where a failure is recorded, by kind
     * @return whether it succeeded
     */
    boolean perform(Tally tally) throws Exception;

    /** Releases what the client holds (nothing by default); never fails. */
    @Override
    default void close() {}
}
