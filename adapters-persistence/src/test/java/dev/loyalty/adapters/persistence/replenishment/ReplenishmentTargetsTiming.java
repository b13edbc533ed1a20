package dev.loyalty.adapters.persistence.replenishment;

import dev.loyalty.adapters.persistence.TestDatabase;
import dev.loyalty.application.campaign.ReplenishmentTarget;
import dev.loyalty.domain.campaign.Replenishment;
import dev.loyalty.domain.campaign.Replenishment.Proposal;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Times the replenishment query at scale, page after page as a run reads it, on a database the
 * segments' or the replenishment benchmark kept ({@code -Dbench.keep=true}): not a test, a
 * measurement run by hand (see the README's replenishment benchmark), with {@code
 * -Dloyalty.it.db.url/user/password} pointing at that database. Options: {@code
 * -Dtiming.categories=} (comma-separated, default every generated category with a consumption
 * period), {@code -Dtiming.leadDays=7}, {@code -Dtiming.page=1000}, {@code -Dtiming.zone=Europe/Rome}.
 */
public final class ReplenishmentTargetsTiming {

    private ReplenishmentTargetsTiming() {}

    public static void main(String[] args) {
        List<String> categories = Arrays.asList(System.getProperty(
                        "timing.categories", "coffee,baby-care,personal-care,face-cream,home-care,pet-food,vitamins")
                .split(","));
        int leadDays = Integer.parseInt(System.getProperty("timing.leadDays", "7"));
        int page = Integer.parseInt(System.getProperty("timing.page", "1000"));
        ZoneId zone = ZoneId.of(System.getProperty("timing.zone", "Europe/Rome"));
        LocalDate today = LocalDate.now(zone);
        EntityManager em = TestDatabase.entityManagers().createEntityManager();
        try {
            System.out.printf(
                    "Replenishment query on %s: %,d customers, %,d receipt lines, %,d customer_sku_metrics rows%n",
                    today,
                    count(em, "SELECT COUNT(*) FROM customer"),
                    count(em, "SELECT COUNT(*) FROM purchase_line"),
                    count(em, "SELECT COUNT(*) FROM customer_sku_metrics"));
            for (Proposal proposal : Proposal.values()) {
                Replenishment replenishment = new Replenishment(List.of(), categories, leadDays, proposal);
                for (int pass = 1; pass <= 2; pass++) {
                    time(em, replenishment, today, zone, page, pass);
                }
            }
        } finally {
            em.close();
            TestDatabase.entityManagers().close();
        }
    }

    private static void time(
            EntityManager em, Replenishment replenishment, LocalDate today, ZoneId zone, int page, int pass) {
        SqlReplenishmentTargets targets = new SqlReplenishmentTargets(em, zone);
        List<Double> pageSeconds = new ArrayList<>();
        Set<String> customers = new HashSet<>();
        long rows = 0;
        String after = "";
        long started = System.nanoTime();
        while (true) {
            long pageStarted = System.nanoTime();
            List<ReplenishmentTarget> due = targets.due(replenishment, today, after, page);
            pageSeconds.add((System.nanoTime() - pageStarted) / 1e9);
            if (due.isEmpty()) {
                break;
            }
            rows += due.size();
            due.forEach(t -> customers.add(t.customer().toString()));
            after = due.get(due.size() - 1).customer().toString();
            em.clear();
        }
        double total = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "  %s, %d categories, lead %d days, pass %d: %,d targets of %,d customers in %d pages of %d"
                        + " customers: %.2f s (page: mean %.3f s, slowest %.3f s)%n",
                replenishment.propose(),
                replenishment.categories().size(),
                replenishment.leadDays(),
                pass,
                rows,
                customers.size(),
                pageSeconds.size(),
                page,
                total,
                pageSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                pageSeconds.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static long count(EntityManager em, String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
