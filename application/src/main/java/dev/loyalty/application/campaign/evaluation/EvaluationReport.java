package dev.loyalty.application.campaign.evaluation;

import dev.loyalty.domain.campaign.evaluation.CampaignEvaluation;
import java.time.Instant;
import java.util.Optional;

/**
 * A campaign's evaluation as the console shows it.
 *
 * @param campaign the campaign and its attribution window
 * @param treatment what the treatment group received and did
 * @param control what the control group did
 * @param evaluation uplifts, incremental revenue, cost and return
 * @param windowClosesAt when the last member's attribution window closes; empty before any run
 * @param windowClosed whether it has closed (the figures are final)
 * @param at when evaluated
 */
public record EvaluationReport(
        CampaignOutcomes.EvaluatedCampaign campaign,
        GroupActivity treatment,
        GroupActivity control,
        CampaignEvaluation evaluation,
        Optional<Instant> windowClosesAt,
        boolean windowClosed,
        Instant at) {

    /** @return every member, both groups */
    public long targeted() {
        return treatment.figures().customers() + control.figures().customers();
    }
}
