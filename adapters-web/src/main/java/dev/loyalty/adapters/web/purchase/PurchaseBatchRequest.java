package dev.loyalty.adapters.web.purchase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /purchases/batch}: a till's upload after it was offline. Each item is judged and
 * recorded on its own, exactly as {@code POST /purchases} with its key would be; only a batch
 * that is not a list of keyed purchases (no items, more than {@value #MAX_ITEMS}, an item without
 * key or purchase) is refused as a whole.
 *
 * @param items the purchases, each with its Idempotency-Key
 */
public record PurchaseBatchRequest(@NotEmpty @Size(max = MAX_ITEMS) List<@NotNull @Valid Item> items) {

    /** The most purchases in one upload. */
    public static final int MAX_ITEMS = 500;

    /**
     * @param idempotencyKey the key {@code POST /purchases} would carry (1-255 printable ASCII)
     * @param purchase the purchase, as for {@code POST /purchases} (judged on its own)
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PurchaseBatchItem")
    public record Item(@NotBlank @Size(max = 255) String idempotencyKey, @NotNull PurchaseRequest purchase) {}
}
