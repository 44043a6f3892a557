package dev.hailway.gateway.cors;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Browser origins allowed to call the API; the web UI's own origin and Vite's dev server by default. */
@ConfigurationProperties("hailway.gateway.cors")
public record CorsProperties(
        @DefaultValue({"http://localhost:8080", "http://localhost:5173"}) List<String> allowedOrigins,
        @DefaultValue({"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) List<String> allowedMethods,
        @DefaultValue({"Authorization", "Content-Type", "Accept", "Idempotency-Key", "X-Request-Id"})
        List<String> allowedHeaders,
        @DefaultValue({"X-Request-Id", "Retry-After", "Location", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "X-RateLimit-Remaining"})
        List<String> exposedHeaders,
        @DefaultValue("30m") Duration maxAge) {
}
