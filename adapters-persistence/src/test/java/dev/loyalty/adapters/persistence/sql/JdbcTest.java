package dev.loyalty.adapters.persistence.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcTest {

    private final List<Object> bound = new ArrayList<>();

    /** A statement that only records what setObject binds, by position. */
    private final PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                if (method.getName().equals("setObject") && args.length == 2) {
                    bound.add(Arrays.asList(args));
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void anInstantIsBoundAsItsUtcWallClockTimeAndTheRestAsGiven() throws Exception {
        int next = Jdbc.bind(statement, 3, Instant.parse("2026-12-05T08:30:00.123456Z"), "x", 7L, null);

        assertThat(next).isEqualTo(7);
        assertThat(bound)
                .containsExactly(
                        List.of(3, LocalDateTime.parse("2026-12-05T08:30:00.123456")),
                        List.of(4, "x"),
                        List.of(5, 7L),
                        Arrays.asList(6, null));
    }
}
