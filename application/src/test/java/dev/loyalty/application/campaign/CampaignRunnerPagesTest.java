package dev.loyalty.application.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.domain.customer.CustomerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A read of targets is cut into pages that never split one cursor's targets (the next read starts after it). */
class CampaignRunnerPagesTest {

    @Test
    void pagesOfAtLeastTheSizeCutOnlyBetweenCursors() {
        List<RunTarget> targets = new ArrayList<>();
        // customers 1..7, customer 3 due for three products, customer 5 for two: pages of two or
        // more end where the cursor changes (2: 1-2, 3: 3-3-3, 3: 4-5-5, 2: 6-7)
        int[] perCustomer = {1, 1, 3, 1, 2, 1, 1};
        for (int c = 0; c < perCustomer.length; c++) {
            CustomerId customer = new CustomerId(new UUID(0, c + 1));
            for (int k = 0; k < perCustomer[c]; k++) {
                targets.add(new RunTarget(
                        customer,
                        "sku-" + k + "@2026-03-01",
                        Optional.of("sku-" + k),
                        Optional.empty(),
                        customer.toString()));
            }
        }
        List<List<RunTarget>> pages = CampaignRunner.pages(targets, 2);

        assertThat(pages.stream().mapToInt(List::size).sum()).isEqualTo(targets.size());
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(targets);
        assertThat(pages.stream().map(List::size).toList()).containsExactly(2, 3, 3, 2);
        for (int i = 1; i < pages.size(); i++) {
            String before = pages.get(i - 1).get(pages.get(i - 1).size() - 1).cursor();
            assertThat(pages.get(i).get(0).cursor()).isNotEqualTo(before);
        }
    }

    @Test
    void fewerTargetsThanAPageAreOnePageAndNoneAreNone() {
        RunTarget one = new RunTarget(new CustomerId(new UUID(0, 9)), "run", Optional.empty(), Optional.empty(), "9");
        assertThat(CampaignRunner.pages(List.of(one), 500)).containsExactly(List.of(one));
        assertThat(CampaignRunner.pages(List.of(), 500)).isEmpty();
    }
}
