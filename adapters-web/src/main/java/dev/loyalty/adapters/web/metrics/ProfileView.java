package dev.loyalty.adapters.web.metrics;

import dev.loyalty.application.metrics.CategoryMetric;
import dev.loyalty.application.metrics.CustomerMetrics;
import dev.loyalty.application.metrics.CustomerProfile;
import dev.loyalty.application.metrics.SkuPurchase;
import dev.loyalty.domain.question.Answer;
import dev.loyalty.domain.segment.Segment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The single customer view (the console's): amounts in cents, {@code share} a fraction of the
 * customer's category spend in the window, {@code visitsPerMonth} with two decimals. A customer
 * without purchases has zeros, and no dates, home store or RFM scores (absent fields).
 */
public record ProfileView(
        String customerId,
        MetricsView metrics,
        List<CategoryView> categories,
        List<SkuView> lastPurchases,
        List<SegmentView> segments,
        List<AnswerView> answers) {

    /** A saved segment the customer is in now. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProfileSegment")
    public record SegmentView(String id, String name) {}

    /** The customer's current answer to one of the programme's questions. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProfileAnswer")
    public record AnswerView(String question, String value, String answeredAt) {}

    /** The metrics; {@code rfm} and {@code engagement} only in the console's view. */
    public record MetricsView(
            Long recencyDays,
            long frequency,
            long monetary,
            long averageBasket,
            BigDecimal visitsPerMonth,
            long lifetimeValue,
            long lifetimeVisits,
            String firstPurchaseAt,
            String lastPurchaseAt,
            String homeStore,
            RfmView rfm,
            Long engagement,
            String computedAt,
            int windowMonths) {}

    /** Quintile scores 1-5 among the active customers (absent without a purchase in the window). */
    public record RfmView(Integer r, Integer f, Integer m) {}

    public record CategoryView(String category, String name, long spend, BigDecimal share, String lastPurchaseAt) {}

    public record SkuView(String sku, String lastPurchaseAt) {}

    static ProfileView of(CustomerProfile profile, List<Segment> segments, List<Answer> answers) {
        return new ProfileView(
                profile.customerId().toString(),
                metrics(profile, true),
                categories(profile.categories()),
                profile.lastPurchases().stream().map(ProfileView::sku).toList(),
                segments.stream()
                        .map(s -> new SegmentView(s.id().toString(), s.name()))
                        .toList(),
                answers.stream()
                        .map(a -> new AnswerView(
                                a.questionId().value(),
                                a.value(),
                                a.answeredAt().toString()))
                        .toList());
    }

    static MetricsView metrics(CustomerProfile profile, boolean console) {
        Optional<CustomerMetrics> stored = profile.metrics();
        if (stored.isEmpty()) {
            return new MetricsView(
                    null,
                    0,
                    0,
                    0,
                    BigDecimal.ZERO.setScale(2),
                    0,
                    0,
                    null,
                    null,
                    null,
                    null,
                    console ? 0L : null,
                    null,
                    profile.windowMonths());
        }
        CustomerMetrics m = stored.get();
        RfmView rfm = m.rfmR().isPresent()
                ? new RfmView(
                        m.rfmR().orElse(null), m.rfmF().orElse(null), m.rfmM().orElse(null))
                : null;
        return new MetricsView(
                profile.recencyDays().orElse(null),
                m.frequency(),
                m.monetary(),
                m.averageBasket(),
                BigDecimal.valueOf(m.visitsPerMonthX100(), 2),
                m.lifetimeValue(),
                m.lifetimeVisits(),
                text(m.firstPurchaseAt()),
                text(m.lastPurchaseAt()),
                m.homeStore().orElse(null),
                console ? rfm : null,
                console ? m.engagement() : null,
                m.computedAt().toString(),
                profile.windowMonths());
    }

    static List<CategoryView> categories(List<CategoryMetric> categories) {
        return categories.stream()
                .map(c -> new CategoryView(
                        c.category(),
                        c.name().orElse(null),
                        c.spend(),
                        BigDecimal.valueOf(c.shareppm(), 6).stripTrailingZeros(),
                        c.lastPurchaseAt().toString()))
                .toList();
    }

    private static SkuView sku(SkuPurchase purchase) {
        return new SkuView(purchase.sku(), purchase.lastPurchaseAt().toString());
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
