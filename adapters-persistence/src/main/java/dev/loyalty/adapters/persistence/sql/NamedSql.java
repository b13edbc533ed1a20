package dev.loyalty.adapters.persistence.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A native statement written with named parameters ({@code :at}), each usable several times, run
 * as JDBC positional parameters. Every name must be bound; the statements it runs have no other
 * colon.
 */
public final class NamedSql {

    private static final Pattern NAME = Pattern.compile(":([a-zA-Z][a-zA-Z0-9]*)");

    private NamedSql() {}

    public static Query query(EntityManager em, String sql, Map<String, ?> parameters) {
        List<Object> values = new ArrayList<>();
        Matcher matcher = NAME.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("parameter :" + name + " is not bound");
            }
            values.add(parameters.get(name));
            matcher.appendReplacement(positional, "?");
        }
        matcher.appendTail(positional);
        Query query = em.createNativeQuery(positional.toString());
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    public static int update(EntityManager em, String sql, Map<String, ?> parameters) {
        return query(em, sql, parameters).executeUpdate();
    }
}
