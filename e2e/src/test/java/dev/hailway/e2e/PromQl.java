package dev.hailway.e2e;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. Prometheus 2.42 has no endpoint that parses a query for us, so this
 * strips what is not a selector (strings, label matchers, ranges, grouping clauses, Grafana variables) and keeps the
 * identifiers that are not called as a function or aggregation and are not keywords. PromQlTest pins it down; a name
 * it got wrong would show up as missing in DashboardMetricsIT, not slip through.
 */
final class PromQl {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "offset", "and", "or", "unless", "inf", "nan", "atan2", "start", "end");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = VARIABLES.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(rest);
        while (identifiers.find()) {
            String name = identifiers.group();
            if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !calledAt(rest, identifiers.end())) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean calledAt(String text, int index) {
        int i = index;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    /** The expression as Prometheus itself can run it: Grafana's variables given values that select everything. */
    static String runnable(String expression) {
        return expression
                .replace("$__rate_interval", "1m")
                .replace("$__interval", "1m")
                .replace("$__range", "5m")
                .replaceAll("\\$\\{?service}?", ".+")
                .replaceAll("\\$\\{?\\w+}?", ".+");
    }
}
