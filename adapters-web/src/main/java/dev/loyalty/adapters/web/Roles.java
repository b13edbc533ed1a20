package dev.loyalty.adapters.web;

/** The roles a token's {@code groups} claim may carry, as used in {@code @RolesAllowed}. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String TERMINAL = "terminal";
    public static final String CUSTOMER = "customer";
    public static final String INTEGRATION = "integration";

    private Roles() {}
}
