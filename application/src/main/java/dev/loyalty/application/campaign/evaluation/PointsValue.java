package dev.loyalty.application.campaign.evaluation;

/** Driven port: what a thousand points are worth, in cents of the programme's currency (the dashboard's value). */
@FunctionalInterface
public interface PointsValue {

    long centsPerThousand();
}
