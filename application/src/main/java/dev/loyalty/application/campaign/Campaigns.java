package dev.loyalty.application.campaign;

import dev.loyalty.domain.campaign.Campaign;
import dev.loyalty.domain.campaign.CampaignId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: the stored campaigns and their budget counters. */
public interface Campaigns {

    void add(Campaign campaign);

    Optional<Campaign> byId(CampaignId id);

    /** @return every campaign, newest first */
    List<Campaign> all();

    /**
     * Writes a changed campaign when its stored version is the one before.
     *
     * @throws dev.loyalty.domain.shared.ConcurrentUpdateException when someone changed it meanwhile
     */
    void save(Campaign campaign, long expectedVersion);

    /** @return launched campaigns whose next slot is due at {@code now} */
    List<Campaign> due(Instant now, int limit);

    /**
     * Moves a campaign's next slot on, when it is still {@code slot} (one instance wins).
     *
     * @return whether this call moved it
     */
    boolean advance(CampaignId id, Instant slot, Optional<Instant> next);

    /**
     * Spends one coupon (and its value, when known) of the budget, if the budget allows.
     *
     * @return false when a limit would be passed (nothing is spent)
     */
    boolean spendCoupon(CampaignId id, long discountCents);

    /**
     * Spends points of the budget, if the budget allows.
     *
     * @return false when the limit would be passed (nothing is spent)
     */
    boolean spendPoints(CampaignId id, long points);

    /** Marks a coupon as the campaign's, with its own figures when it has them. */
    void tagCoupon(
            String couponCode,
            CampaignId id,
            Optional<Long> valueCents,
            Optional<Long> minSpendCents,
            Optional<String> category);

    /**
     * Spends a page's coupons at once, each as {@link #spendCoupon} would in this order (one that
     * would pass a limit is refused, a later one that fits is not): the campaign's row is locked,
     * the grants judged, and what they add written in one conditional update, so two runners
     * together never pass a limit.
     *
     * @param discountCents each coupon's value (0 when unknown), in the page's order
     * @return for each, whether it was granted
     */
    List<Boolean> spendCoupons(CampaignId id, List<Long> discountCents);

    /** Spends a page's points at once, each as {@link #spendPoints} would in this order. */
    List<Boolean> spendPointsEach(CampaignId id, List<Long> points);

    /**
     * A run of the campaign started: SCHEDULED -> RUNNING (one version on); nothing in any other status.
     */
    void markRunning(CampaignId id, Instant now);

    /**
     * @return launched campaigns (SCHEDULED or RUNNING) with no run in progress whose schedule has no
     *     slot left or whose end date passed at {@code now}: the ones that may be over
     */
    List<Campaign> mayBeOver(Instant now, int limit);

    /**
     * SCHEDULED or RUNNING -> COMPLETED, when no run of it is in progress (one version on).
     *
     * @return whether this call completed it
     */
    boolean complete(CampaignId id, Instant now);
}
