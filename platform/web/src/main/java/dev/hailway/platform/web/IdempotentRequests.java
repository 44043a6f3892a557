package dev.hailway.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.hailway.platform.web.internal.IdempotencyStore;
import dev.hailway.platform.web.internal.IdempotencyStore.StoredRequest;
import dev.hailway.platform.web.internal.IdempotencyStore.StoredResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} for creating writes: the first request with a key runs and its answer is stored;
 * the same key with the same request gets that answer again; with another request, 422
 * {@code idempotency-key-reused}; while the first is still running, 409 {@code idempotency-key-in-flight}.
 *
 * <pre>{@code
 * @PostMapping("/api/trips")
 * ResponseEntity<?> request(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
 *                           @Valid @RequestBody TripRequest body) {
 *     return idempotentRequests.execute(key, body, () -> ResponseEntity.status(201).body(trips.request(body)));
 * }
 * }</pre>
 *
 * <p>The key is claimed in its own committed transaction before the action runs, so a concurrent duplicate
 * sees the claim. If the action throws or answers 5xx the claim is dropped and the client may retry with the
 * same key. The action should commit its own work (a {@code @Transactional} service call).
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String ANONYMOUS = "anonymous";
    private static final int CLAIM_ATTEMPTS = 3;

    private final IdempotencyStore store;
    private final ObjectMapper mapper;

    public IdempotentRequests(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /**
     * As {@link #execute(String, String, Object, Supplier)} with the authenticated subject as caller; anonymous callers
     * are scoped by their request (see there).
     */
    public ResponseEntity<?> execute(@Nullable String key, @Nullable Object requestBody,
                                     Supplier<? extends ResponseEntity<?>> action) {
        return execute(key, currentCaller(), requestBody, action);
    }

    /**
     * Runs {@code action} once per ({@code caller}, {@code key}); without a key it just runs it; an empty or insane
     * key is a 400. The caller "anonymous" is scoped further by the request's fingerprint.
     *
     * @param requestBody the request as received (a record, a String or bytes): with the method and path, it
     *                    decides whether a repeated key is the same request
     */
    public ResponseEntity<?> execute(@Nullable String key, String caller, @Nullable Object requestBody,
                                     Supplier<? extends ResponseEntity<?>> action) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        if (key == null && !headerSent()) {
            return action.get();
        }
        // An empty header is a client's bug (a variable that was never set), not a request without a key: running it
        // unprotected would give the client no protection it believes it has.
        if (key == null || !SANE_KEY.matcher(key).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid idempotency key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters",
                    Map.of("errors", List.of(Map.of("field", HEADER,
                            "message", "must be 1 to 255 visible ASCII characters"))));
        }
        String hash = requestHash(requestBody);
        // Anonymous callers cannot be told apart, so their keys are scoped by the request itself: a stranger who picks
        // the same key for another request is not refused with 422 because of someone else's request, and the same
        // request again still gets the stored answer. What such a client cannot learn is that it reused its own key for
        // a different request; an endpoint that knows who is asking (identity's registration: the e-mail) passes that
        // as the caller instead.
        String scope = caller.equals(ANONYMOUS) ? ANONYMOUS + ":" + hash : caller;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (store.claim(scope, key, hash)) {
                return runClaimed(scope, key, action);
            }
            Optional<StoredRequest> existing = store.find(scope, key);
            if (existing.isPresent()) {
                return answerFor(existing.get(), hash);
            }
            // The holder failed and released the key between our claim and our read: claim again.
        }
        throw inFlight();
    }

    private ResponseEntity<?> runClaimed(String caller, String key, Supplier<? extends ResponseEntity<?>> action) {
        ResponseEntity<?> response;
        try {
            response = action.get();
        } catch (RuntimeException | Error e) {
            store.release(caller, key);
            throw e;
        }
        if (response.getStatusCode().is5xxServerError()) {
            store.release(caller, key);
            return response;
        }
        try {
            store.complete(caller, key, toStored(response));
        } catch (RuntimeException e) {
            store.release(caller, key);
            throw e;
        }
        return response;
    }

    private ResponseEntity<?> answerFor(StoredRequest stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, Problems.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency key reused", "This Idempotency-Key was used for a different request");
        }
        StoredResponse response = stored.response();
        if (response == null) {
            throw inFlight();
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status());
        if (response.contentType() != null) {
            builder.contentType(MediaType.parseMediaType(response.contentType()));
        }
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        return response.body() == null ? builder.build() : builder.body(response.body());
    }

    private static ProblemException inFlight() {
        return new ProblemException(HttpStatus.CONFLICT, Problems.IDEMPOTENCY_KEY_IN_FLIGHT,
                "Request in progress", "A request with this Idempotency-Key is still being processed; retry later");
    }

    private StoredResponse toStored(ResponseEntity<?> response) {
        Object body = response.getBody();
        String serialized = switch (body) {
            case null -> null;
            case String text -> text;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> mapper.writeValueAsString(body);
        };
        MediaType contentType = response.getHeaders().getContentType();
        if (contentType == null && body != null && !(body instanceof String)) {
            contentType = MediaType.APPLICATION_JSON;
        }
        URI location = response.getHeaders().getLocation();
        return new StoredResponse(response.getStatusCode().value(), serialized,
                contentType == null ? null : contentType.toString(), location == null ? null : location.toString());
    }

    private String requestHash(@Nullable Object requestBody) {
        HttpServletRequest request = currentRequest();
        String target = request == null ? "" : request.getMethod() + " " + request.getRequestURI();
        byte[] body = switch (requestBody) {
            case null -> new byte[0];
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case byte[] bytes -> bytes;
            default -> mapper.writeValueAsBytes(requestBody);
        };
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    private static boolean headerSent() {
        HttpServletRequest request = currentRequest();
        return request != null && request.getHeaders(HEADER) != null && request.getHeaders(HEADER).hasMoreElements();
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? ANONYMOUS : authentication.getName();
    }
}
