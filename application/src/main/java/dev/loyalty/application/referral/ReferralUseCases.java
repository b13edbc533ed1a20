package dev.loyalty.application.referral;

import dev.loyalty.application.shared.Actor;
import dev.loyalty.domain.customer.CustomerId;
import java.util.Optional;

/** Driving port: a customer's code to share, and the console's referral programme. */
public interface ReferralUseCases {

    /** @return the customer's code to share (the customer themselves, a till, the console) */
    Optional<String> codeOf(CustomerId customerId, Actor actor);

    /** @return the programme in force (administrators) */
    ReferralProgramme programme(Actor actor);

    /** Replaces the programme (administrators). */
    ReferralProgramme define(ReferralProgramme programme, Actor actor);
}
