package dev.loyalty.adapters.web.metrics;

import dev.loyalty.application.metrics.CustomerProfile;
import java.util.List;

/**
 * What a customer sees of their own view: their spend and visits, their favourite categories
 * (largest spend first, at most {@value #FAVOURITES}) and their home store - no RFM scores, no
 * engagement score.
 */
public record MyProfileView(
        String customerId, ProfileView.MetricsView metrics, List<ProfileView.CategoryView> favouriteCategories) {

    static final int FAVOURITES = 5;

    static MyProfileView of(CustomerProfile profile) {
        return new MyProfileView(
                profile.customerId().toString(),
                ProfileView.metrics(profile, false),
                ProfileView.categories(profile.categories().stream()
                        .filter(c -> c.spend() > 0)
                        .limit(FAVOURITES)
                        .toList()));
    }
}
