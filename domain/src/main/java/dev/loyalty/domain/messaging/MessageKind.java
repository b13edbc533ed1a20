package dev.loyalty.domain.messaging;

/** Why a message is sent, which decides the rules it obeys. */
public enum MessageKind {
    /** Promotion: needs consent for its channel, counts against the pressure caps, waits out quiet hours. */
    MARKETING,
    /** Something the customer asked for (a receipt, a reward's coupon): exempt from consent and caps, still recorded. */
    TRANSACTIONAL
}
