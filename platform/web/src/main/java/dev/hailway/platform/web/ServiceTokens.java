package dev.hailway.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's access token for calls to another service's {@code /internal/**} (docs/CONVENTIONS.md, "Calls
 * between services"): fetched from identity with the client-credentials call, kept until shortly before it expires,
 * shared by every thread. At most one fetch runs at a time; callers that arrive meanwhile wait for its token.
 *
 * <p>Build an internal client from Boot's auto-configured builder, so traces propagate, and add {@link #interceptor()}:
 * <pre>{@code
 * RestClient location = builder.clone().baseUrl(locationUrl).requestInterceptor(serviceTokens.interceptor()).build();
 * }</pre>
 */
public final class ServiceTokens {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Fetch a new token this long before the old one expires, so a token never runs out in flight. */
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Cached current;
    /** Until when callers are told at once that identity failed, instead of each waiting for a fetch of its own. */
    private volatile Instant failingUntil = Instant.MIN;

    private record Cached(String token, Instant refreshAt) {
    }

    public ServiceTokens(ServiceClientProperties properties, Clock clock) {
        this(properties.tokenUri(), properties.clientId(), properties.clientSecret(), properties.timeout(), clock);
    }

    public ServiceTokens(URI tokenUri, String clientId, String clientSecret, Duration timeout, Clock clock) {
        this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
        this.clientId = requireText(clientId, "clientId");
        this.clientSecret = requireText(clientSecret, "clientSecret");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** A valid token: the cached one, or a new one from identity. */
    public String token() {
        Cached cached = current;
        if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
            return cached.token();
        }
        fetching.lock();
        try {
            cached = current;
            if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
                return cached.token();
            }
            // The callers that queued behind a fetch that failed fail with it: otherwise each would wait a timeout
            // of its own, one after another, and a slow identity would hold every caller's thread for minutes.
            if (clock.instant().isBefore(failingUntil)) {
                throw new ServiceTokenUnavailableException("identity failed a moment ago; not asking again yet", null);
            }
            try {
                cached = fetch();
            } catch (ServiceTokenUnavailableException e) {
                failingUntil = clock.instant().plus(timeout);
                throw e;
            }
            current = cached;
            return cached.token();
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Forgets {@code token} if it is still the cached one (a service answered 401 to it: identity's keys changed, or
     * the clocks disagree), so the next call fetches a new one. A newer token fetched meanwhile is kept.
     */
    public void invalidate(String token) {
        fetching.lock();
        try {
            if (current != null && current.token().equals(token)) {
                current = null;
            }
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Adds {@code Authorization: Bearer <token>}. On a 401 answer it drops that token once and hands the 401 back: the
     * caller's bounded retry then goes out with a new token. A token that cannot be had fails the call as an
     * {@link IOException}, which {@code RestClient} reports as a {@code ResourceAccessException}, like a service that
     * cannot be reached.
     */
    public ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            String token;
            try {
                token = token();
            } catch (ServiceTokenUnavailableException e) {
                throw new IOException(e.getMessage(), e);
            }
            request.getHeaders().setBearerAuth(token);
            var response = execution.execute(request, body);
            if (response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                log.info("{} {} answered 401 to our service token; fetching a new one next time",
                        request.getMethod(), request.getURI());
                invalidate(token);
            }
            return response;
        };
    }

    private Cached fetch() {
        String body = JSON.writeValueAsString(Map.of("clientId", clientId, "clientSecret", clientSecret));
        var request = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header(HttpHeaders.ACCEPT, "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceTokenUnavailableException("cannot reach " + tokenUri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenUnavailableException("interrupted while fetching a service token", e);
        }
        if (response.statusCode() != 200) {
            throw new ServiceTokenUnavailableException(
                    tokenUri + " refused client " + clientId + " with " + response.statusCode(), null);
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            String token = json.path("accessToken").asString("");
            long expiresIn = json.path("expiresIn").asLong(0);
            if (token.isBlank() || expiresIn <= 0) {
                throw new ServiceTokenUnavailableException(tokenUri + " answered without a token", null);
            }
            Duration lifetime = Duration.ofSeconds(expiresIn);
            // Short lifetimes (tests) are refreshed at half time rather than never being cached.
            Duration ahead = REFRESH_AHEAD.compareTo(lifetime.dividedBy(2)) < 0 ? REFRESH_AHEAD : lifetime.dividedBy(2);
            log.debug("Fetched a service token for {}, valid {} s", clientId, expiresIn);
            return new Cached(token, clock.instant().plus(lifetime).minus(ahead));
        } catch (JacksonException e) {
            throw new ServiceTokenUnavailableException(tokenUri + " answered something that is not JSON", e);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ServiceTokens[clientId=" + clientId + ", tokenUri=" + tokenUri + "]";
    }

    /** No token could be had: identity is unreachable, too slow, or refused this service's credentials. */
    public static final class ServiceTokenUnavailableException extends RuntimeException {

        ServiceTokenUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
