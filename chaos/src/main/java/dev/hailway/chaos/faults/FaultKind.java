package dev.hailway.chaos.faults;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a chaos run may do to the platform, named as {@code --faults} names them. */
public enum FaultKind {
    /** SIGKILL one service, then start it again. */
    KILL,
    /** SIGSTOP one service for longer than its callers wait, then SIGCONT. */
    PAUSE,
    /** SIGKILL the Kafka broker, then start it again. */
    KAFKA,
    /** Crash PostgreSQL (every service loses its database at once), then start it again. */
    POSTGRES;

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code kill,pause,kafka,postgres}, or {@code all}. */
    public static Set<FaultKind> parse(String list) {
        if (list.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(FaultKind.class);
        }
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String word : list.split(",")) {
            String name = word.strip().toUpperCase(Locale.ROOT);
            try {
                kinds.add(valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--faults: no fault named " + word.strip() + " (known: "
                        + Arrays.stream(values()).map(FaultKind::option).collect(Collectors.joining(",")) + ", or all)");
            }
        }
        return kinds;
    }
}
