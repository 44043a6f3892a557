package dev.hailway.chaos.check;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import dev.hailway.simulator.history.Exchange;

/**
 * Judges a run the way Jepsen judges a database: by what clients were told (the simulator's history) against the
 * state the platform ended in, read as an auditor reads it (each service's tables with its own credentials, the
 * topics from their first offset), never by its logs.
 */
public final class Checker {

    static final String TRIPS_TOPIC = "trips.trips";
    private static final Set<String> TERMINAL = Set.of("PAID", "CANCELLED");
    private static final Duration PROBE = Duration.ofSeconds(2);

    private final AuditSources sources;
    private final Tables tables;
    private final PrintStream out;

    public Checker(AuditSources sources, PrintStream out) {
        this.sources = sources;
        this.tables = new Tables(sources);
        this.out = out;
    }

    /**
     * @param history  every request of the run and its answer
     * @param lastHeal when the last fault was healed
     * @param settle   how long after the last heal (or now, if later) the platform has to reach a clean state
     */
    public List<Violation> check(List<Exchange> history, Instant lastHeal, Duration settle) {
        Instant deadline = later(lastHeal.plus(settle), Instant.now());
        List<Violation> violations = new ArrayList<>();
        Map<String, String> trips = tripsTerminalBy(deadline);
        violations.addAll(acceptedTripsEnded(history, trips));
        violations.addAll(ledger(trips));
        List<TripEvents.Envelope> events = TripEvents.readAll(sources.kafkaBootstrapServers(), TRIPS_TOPIC);
        violations.addAll(eventLog(events, trips));
        violations.addAll(readModel(events, deadline));
        violations.addAll(outboxes(deadline));
        violations.addAll(deadLetters());
        out.printf("[check] %d trips, %d trip events, %d violations%n", trips.size(), events.size(), violations.size());
        return violations;
    }

    /** Every trip's status, once all are terminal or the deadline has passed. */
    private Map<String, String> tripsTerminalBy(Instant deadline) {
        return awaitStable(deadline, this::tripStatuses, statuses -> statuses.values().stream().allMatch(TERMINAL::contains));
    }

    Map<String, String> tripStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        tables.query("trips", "select id::text, status from trips order by requested_at", rows -> statuses.put(rows.getString(1), rows.getString(2)));
        return statuses;
    }

    private List<Violation> acceptedTripsEnded(List<Exchange> history, Map<String, String> trips) {
        Set<String> accepted = history.stream().filter(Exchange::acceptedTripRequest).map(Exchange::tripId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<Violation> violations = new ArrayList<>();
        List<String> missing = accepted.stream().filter(trip -> !trips.containsKey(trip)).toList();
        if (!missing.isEmpty()) {
            violations.add(new Violation("answered 201, never stored", missing.size() + " of " + accepted.size()
                    + " accepted trip requests have no trip", missing));
        }
        Map<String, List<String>> open = new LinkedHashMap<>();
        trips.forEach((trip, status) -> {
            if (!TERMINAL.contains(status)) {
                open.computeIfAbsent(status, s -> new ArrayList<>()).add(trip);
            }
        });
        open.forEach((status, stuck) -> violations.add(new Violation("trip not terminal", stuck.size() + " trips still "
                + status, stuck)));
        out.printf("[check] %d trip requests answered 201, %d trips stored, %d not terminal%n", accepted.size(), trips.size(),
                open.values().stream().mapToInt(List::size).sum());
        return violations;
    }

    /** PAID ⇔ one capture; CANCELLED ⇒ no capture, the hold released or one fee; every entry balanced. */
    private List<Violation> ledger(Map<String, String> trips) {
        Map<String, Map<String, Integer>> entries = new HashMap<>();
        tables.query("payments", "select trip_id::text, kind, count(*) from journal_entries group by trip_id, kind", rows -> {
            entries.computeIfAbsent(rows.getString(1), t -> new HashMap<>()).put(rows.getString(2), rows.getInt(3));
            return null;
        });
        Map<String, String> holds = new HashMap<>();
        tables.query("payments", "select trip_id::text, state from authorizations", rows -> holds.put(rows.getString(1), rows.getString(2)));
        List<String> badPaid = new ArrayList<>();
        List<String> capturedCancelled = new ArrayList<>();
        List<String> heldCancelled = new ArrayList<>();
        List<String> badFee = new ArrayList<>();
        trips.forEach((trip, status) -> {
            Map<String, Integer> kinds = entries.getOrDefault(trip, Map.of());
            int captures = kinds.getOrDefault("FARE_CAPTURE", 0);
            int fees = kinds.getOrDefault("CANCELLATION_FEE", 0);
            String hold = holds.get(trip);
            if ("PAID".equals(status) && (captures != 1 || fees != 0 || !"CAPTURED".equals(hold))) {
                badPaid.add(trip + " (" + captures + " captures, " + fees + " fees, hold " + hold + ")");
            }
            if ("CANCELLED".equals(status)) {
                if (captures != 0) {
                    capturedCancelled.add(trip);
                }
                if ("HELD".equals(hold) || "CAPTURED".equals(hold)) {
                    heldCancelled.add(trip + " (hold " + hold + ")");
                }
                if (("FEE_CHARGED".equals(hold) && fees != 1) || (!"FEE_CHARGED".equals(hold) && fees != 0)) {
                    badFee.add(trip + " (" + fees + " fees, hold " + hold + ")");
                }
            }
        });
        List<String> unknown = entries.keySet().stream().filter(trip -> !trips.containsKey(trip)).toList();
        List<String> unbalanced = tables.query("payments", "select entry_id::text || ' ' || currency || ' sums to ' || sum(amount) "
                + "from journal_lines group by entry_id, currency having sum(amount) <> 0", rows -> rows.getString(1));
        List<String> thin = tables.query("payments", "select e.id::text from journal_entries e left join journal_lines l "
                + "on l.entry_id = e.id group by e.id having count(l.entry_id) < 2", rows -> rows.getString(1));
        List<Violation> violations = new ArrayList<>();
        add(violations, "PAID without exactly one capture", badPaid);
        add(violations, "CANCELLED with a capture", capturedCancelled);
        add(violations, "CANCELLED with the hold not released", heldCancelled);
        add(violations, "cancellation fee not booked exactly once", badFee);
        add(violations, "journal entry for an unknown trip", unknown);
        if (!unbalanced.isEmpty()) {
            violations.add(new Violation("unbalanced journal entry", String.join("; ", unbalanced), List.of()));
        }
        if (!thin.isEmpty()) {
            violations.add(new Violation("journal entry with fewer than two lines", String.join(", ", thin), List.of()));
        }
        out.printf("[check] ledger: %d trips with entries, %d holds, %d unbalanced entries%n", entries.size(), holds.size(), unbalanced.size());
        return violations;
    }

    /** No driver held two live trips; the topic tells every trip's story up to the status its table has. */
    private List<Violation> eventLog(List<TripEvents.Envelope> events, Map<String, String> trips) {
        List<Violation> violations = new ArrayList<>();
        List<TripEvents.Assignment> assignments = TripEvents.assignments(events);
        for (List<TripEvents.Assignment> pair : TripEvents.overlaps(assignments)) {
            violations.add(new Violation("driver assigned two live trips", "driver " + pair.get(0).driverId() + " held "
                    + pair.get(0).tripId() + " from " + pair.get(0).from() + " until " + pair.get(0).until() + " and "
                    + pair.get(1).tripId() + " from " + pair.get(1).from(), List.of(pair.get(0).tripId(), pair.get(1).tripId())));
        }
        Map<String, String> told = TripEvents.finalStatuses(events);
        List<String> differing = new ArrayList<>();
        trips.forEach((trip, status) -> {
            if (!status.equals(told.get(trip))) {
                differing.add(trip + " (table " + status + ", topic " + told.get(trip) + ")");
            }
        });
        add(violations, "trip's events do not match its table (an event lost or never published)", differing);
        List<String> reordered = TripEvents.reordered(events);
        // Reported, not a violation: every consumer keeps a trip from moving back, so nothing is lost or wrong, but the
        // topic's "order holds per trip" does not hold when a send failed and a later event went out first.
        out.printf("[check] event log: %d assignments, %d trips told, %d trips' events out of order on the topic%s%n",
                assignments.size(), told.size(), reordered.size(), reordered.isEmpty() ? "" : " " + reordered);
        return violations;
    }

    /** history's read model is what a rebuild from the topic gives: each trip's status after its last event. */
    private List<Violation> readModel(List<TripEvents.Envelope> events, Instant deadline) {
        Map<String, String> rebuilt = TripEvents.finalStatuses(events);
        Map<String, String> shown = awaitStable(deadline, this::historyStatuses, statuses -> statuses.equals(rebuilt));
        List<String> differing = new ArrayList<>();
        rebuilt.forEach((trip, status) -> {
            if (!status.equals(shown.get(trip))) {
                differing.add(trip + " (rebuilt " + status + ", history " + shown.get(trip) + ")");
            }
        });
        shown.keySet().stream().filter(trip -> !rebuilt.containsKey(trip)).forEach(trip -> differing.add(trip + " (only in history)"));
        List<Violation> violations = new ArrayList<>();
        add(violations, "history differs from a rebuild from the topic", differing);
        return violations;
    }

    Map<String, String> historyStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        tables.query("history", "select trip_id::text, status from rider_trips", rows -> statuses.put(rows.getString(1), rows.getString(2)));
        return statuses;
    }

    /** Every event publication of every outbox completed: nothing left for the resubmission to try again. */
    private List<Violation> outboxes(Instant deadline) {
        List<String> services = sources.servicesWithDatabases().stream().filter(s -> tables.hasTable(s, "event_publication")).toList();
        Map<String, Long> incomplete = awaitStable(deadline, () -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String service : services) {
                long count = tables.query(service, "select count(*) from event_publication where completion_date is null",
                        rows -> rows.getLong(1)).getFirst();
                if (count > 0) {
                    counts.put(service, count);
                }
            }
            return counts;
        }, Map::isEmpty);
        List<Violation> violations = new ArrayList<>();
        incomplete.forEach((service, count) -> violations.add(Violation.of("outbox not empty", service + " has " + count
                + " event publications never completed")));
        out.printf("[check] outboxes of %s: %s%n", services, incomplete.isEmpty() ? "all complete" : incomplete);
        return violations;
    }

    /** A dead letter is an event some consumer gave up on: each is listed with the reason its consumer gave. */
    private List<Violation> deadLetters() {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sources.kafkaBootstrapServers()))) {
            topics = admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return List.of(Violation.of("dead letters unreadable", e.toString()));
        }
        List<Violation> violations = new ArrayList<>();
        int count = 0;
        for (String topic : topics.stream().filter(t -> t.endsWith(".DLT")).sorted().toList()) {
            for (TripEvents.Envelope letter : TripEvents.readAll(sources.kafkaBootstrapServers(), topic)) {
                count++;
                String reason = letter.headers().getOrDefault("kafka_dlt-exception-message", "(no reason given)");
                violations.add(new Violation("dead letter", topic + ": " + letter.type() + " of " + letter.aggregateId() + ": " + reason,
                        letter.aggregateId() == null ? List.of() : List.of(letter.aggregateId())));
            }
        }
        out.printf("[check] dead letters: %d%n", count);
        return violations;
    }

    private static void add(List<Violation> violations, String invariant, List<String> trips) {
        if (!trips.isEmpty()) {
            violations.add(new Violation(invariant, trips.size() + " trips", trips));
        }
    }

    /** Reads until {@code done} holds or the deadline passes; returns the last reading either way. */
    static <T> T awaitStable(Instant deadline, Supplier<T> read, java.util.function.Predicate<T> done) {
        while (true) {
            T value = read.get();
            if (done.test(value) || !Instant.now().isBefore(deadline)) {
                return value;
            }
            try {
                Thread.sleep(PROBE);  // a probe interval: each round reads the state again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
