package dev.hailway.chaos.check;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.hailway.chaos.faults.Faults;

/**
 * Every consumer sees every event again: each service's consumer group is reset to the first offset of its topics
 * while the service is stopped, the service is started, and once it has caught up the state must be what it was.
 * An inbox that forgot an event, or a handler that is not idempotent, shows here as a changed table.
 */
public final class Redelivery {

    /** The tables consumers write (service → tables); scheduled jobs that change with time alone are left out. */
    static final List<Owned> CONSUMER_TABLES = List.of(
            new Owned("trips", List.of("trips", "trip_history")),
            new Owned("payments", List.of("authorizations", "declines", "journal_entries", "journal_lines")),
            new Owned("history", List.of("rider_trips", "driver_earnings_daily", "pickup_cells", "dispatch_outcomes")),
            new Owned("dispatch", List.of("dispatches", "offers", "assignments")),
            new Owned("location", List.of("driver_shifts", "busy_trips")),
            new Owned("drivers", List.of("drivers")));
    /** A handler applies what it consumed in the transaction before the offset is committed; this is only slack. */
    private static final Duration SETTLE = Duration.ofSeconds(15);

    record Owned(String service, List<String> tables) {
    }
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final java.util.regex.Pattern PER_INSTANCE =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final AuditSources sources;
    private final Tables tables;
    private final Faults faults;
    private final PrintStream out;

    public Redelivery(AuditSources sources, Faults faults, PrintStream out) {
        this.sources = sources;
        this.tables = new Tables(sources);
        this.faults = faults;
        this.out = out;
    }

    /** Resets the groups of {@code services} (those that consume), and compares the state before and after. */
    public List<Violation> check(Collection<String> services) throws InterruptedException {
        Map<String, String> before = snapshot();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sources.kafkaBootstrapServers()))) {
            Map<String, List<String>> groupsByService = groupsByService(admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)
                    .stream().map(ConsumerGroupListing::groupId).toList(), services);
            List<String> groups = groupsByService.values().stream().flatMap(List::stream).sorted().toList();
            out.printf("[redelivery] resetting the consumer groups %s to the beginning of their topics%n", groups);
            Map<String, Long> replayed = new LinkedHashMap<>();
            for (var service : groupsByService.entrySet()) {
                faults.stop(service.getKey());
                for (String group : service.getValue()) {
                    replayed.put(group, resetToEarliest(admin, group));
                }
            }
            startAll(List.copyOf(groupsByService.keySet()));
            awaitCaughtUp(admin, groups);
            out.printf("[redelivery] records delivered again per group: %s%n", replayed);
        } catch (ExecutionException | TimeoutException e) {
            return List.of(Violation.of("redelivery not carried out", e.toString()));
        }
        Map<String, String> after = Checker.awaitStable(Instant.now().plus(SETTLE), this::snapshot, before::equals);
        List<Violation> violations = new ArrayList<>();
        before.forEach((table, digest) -> {
            if (!digest.equals(after.get(table))) {
                violations.add(Violation.of("redelivery changed state", table + ": " + digest + " before, " + after.get(table) + " after"));
            }
        });
        out.printf("[redelivery] %d tables compared, %d changed%n", before.size(), violations.size());
        return violations;
    }

    /**
     * A service's consumer groups: named after it ({@code trips-payments}, {@code location.drivers}). A group that
     * ends in a UUID belongs to one instance (notifications' broadcast streams start at the latest offset) and is
     * gone with it, so there is nothing to replay.
     */
    static Map<String, List<String>> groupsByService(List<String> groups, Collection<String> services) {
        Map<String, List<String>> byService = new LinkedHashMap<>();
        for (String service : services) {
            List<String> owned = groups.stream()
                    .filter(group -> group.equals(service) || group.startsWith(service + "-") || group.startsWith(service + "."))
                    .filter(group -> !PER_INSTANCE.matcher(group).find())
                    .sorted().toList();
            if (!owned.isEmpty()) {
                byService.put(service, owned);
            }
        }
        return byService;
    }

    /** {@code service.table} → its row count and a digest of every row, in a stable order. */
    Map<String, String> snapshot() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Owned owned : CONSUMER_TABLES) {
            String service = owned.service();
            if (!sources.databases().containsKey(service)) {
                continue;
            }
            for (String table : owned.tables()) {
                if (tables.hasTable(service, table)) {
                    digests.put(service + "." + table, tables.query(service, "select count(*) || ' rows, md5 ' || "
                            + "coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') from " + table + " t",
                            rows -> rows.getString(1)).getFirst());
                }
            }
        }
        return digests;
    }

    private static long resetToEarliest(Admin admin, String group) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        committed.keySet().forEach(partition -> earliest.put(partition, OffsetSpec.earliest()));
        Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
        long replayed = 0;
        for (var entry : admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            reset.put(entry.getKey(), new OffsetAndMetadata(entry.getValue().offset()));
            OffsetAndMetadata was = committed.get(entry.getKey());
            replayed += was == null ? 0 : was.offset() - entry.getValue().offset();
        }
        admin.alterConsumerGroupOffsets(group, reset).all().get(30, TimeUnit.SECONDS);
        return replayed;
    }

    private void startAll(List<String> services) throws InterruptedException, ExecutionException {
        try (var starting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> started = services.stream().<Future<?>>map(service -> starting.submit(() -> faults.restart(service))).toList();
            for (Future<?> future : started) {
                future.get();
            }
        }
    }

    /** Until every group has committed up to the end of each partition it reads. */
    private void awaitCaughtUp(Admin admin, List<String> groups) throws ExecutionException, InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(CATCH_UP);
        Set<String> behind = new java.util.TreeSet<>(groups);
        while (!behind.isEmpty() && Instant.now().isBefore(deadline)) {
            for (String group : List.copyOf(behind)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                boolean caughtUp = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                        .allMatch(end -> committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
                if (caughtUp) {
                    behind.remove(group);
                }
            }
            if (!behind.isEmpty()) {
                Thread.sleep(1_000);  // a probe interval: each round asks the broker again
            }
        }
        if (!behind.isEmpty()) {
            throw new TimeoutException("the groups " + behind + " did not catch up within " + CATCH_UP.toSeconds() + " s");
        }
    }
}
