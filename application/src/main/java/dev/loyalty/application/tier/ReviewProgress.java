package dev.loyalty.application.tier;

import java.time.Instant;

/**
 * Where a review run stands.
 *
 * @param at the instant the review stands for
 * @param customers the customers reviewed so far
 * @param upgraded those moved up
 * @param downgraded those moved down
 * @param renewed those whose tier was renewed for another review period
 * @param placed those whose tier the programme no longer had, placed by their metric
 * @param finished whether every customer was reviewed
 */
public record ReviewProgress(
        Instant at, long customers, long upgraded, long downgraded, long renewed, long placed, boolean finished) {}
