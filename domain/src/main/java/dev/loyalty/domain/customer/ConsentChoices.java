package dev.loyalty.domain.customer;

import java.util.Objects;

/**
 * A yes/no answer for every {@link ConsentPurpose}, as given at enrolment or derived from the
 * evidence trail. Plain booleans: the evidence behind them is kept by {@link ConsentEvidence}.
 *
 * @param marketingEmail marketing by e-mail
 * @param marketingSms marketing by SMS
 * @param marketingPush marketing by push notification
 * @param profiling profiling for personalised offers
 */
public record ConsentChoices(boolean marketingEmail, boolean marketingSms, boolean marketingPush, boolean profiling) {

    /**
     * @return every purpose refused
     */
    public static ConsentChoices none() {
        return new ConsentChoices(false, false, false, false);
    }

    /**
     * @param granted the purposes granted; the others are refused
     * @return the choices
     */
    public static ConsentChoices granting(ConsentPurpose... granted) {
        boolean email = false;
        boolean sms = false;
        boolean push = false;
        boolean profiling = false;
        for (ConsentPurpose purpose : granted) {
            switch (Objects.requireNonNull(purpose, "purpose")) {
                case MARKETING_EMAIL -> email = true;
                case MARKETING_SMS -> sms = true;
                case MARKETING_PUSH -> push = true;
                case PROFILING -> profiling = true;
            }
        }
        return new ConsentChoices(email, sms, push, profiling);
    }

    /**
     * @param purpose a purpose
     * @return whether it is granted
     */
    public boolean granted(ConsentPurpose purpose) {
        return switch (Objects.requireNonNull(purpose, "purpose")) {
            case MARKETING_EMAIL -> marketingEmail;
            case MARKETING_SMS -> marketingSms;
            case MARKETING_PUSH -> marketingPush;
            case PROFILING -> profiling;
        };
    }
}
