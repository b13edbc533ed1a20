package dev.loyalty.adapters.web.event;

import dev.loyalty.application.event.RecordEventUseCase;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /events/batch}: an integration's events together. Each item is judged on its own, as
 * {@code POST /events} would judge it; only a batch that is not a list (none, more than {@value
 * RecordEventUseCase#MAX_BATCH}) is refused whole.
 *
 * @param items the events, each as the body of {@code POST /events}
 */
public record EventBatchRequest(@NotEmpty @Size(max = RecordEventUseCase.MAX_BATCH) List<EventRequest> items) {}
