package dev.hailway.simulator.figures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a {@link Summary} into the lines a person watching the run reads. */
public final class Report {

    private Report() {
    }

    /** One line, printed every few seconds while the run goes on. */
    public static String live(Summary summary, Duration elapsed) {
        return "[%4ds] trips %d: %s | assigned p50 %s p99 %s (n=%d) | errors: %s".formatted(elapsed.toSeconds(),
                summary.tripsRequested(), statuses(summary), millis(summary.assignmentP50Millis()),
                millis(summary.assignmentP99Millis()), summary.assignments(), errors(summary));
    }

    /** The closing block: the same figures, one per line, and whether the run passed. */
    public static String closing(Summary summary) {
        List<String> lines = new ArrayList<>();
        lines.add("Summary");
        lines.add("  trips requested:      " + summary.tripsRequested());
        lines.add("  by status:            " + statuses(summary));
        lines.add("  request-to-assigned:  p50 " + millis(summary.assignmentP50Millis()) + ", p99 "
                + millis(summary.assignmentP99Millis()) + " (" + summary.assignments() + " trips)");
        lines.add("  errors by kind:       " + errors(summary));
        lines.add("  unexpected errors:    " + summary.unexpectedErrors() + " (5xx, timeouts, connection errors)");
        summary.unexpectedExamples().forEach(example -> lines.add("    " + example));
        lines.add("  not terminal:         " + summary.nonTerminal());
        lines.add("  result:               " + (summary.healthy() ? "OK" : "FAILED"));
        return String.join(System.lineSeparator(), lines);
    }

    static String statuses(Summary summary) {
        List<String> parts = new ArrayList<>();
        for (String status : Figures.STATUSES) {
            long count = summary.trips(status);
            if (count == 0) {
                continue;
            }
            String part = status + " " + count;
            if (status.equals("CANCELLED") && !summary.cancelledByReason().isEmpty()) {
                part += " (" + byCount(summary.cancelledByReason()) + ")";
            }
            parts.add(part);
        }
        summary.tripsByStatus().entrySet().stream()
                .filter(entry -> !Figures.STATUSES.contains(entry.getKey()))
                .forEach(entry -> parts.add(entry.getKey() + " " + entry.getValue()));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    public static String errors(Summary summary) {
        return summary.errorsByKind().isEmpty() ? "none" : byCount(summary.errorsByKind());
    }

    private static String byCount(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    static String millis(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
