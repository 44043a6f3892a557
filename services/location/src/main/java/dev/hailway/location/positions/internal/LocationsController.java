package dev.hailway.location.positions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hailway.location.LocationSettings;
import dev.hailway.location.positions.ImplausiblePings;
import dev.hailway.location.positions.InvalidPings;
import dev.hailway.location.positions.Ping;
import dev.hailway.location.positions.PositionsNotRecorded;
import dev.hailway.location.positions.ReportingPositions;
import dev.hailway.location.positions.Violation;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/locations}: one ping or an array of them. Impossible pings are 400 {@code validation}; pings that
 * are each possible but imply a move faster than any car are 422 {@code validation} (the request is well-formed,
 * the claim is not believable). Either way nothing of the request is kept. Answers 202 with the count accepted;
 * out-of-order pings are not counted. When Kafka does not take them in time it is 503 {@code service-unavailable}
 * with {@code Retry-After}, nothing kept, and the same request may be sent again.
 */
@RestController
class LocationsController {

    private final ReportingPositions positions;
    private final LocationSettings settings;
    private final ObjectMapper mapper;

    LocationsController(ReportingPositions positions, LocationSettings settings, ObjectMapper mapper) {
        this.positions = positions;
        this.settings = settings;
        this.mapper = mapper;
    }

    record Accepted(int accepted) {
    }

    @PostMapping("/api/locations")
    @PreAuthorize("hasRole('DRIVER')")
    ResponseEntity<Accepted> report(@AuthenticationPrincipal Jwt token, @RequestBody JsonNode body) {
        UUID driver = driverOf(token);
        boolean single = body.isObject();
        List<Ping> pings = pingsOf(body);
        try {
            return ResponseEntity.accepted().body(new Accepted(positions.report(driver, pings, single)));
        } catch (InvalidPings e) {
            throw validation(HttpStatus.BAD_REQUEST, e.violations());
        } catch (ImplausiblePings e) {
            throw validation(HttpStatus.UNPROCESSABLE_CONTENT, e.violations());
        } catch (PositionsNotRecorded e) {
            throw unavailable(e);
        }
    }

    /** Spring's own error type, because it carries headers; platform-web's advice turns it into our problem. */
    private static ErrorResponseException unavailable(PositionsNotRecorded e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setTitle("Positions cannot be recorded right now");
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        return unavailable;
    }

    private List<Ping> pingsOf(JsonNode body) {
        if (body.isObject()) {
            return List.of(ping(body));
        }
        if (!body.isArray()) {
            throw malformed();
        }
        if (body.isEmpty() || body.size() > settings.maxBatch()) {
            throw validation(HttpStatus.BAD_REQUEST, List.of(new Violation("", "must hold 1 to "
                    + settings.maxBatch() + " pings")));
        }
        List<Ping> pings = new ArrayList<>(body.size());
        for (JsonNode element : body) {
            if (!element.isObject()) {
                throw malformed();
            }
            pings.add(ping(element));
        }
        return pings;
    }

    private Ping ping(JsonNode node) {
        try {
            return mapper.treeToValue(node, Ping.class);
        } catch (JacksonException e) {
            throw malformed();
        }
    }

    private static ProblemException validation(HttpStatus status, List<Violation> violations) {
        return new ProblemException(status, Problems.VALIDATION, "Validation failed",
                status == HttpStatus.BAD_REQUEST ? "The request is not valid"
                        : "The positions are not plausible after the previous one",
                Map.of("errors", violations.stream()
                        .map(v -> Map.of("field", v.field(), "message", v.message())).toList()));
    }

    private static ProblemException malformed() {
        return new ProblemException(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
                "The request body must be a ping object or an array of ping objects");
    }

    private static UUID driverOf(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                    "The token does not name an account.");
        }
    }
}
