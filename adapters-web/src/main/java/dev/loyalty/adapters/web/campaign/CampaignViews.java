package dev.loyalty.adapters.web.campaign;

import dev.loyalty.application.campaign.CampaignRun;
import dev.loyalty.domain.campaign.Campaign;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** What the campaign endpoints answer. */
public final class CampaignViews {

    private static final JsonProvider JSON = JsonProvider.provider();

    private CampaignViews() {}

    /**
     * A campaign: its definition as given, its status and its life's instants.
     *
     * @param id the campaign
     * @param name its name
     * @param type its type
     * @param status where it is
     * @param version its version (moves on with every change)
     * @param definition the definition, as given
     * @param createdAt when defined
     * @param updatedAt when last changed
     * @param launchedAt when first launched
     * @param nextRunAt the next scheduled slot
     */
    public record CampaignView(
            String id,
            String name,
            String type,
            String status,
            long version,
            JsonObject definition,
            Instant createdAt,
            Instant updatedAt,
            Instant launchedAt,
            Instant nextRunAt) {

        static CampaignView of(Campaign c) {
            return new CampaignView(
                    c.id().toString(),
                    c.definition().name(),
                    c.definition().type().name(),
                    c.status().name(),
                    c.version(),
                    object(c.definition().json()),
                    c.createdAt(),
                    c.updatedAt(),
                    c.launchedAt().orElse(null),
                    c.nextRunAt().orElse(null));
        }
    }

    /** @param items the campaigns, newest first */
    public record CampaignList(List<CampaignView> items) {}

    /** @param runId the run started */
    public record RunStarted(String runId) {}

    /**
     * A campaign's latest runs.
     *
     * @param items newest first
     */
    public record RunList(List<RunView> items) {}

    /**
     * A run's progress.
     *
     * @param runId the run
     * @param campaignId its campaign
     * @param scheduledFor its slot
     * @param status RUNNING, COMPLETED or FAILED
     * @param total the targets counted
     * @param processed done
     * @param offered offered
     * @param heldOut control group
     * @param suppressed not reachable
     * @param overBudget past a budget
     * @param percent done, 0 to 100
     * @param etaSeconds seconds left at the pace so far (while running)
     * @param startedAt when created
     * @param finishedAt when ended
     * @param error why it failed
     */
    public record RunView(
            String runId,
            String campaignId,
            Instant scheduledFor,
            String status,
            long total,
            long processed,
            long offered,
            long heldOut,
            long suppressed,
            long overBudget,
            int percent,
            Long etaSeconds,
            Instant startedAt,
            Instant finishedAt,
            String error) {

        static RunView of(CampaignRun run, Instant now) {
            var eta = run.etaSeconds(now);
            return new RunView(
                    run.id().toString(),
                    run.campaign().toString(),
                    run.scheduledFor(),
                    run.status().name(),
                    run.total(),
                    run.processed(),
                    run.offered(),
                    run.heldOut(),
                    run.suppressed(),
                    run.overBudget(),
                    run.percent(),
                    eta.isPresent() ? eta.getAsLong() : null,
                    run.startedAt(),
                    run.finishedAt().orElse(null),
                    run.error().orElse(null));
        }
    }

    private static JsonObject object(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }
}
