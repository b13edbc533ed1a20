package dev.loyalty.adapters.web.problem;

import dev.loyalty.domain.campaign.CampaignInvalidException;
import dev.loyalty.domain.segment.SegmentConditionInvalidException;
import dev.loyalty.domain.shared.DomainException;
import dev.loyalty.domain.shared.InvalidValueException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Business failures: each domain exception's code becomes the problem's code, with the HTTP status
 * that code deserves (a code not listed is a rule the request broke: 422).
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final Map<String, Integer> STATUS_BY_CODE = Map.ofEntries(
            Map.entry("validation-failed", 422),
            Map.entry("customer-already-enrolled", 409),
            Map.entry("customer-not-found", 404),
            Map.entry("forbidden", 403),
            Map.entry("concurrent-update", 409),
            Map.entry("coupon-template-not-found", 404),
            Map.entry("coupon-code-collision", 409),
            Map.entry("coupon-already-redeemed", 409),
            Map.entry("coupon-reserved", 409),
            Map.entry("offline-purchase-too-old", 422),
            Map.entry("earning-rules-missing", 409),
            Map.entry("earning-rules-conflict", 409),
            Map.entry("purchase-not-found", 404),
            Map.entry("purchase-already-recorded", 409),
            // pending points (issue 18): the transfer was resolved already, or never pending
            Map.entry("points-already-posted", 409),
            Map.entry("purchase-cancelled", 409),
            Map.entry("purchase-not-pending", 409),
            Map.entry("idempotency-key-in-flight", 409),
            Map.entry("reward-not-found", 404),
            // tiers
            Map.entry("tier-programme-missing", 404),
            // events, rules, missions
            Map.entry("rule-not-found", 404),
            Map.entry("mission-not-found", 404),
            Map.entry("event-not-parked", 404),
            Map.entry("event-type-not-app-postable", 403),
            Map.entry("coupon-not-found", 404),
            // messaging
            Map.entry("message-not-found", 404),
            Map.entry("message-not-retryable", 409),
            Map.entry("message-transition-illegal", 409),
            Map.entry("message-template-not-found", 404),
            Map.entry("unsubscribe-link-invalid", 400),
            // sales history and catalogue
            Map.entry("import-already-running", 409),
            Map.entry("import-not-found", 404),
            Map.entry("product-not-found", 404),
            Map.entry("category-not-found", 404),
            // customer metrics
            Map.entry("metrics-rebuild-running", 409),
            // segments
            Map.entry("malformed-json", 400),
            Map.entry("segment-not-found", 404),
            Map.entry("segment-name-taken", 409),
            // questions and answers
            Map.entry("question-not-found", 404),
            Map.entry("question-already-exists", 409),
            Map.entry("answer-value-not-allowed", 422),
            // campaigns
            Map.entry("campaign-not-found", 404),
            Map.entry("campaign-invalid", 422),
            Map.entry("campaign-state-conflict", 409),
            Map.entry("campaign-run-not-found", 404));

    @Override
    public Response toResponse(DomainException exception) {
        int status = STATUS_BY_CODE.getOrDefault(exception.code(), 422);
        List<Problem.FieldError> errors = exception instanceof InvalidValueException invalid
                ? List.of(new Problem.FieldError(invalid.field(), invalid.getMessage()))
                : List.of();
        Problem problem =
                Problem.of(status, exception.code(), Titles.of(exception.code()), exception.getMessage(), errors);
        if (exception instanceof SegmentConditionInvalidException invalid) {
            problem = problem.withPath(invalid.path());
        }
        if (exception instanceof CampaignInvalidException invalid) {
            problem = problem.withPath(invalid.path());
        }
        return problem.toResponse();
    }
}
