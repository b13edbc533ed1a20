package dev.loyalty.domain.customer;

/** A contact point a customer can change and must verify: the e-mail address or the phone (SMS). */
public enum ContactChannel {
    EMAIL,
    SMS
}
