/**
 * The programme's questions to its members (the explicit data marketing targets: "do you have
 * pets?", "how many in your household?") and the members' answers, each one of the values the
 * question allows.
 */
package dev.loyalty.domain.question;
