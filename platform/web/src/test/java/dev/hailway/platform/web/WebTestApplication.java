package dev.hailway.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A service with endpoints that exercise each error path, the roles and idempotency keys. */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebTestApplication {

    record NewThing(@NotBlank String name, @Min(1) int count) {
    }

    record Thing(UUID id, String name, int count) {
    }

    static class Gate {
        volatile CountDownLatch release = new CountDownLatch(0);
        final AtomicInteger created = new AtomicInteger();
        volatile boolean fail;
    }

    @Bean
    Gate gate() {
        return new Gate();
    }

    /** Registered as a member class of the configuration. */
    @RestController
    static class ThingsController {

        private final IdempotentRequests idempotentRequests;
        private final Gate gate;

        ThingsController(IdempotentRequests idempotentRequests, Gate gate) {
            this.idempotentRequests = idempotentRequests;
            this.gate = gate;
        }

        @PostMapping({"/api/things", "/public/things"})
        ResponseEntity<?> create(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @Valid @RequestBody NewThing body) {
            return idempotentRequests.execute(key, body, () -> {
                await(gate.release);
                if (gate.fail) {
                    throw new IllegalStateException("database exploded at 10.0.0.7");
                }
                gate.created.incrementAndGet();
                Thing thing = new Thing(UUID.randomUUID(), body.name(), body.count());
                return ResponseEntity.created(URI.create("/api/things/" + thing.id())).body(thing);
            });
        }

        @GetMapping("/api/things/{id}")
        Thing get(@PathVariable UUID id) {
            throw new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Thing not found",
                    "There is no thing " + id);
        }

        @PostMapping("/api/echo")
        Map<String, Integer> echo(@RequestBody String body) {
            return Map.of("length", body.length());
        }

        @GetMapping("/api/me")
        Map<String, Object> me(Authentication authentication) {
            return Map.of("name", authentication.getName(), "authorities",
                    authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
        }

        @GetMapping("/api/ops")
        @PreAuthorize("hasRole('OPERATOR')")
        List<String> ops() {
            return List.of("ok");
        }

        @GetMapping("/api/boom")
        String boom() {
            throw new IllegalStateException("connection to 10.0.0.7 refused, password=hunter2");
        }

        @GetMapping("/api/database-down")
        String databaseDown() {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        }

        @GetMapping("/internal/things/count")
        int count() {
            return gate.created.get();
        }

        @GetMapping("/public/ping")
        String ping() {
            return "pong";
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
