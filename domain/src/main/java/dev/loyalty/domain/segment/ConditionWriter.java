package dev.loyalty.domain.segment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Writes a condition as canonical JSON (the form {@link ConditionParser} reads back to the same tree). */
final class ConditionWriter {

    private ConditionWriter() {}

    static String write(Condition condition) {
        StringBuilder out = new StringBuilder();
        write(condition, out);
        return out.toString();
    }

    private static void write(Condition condition, StringBuilder out) {
        if (condition instanceof Condition.All all) {
            list("all", all.conditions(), out);
        } else if (condition instanceof Condition.Any any) {
            list("any", any.conditions(), out);
        } else if (condition instanceof Condition.Not not) {
            out.append("{\"not\":");
            write(not.condition(), out);
            out.append('}');
        } else if (condition instanceof Condition.MetricIs m) {
            out.append("{\"metric\":");
            string(m.metric().jsonName() + m.category().map(c -> ":" + c).orElse(""), out);
            out.append(",\"op\":");
            string(m.op().jsonName(), out);
            out.append(",\"value\":");
            if (m.op() == Comparison.BETWEEN) {
                out.append('[')
                        .append(number(m.metric(), m.from()))
                        .append(',')
                        .append(number(m.metric(), m.to()))
                        .append(']');
            } else {
                out.append(number(m.metric(), m.from()));
            }
            out.append('}');
        } else if (condition instanceof Condition.Bought b) {
            out.append("{\"bought\":{");
            string(b.item() == Condition.Item.CATEGORY ? "category" : "sku", out);
            out.append(':');
            string(b.value(), out);
            b.daysAgo().ifPresent(d -> out.append(",\"betweenDaysAgo\":[")
                    .append(d.from())
                    .append(',')
                    .append(d.to())
                    .append(']'));
            if (b.notSince()) {
                out.append(",\"notSince\":true");
            }
            out.append("}}");
        } else if (condition instanceof Condition.AttributeIn a) {
            out.append("{\"attribute\":");
            string(a.attribute().jsonName(), out);
            out.append(",\"in\":");
            strings(a.values(), out);
            out.append('}');
        } else if (condition instanceof Condition.HasConsent c) {
            out.append("{\"consent\":");
            string(c.purpose().name(), out);
            out.append('}');
        } else if (condition instanceof Condition.InTier t) {
            out.append("{\"tier\":");
            string(t.tier(), out);
            out.append('}');
        } else if (condition instanceof Condition.Answered a) {
            out.append("{\"answer\":{\"question\":");
            string(a.question(), out);
            out.append(",\"in\":");
            strings(a.values(), out);
            out.append("}}");
        } else {
            out.append("{\"inSegment\":");
            string(((Condition.InSegment) condition).segment().toString(), out);
            out.append('}');
        }
    }

    private static void list(String key, List<Condition> conditions, StringBuilder out) {
        out.append("{\"").append(key).append("\":[");
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(conditions.get(i), out);
        }
        out.append("]}");
    }

    private static String number(Metric metric, long units) {
        return BigDecimal.valueOf(units)
                .divide(BigDecimal.valueOf(metric.unitsPerValue()))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static void strings(Collection<String> values, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (String value : new TreeSet<>(values)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(value, out);
        }
        out.append(']');
    }

    static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
