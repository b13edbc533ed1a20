package dev.loyalty.adapters.persistence;

/**
 * How the adapters take row locks: a JPQL query with {@code LockModeType.PESSIMISTIC_WRITE}
 * (SELECT ... FOR UPDATE) and this hint, so that what is read under the lock is the row as it is
 * now, not an earlier copy of the same transaction's persistence context.
 */
public final class Locks {

    /** EclipseLink's query hint to refresh managed objects from the rows read. */
    public static final String REFRESH = "eclipselink.refresh";

    private Locks() {}
}
