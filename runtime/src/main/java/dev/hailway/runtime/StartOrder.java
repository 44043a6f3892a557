package dev.hailway.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * How a platform starts, for processes and containers alike: the infrastructure (PostgreSQL, Kafka) and the
 * services at once, each service once the services it depends on and the infrastructure it needs are healthy. The
 * first failure ends the wait at once (the caller then stops everything); the others are not waited for.
 */
final class StartOrder {

    private StartOrder() {
    }

    /**
     * @param infrastructure what to start and await, by name (each runs until it is healthy)
     * @param servicesNeed   the infrastructure every service waits for
     * @param onFailure      called once a failure is known, before it is thrown (to stop further launches)
     */
    static void run(Map<String, Runnable> infrastructure, Set<String> servicesNeed, List<ServiceSpec> services,
                    Consumer<ServiceSpec> startService, Runnable onFailure) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> failure = new CompletableFuture<>();
            Map<String, CompletableFuture<Void>> done = new LinkedHashMap<>();
            infrastructure.forEach((name, start) -> done.put(name, CompletableFuture.runAsync(start, executor)));
            List<CompletableFuture<Void>> all = new ArrayList<>(done.values());
            for (ServiceSpec service : services) {
                List<CompletableFuture<Void>> before = new ArrayList<>();
                servicesNeed.forEach(name -> before.add(done.get(name)));
                service.dependsOn().forEach(name -> before.add(done.get(name)));
                CompletableFuture<Void> started = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                        .thenRunAsync(() -> startService.accept(service), executor);
                done.put(service.name(), started);
                all.add(started);
            }
            all.forEach(future -> future.exceptionally(e -> {
                failure.completeExceptionally(unwrap(e));
                return null;
            }));
            try {
                CompletableFuture.anyOf(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), failure).join();
            } catch (CompletionException e) {
                onFailure.run();
                throw unwrap(e);
            }
        }
    }

    static RuntimeException unwrap(Throwable e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
