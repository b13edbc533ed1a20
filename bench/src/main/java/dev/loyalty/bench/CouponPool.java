package dev.loyalty.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bearer codes handed out once each to the clients of a phase, lock-free. When the codes run out
 * the clients carry on without a coupon, and the report says how often that happened.
 */
final class CouponPool {

    private final List<String> codes;
    private final AtomicInteger next = new AtomicInteger();

    CouponPool(List<String> codes) {
        this.codes = List.copyOf(codes);
    }

    /** An unused code, or {@code null} when none is left. */
    String take() {
        int index = next.getAndIncrement();
        return index < codes.size() ? codes.get(index) : null;
    }

    /** How many codes were handed out. */
    int used() {
        return Math.min(next.get(), codes.size());
    }

    /** How many times a code was asked for when none was left. */
    int missing() {
        return Math.max(0, next.get() - codes.size());
    }

    /** How many codes the pool started with. */
    int size() {
        return codes.size();
    }
}
