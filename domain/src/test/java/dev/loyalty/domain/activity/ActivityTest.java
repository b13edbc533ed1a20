package dev.loyalty.domain.activity;

import static dev.loyalty.domain.activity.ActivityFixtures.aPurchase;
import static dev.loyalty.domain.activity.ActivityFixtures.anActivity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.domain.customer.CustomerId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityTest {

    @Test
    void readsAttributesAsText() {
        Activity activity = anActivity()
                .with("source", "newsletter")
                .with("count", 42)
                .with("big", 5_000_000_000L)
                .with("first", true)
                .with("tags", List.of("a", "b", "c"))
                .build();

        assertThat(activity.text("source")).contains("newsletter");
        assertThat(activity.text("count")).contains("42");
        assertThat(activity.text("big")).contains("5000000000");
        assertThat(activity.text("first")).contains("true");
        assertThat(activity.text("tags")).contains("a,b,c");
        assertThat(activity.text("missing")).isEmpty();
    }

    @Test
    void anEmptyListReadsAsEmptyText() {
        assertThat(anActivity().with("tags", List.of()).build().text("tags")).contains("");
    }

    @Test
    void readsWholeNumbersFromNumbersAndNumericText() {
        Activity activity = anActivity()
                .with("int", 42)
                .with("long", 5_000_000_000L)
                .with("negative", -7)
                .with("text", " 1999 ")
                .build();

        assertThat(activity.number("int")).contains(42L);
        assertThat(activity.number("long")).contains(5_000_000_000L);
        assertThat(activity.number("negative")).contains(-7L);
        assertThat(activity.number("text")).contains(1999L);
    }

    @Test
    void whatIsNotAWholeNumberHasNoNumber() {
        Activity activity = anActivity()
                .with("word", "many")
                .with("decimalText", "19.99")
                .with("flag", true)
                .with("list", List.of("1"))
                .build();

        assertThat(activity.number("word")).isEmpty();
        assertThat(activity.number("decimalText")).isEmpty();
        assertThat(activity.number("flag")).isEmpty();
        assertThat(activity.number("list")).isEmpty();
        assertThat(activity.number("missing")).isEmpty();
    }

    @Test
    void aPurchasesCategoriesAreItsCategoriesList() {
        assertThat(aPurchase().withCategories("wine", "cheese").build().categories())
                .containsExactly("wine", "cheese");
        assertThat(aPurchase().with(Activity.CATEGORIES, List.of(1, 2)).build().categories())
                .containsExactly("1", "2");
    }

    @Test
    void withoutACategoriesListThereAreNoCategories() {
        assertThat(aPurchase().build().categories()).isEmpty();
        assertThat(aPurchase().with(Activity.CATEGORIES, "wine").build().categories())
                .isEmpty();
    }

    @Test
    void readsTheChannel() {
        assertThat(anActivity().inChannel("ONLINE").build().channel()).contains("ONLINE");
        assertThat(anActivity().build().channel()).isEmpty();
    }

    @Test
    void keepsItsOwnCopyOfTheAttributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("source", "newsletter");
        Activity activity =
                new Activity("e-1", EventType.PURCHASE_RECORDED, CustomerId.newId(), "S1", Instant.EPOCH, attributes);

        attributes.put("source", "web");
        attributes.put("other", "x");

        assertThat(activity.text("source")).contains("newsletter");
        assertThat(activity.attributes()).containsOnlyKeys("source");
        assertThatThrownBy(() -> activity.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requiresItsIdentityTypeCustomerAndInstant() {
        CustomerId marco = CustomerId.newId();
        EventType type = EventType.PURCHASE_RECORDED;
        assertThatThrownBy(() -> new Activity(null, type, marco, null, Instant.EPOCH, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("eventId");
        assertThatThrownBy(() -> new Activity("e", null, marco, null, Instant.EPOCH, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThatThrownBy(() -> new Activity("e", type, null, null, Instant.EPOCH, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("customerId");
        assertThatThrownBy(() -> new Activity("e", type, marco, null, null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("occurredAt");
        assertThat(new Activity("e", type, marco, null, Instant.EPOCH, Map.of()).storeId())
                .isNull();
    }
}
