package dev.loyalty.domain.customer;

/** What a member says of their gender, when they say it: a small closed set. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    UNDISCLOSED
}
