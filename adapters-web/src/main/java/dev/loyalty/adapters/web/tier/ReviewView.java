package dev.loyalty.adapters.web.tier;

import dev.loyalty.application.tier.ReviewProgress;

/** A tier review run: the instant it stands for and what it did. */
public record ReviewView(
        String at, long customers, long upgraded, long downgraded, long renewed, long placed, boolean finished) {

    static ReviewView of(ReviewProgress progress) {
        return new ReviewView(
                progress.at().toString(),
                progress.customers(),
                progress.upgraded(),
                progress.downgraded(),
                progress.renewed(),
                progress.placed(),
                progress.finished());
    }
}
