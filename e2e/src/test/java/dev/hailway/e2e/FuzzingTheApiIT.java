package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.hailway.e2e.PacedCallers.Caller;
import dev.hailway.e2e.PacedCallers.Role;
import dev.hailway.e2e.PublicOperations.Endpoint;
import dev.hailway.runtime.Platform;

/**
 * A schema-driven fuzzer over the public API: every operation of every service's OpenAPI document (as the gateway
 * publishes them), sent through the gateway with requests generated from its schema, valid and broken one way at a
 * time (bodies, path and query parameters, headers), as the caller whose role the operation serves. The platform must
 * never answer 5xx, must refuse with {@code application/problem+json}, and must store nothing of a refused request:
 * every generated request carries a marker of its own (in its strings and its {@code Idempotency-Key}), and no
 * service's tables may hold the marker of a request that was refused.
 *
 * <p>{@code -Dhailway.fuzz.seed=N} replays a run, {@code -Dhailway.fuzz.cases=N} sets the cases per operation.
 */
@ExtendWith(PlatformExtension.class)
class FuzzingTheApiIT {

    private static final long SEED = Long.getLong("hailway.fuzz.seed", 9L);
    private static final int CASES = Integer.getInteger("hailway.fuzz.cases", 28);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Operations whose success changes the platform for every other test (signing keys, read models, fares): sent
     * only as requests that must be refused (another role, a broken token), and the fares put back afterwards.
     */
    private static final Set<String> PLATFORM_WIDE = Set.of("POST /api/auth/keys/rotate", "POST /api/ops/history/rebuild");
    private static final String FARE_RULE = "PUT /api/quotes/fare-rules/{vehicleClass}";
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "1-1-1-1-1", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "%00", "%2e%2e", "..%2F..%2Factuator", "x".repeat(3000), "%F0%9F%9A%95", "-1",
            "99999999999999999999999", "%20", "3f1c9a52-8e0b-4d8e-9a57-0c2f6a1d2b3e%00", "3F1C9A52-8E0B-4D8E-9A57-0C2F6A1D2B3E");
    private static final List<String> BAD_QUERY_VALUES = List.of("", "-1", "0", "-2147483649", "2147483648", "99999999999999999999",
            "1.5", "abc", "%00", "%F0%9F%9A%95", "true", "[]", "2026-13-45", "+999999999-12-31", "x".repeat(3000));

    private final Platform platform;
    private final Api api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);
    private final String runTag = String.format("%06x", (SEED ^ System.nanoTime()) & 0xFFFFFF);
    private int caseNumbers;
    /** Every request and its answer, for whoever reads a finding: e2e/target/fuzzing-the-api.log. */
    private final StringBuilder history = new StringBuilder();

    FuzzingTheApiIT(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
    }

    /** One generated request and what it is meant to try. */
    record Case(Endpoint endpoint, String marker, Role role, String method, String pathAndQuery,
                Map<String, String> headers, String body, String what, boolean mustBeRefused) {
    }

    record Answer(int status, String contentType, String body) {
    }

    /** What one operation got back, for the report. */
    static final class Tally {
        Role role;
        int cases, ok, refused, limited, failed, unsendable;
    }

    @Test
    void everyOperationAnswersGeneratedRequestsWithoutA5xxAndRefusesWithAProblemThatStoresNothing() {
        Instant started = Instant.now();
        List<Endpoint> documented = PublicOperations.read(api);
        List<String> violations = new ArrayList<>();
        // The error page is no operation, and the gateway routes no /error: nothing to fuzz, but it must not be listed.
        documented.stream().filter(e -> e.path().equals("/error") || e.path().startsWith("/internal"))
                .map(e -> e.service() + "'s public document lists " + e.name()).distinct().forEach(violations::add);
        List<Endpoint> endpoints = documented.stream()
                .filter(e -> !e.path().equals("/error") && !e.path().startsWith("/internal"))
                .map(FuzzingTheApiIT::withStandInBody).toList();
        assertThat(endpoints).as("operations in the public documents").hasSizeGreaterThan(20);

        String operatorToken = api.operatorToken(platform.operatorEmail(), platform.operatorPassword());
        List<Api.SignedIn> drivers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            drivers.add(api.registerAndSignIn("DRIVER"));
        }
        PacedCallers callers = new PacedCallers(api, 4, operatorToken, drivers);
        Api.Response fareRules = api.get("/api/quotes/fare-rules", operatorToken);
        assertThat(fareRules.status()).as(fareRules.toString()).isEqualTo(200);

        // Valid pings land far from every other test's scene, so no other test's dispatch finds the fuzzer's drivers.
        Rides.Point place = Rides.newPlace();
        SchemaValues values = new SchemaValues(random, Map.of(
                "lat", NODES.numberNode(place.lat()), "lng", NODES.numberNode(place.lng()),
                "cardToken", NODES.stringNode("tok_visa"),
                "password", NODES.stringNode("correct horse battery staple")));

        Map<String, Tally> tallies = new TreeMap<>();
        Map<String, Case> refusedByMarker = new LinkedHashMap<>();
        Deque<Case> queue = new ArrayDeque<>();
        for (Endpoint endpoint : endpoints) {
            Tally tally = new Tally();
            tally.role = roleOf(endpoint, values, callers, tallies, violations, refusedByMarker, tally);
            tallies.put(endpoint.name(), tally);
            queue.addAll(cases(endpoint, tally.role, values));
        }

        // Round robin over the roles: while the operator's bucket refills, riders' and drivers' cases go on.
        while (!queue.isEmpty()) {
            Case next = null;
            Caller caller = null;
            for (int i = 0, n = queue.size(); i < n && caller == null; i++) {
                Case candidate = queue.poll();
                var ready = callers.ready(candidate.role());
                if (ready.isPresent()) {
                    next = candidate;
                    caller = ready.get();
                } else {
                    queue.addLast(candidate);
                }
            }
            if (caller == null) {
                Role waiting = queue.peek().role();
                pause(callers.untilReady(waiting));
                continue;
            }
            record(next, send(next, caller), tallies.get(next.endpoint().name()), violations, refusedByMarker);
        }

        putBackFareRules(fareRules, operatorToken, tallies.get(FARE_RULE));
        for (Api.SignedIn driver : drivers) {
            api.post("/api/drivers/me/offline", driver.accessToken(), "");
        }
        Map<String, Set<String>> stored = new StoredMarkers(platform).find(
                "fz" + runTag + "n[0-9]+z", refusedByMarker.keySet());
        stored.forEach((marker, where) -> {
            Case refused = refusedByMarker.get(marker);
            violations.add("stored although refused: " + refused.method() + " " + shorten(refused.pathAndQuery(), 200)
                    + " (" + refused.what() + ") found in " + where);
        });

        report(tallies, started, refusedByMarker.size());
        violations.forEach(violation -> System.out.println("FOUND " + violation));
        writeHistory();
        assertThat(violations).as("seed " + SEED + ": what the fuzzer found").isEmpty();
        int answered = tallies.values().stream().mapToInt(t -> t.ok + t.refused).sum();
        int limited = tallies.values().stream().mapToInt(t -> t.limited).sum();
        assertThat(limited).as("the fuzzer keeps to the rate limits: 429s among " + (answered + limited) + " answers")
                .isLessThan((answered + limited) / 10);
    }

    /**
     * Location reads its pings itself (one or an array, as a JSON tree), so its document describes Jackson's JsonNode
     * (properties "empty", "array", "null", ...), not a ping: the README's ping stands in for it, so that the fuzzer
     * gets past the first check.
     */
    private static Endpoint withStandInBody(Endpoint endpoint) {
        if (!endpoint.name().equals("POST /api/locations")) {
            return endpoint;
        }
        Schema<?> ping = new ObjectSchema()
                .addProperty("lat", new NumberSchema().minimum(BigDecimal.valueOf(-90)).maximum(BigDecimal.valueOf(90)))
                .addProperty("lng", new NumberSchema().minimum(BigDecimal.valueOf(-180)).maximum(BigDecimal.valueOf(180)))
                .addProperty("heading", new NumberSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(359)))
                .addProperty("speedKmh", new NumberSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(200)))
                .addProperty("at", new StringSchema().format("date-time"));
        ping.setRequired(List.of("lat", "lng", "at"));
        return new Endpoint(endpoint.service(), endpoint.method(), endpoint.path(), endpoint.parameters(), ping, "application/json");
    }

    /** The first of anonymous, rider, driver and operator whose valid request the operation does not refuse as 401/403. */
    private Role roleOf(Endpoint endpoint, SchemaValues values, PacedCallers callers, Map<String, Tally> tallies,
                        List<String> violations, Map<String, Case> refusedByMarker, Tally tally) {
        if (PLATFORM_WIDE.contains(endpoint.name()) || endpoint.name().equals(FARE_RULE)) {
            return Role.OPERATOR;
        }
        boolean everyone401 = true;
        Role allowed = null;
        for (Role role : Role.values()) {
            Case probe = validCase(endpoint, role, values, "a valid request, as " + role);
            Caller caller = awaitCaller(callers, role);
            Answer answer = send(probe, caller);
            record(probe, answer, tally, violations, refusedByMarker);
            if (answer.status() >= 200 && answer.status() < 300) {
                return role;
            }
            if (answer.status() != 401 && answer.status() != 403 && allowed == null) {
                allowed = role;
            }
            everyone401 &= answer.status() == 401;
            // A 400 may come before the role is checked (the body is validated first), anything else comes after.
            if (allowed != null && answer.status() != 400) {
                return allowed;
            }
        }
        // Refused to everyone for want of valid credentials in the body (login, refresh): anyone's operation.
        return allowed != null ? allowed : everyone401 ? Role.ANONYMOUS : Role.RIDER;
    }

    private List<Case> cases(Endpoint endpoint, Role role, SchemaValues values) {
        List<Case> cases = new ArrayList<>();
        boolean platformWide = PLATFORM_WIDE.contains(endpoint.name());
        for (Role other : Role.values()) {
            if (other != role && other != Role.ANONYMOUS && role != Role.ANONYMOUS && (platformWide || random.nextInt(3) == 0)) {
                Case asOther = validCase(endpoint, other, values, "a valid request as " + other + ", not " + role);
                cases.add(platformWide ? withBody(asOther, asOther.body(), asOther.what(), true) : asOther);
            }
        }
        Case cut = withHeader(validCase(endpoint, role, values, "a token cut short"), "Authorization", "Bearer {token-cut}");
        if (role != Role.ANONYMOUS) {
            cases.add(withBody(cut, cut.body(), cut.what(), true));
        }
        if (platformWide) {
            return cases;
        }
        boolean fareRule = endpoint.name().equals(FARE_RULE);
        List<Function<Case, Case>> mutations = mutations(endpoint, role, values);
        while (cases.size() < CASES) {
            if (!fareRule && random.nextInt(5) == 0) {
                cases.add(validCase(endpoint, role, values, "a valid request"));
            } else {
                cases.add(mutations.get(random.nextInt(mutations.size())).apply(validCase(endpoint, role, values, "")));
            }
        }
        return cases;
    }

    /** Each turns a valid request into one broken in one way; every one applies to the endpoint it was made for. */
    private List<Function<Case, Case>> mutations(Endpoint endpoint, Role role, SchemaValues values) {
        List<Function<Case, Case>> mutations = new ArrayList<>();
        Schema<?> body = endpoint.body();
        if (body != null) {
            Map<String, Schema> properties = body.getProperties() == null ? Map.of() : body.getProperties();
            List<String> required = body.getRequired() == null ? List.of() : body.getRequired();
            if (!required.isEmpty()) {
                mutations.add(c -> {
                    ObjectNode object = (ObjectNode) Api.JSON.readTree(c.body());
                    String missing = required.get(random.nextInt(required.size()));
                    object.remove(missing);
                    return withBody(c, object.toString(), "without its required " + missing, true);
                });
            }
            if (!properties.isEmpty()) {
                List<String> names = new ArrayList<>(properties.keySet());
                mutations.add(c -> {
                    ObjectNode object = (ObjectNode) Api.JSON.readTree(c.body());
                    String name = names.get(random.nextInt(names.size()));
                    StringBuilder why = new StringBuilder(name + " as ");
                    object.set(name, values.wrong(properties.get(name), c.marker(), why));
                    return withBody(c, object.toString(), why.toString(), false);
                });
                mutations.add(c -> {
                    ObjectNode object = (ObjectNode) Api.JSON.readTree(c.body());
                    object.put("unexpected" + c.marker(), c.marker());
                    return withBody(c, object.toString(), "an unknown property", false);
                });
                mutations.add(c -> {
                    String json = c.body();
                    String name = names.get(random.nextInt(names.size()));
                    // The same property twice: which one wins must not be a parser's accident.
                    return withBody(c, json.replaceFirst("^\\{", "{\"" + name + "\":\"fuzz " + c.marker() + "\","),
                            "a duplicate " + name, false);
                });
            }
            mutations.add(c -> {
                StringBuilder why = new StringBuilder("the whole body as ");
                return withBody(c, values.wrong(body, c.marker(), why).toString(), why.toString(), false);
            });
            // Not JSON at all (true), or JSON that is legal but odd (false: it may be accepted, never a 5xx).
            Map<String, Boolean> rawBodies = new LinkedHashMap<>();
            for (String broken : List.of("{", "{\"", "[", "}", "{'single':'quotes'}", "{\"a\":NaN}", "{\"a\":.5}", "{\"a\":01}",
                    "{/*c*/}", "{\"a\":1,}", "\"unterminated")) {
                rawBodies.put(broken, true);
            }
            for (String odd : List.of("", "null", "[]", "\"fuzz\"", "0", "{\"a\":1e400}", "\uFEFF{}", "{\"\\ud800\":1}",
                    "[".repeat(20_000) + "]".repeat(20_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))) {
                rawBodies.put(odd, false);
            }
            List<String> raw = new ArrayList<>(rawBodies.keySet());
            mutations.add(c -> {
                String pick = raw.get(random.nextInt(raw.size()));
                return withBody(c, pick, "the raw body " + SchemaValues.printable(pick), rawBodies.get(pick));
            });
            mutations.add(c -> withBody(c, c.body().substring(0, Math.max(0, c.body().length() - 1)), "the body cut short", true));
            mutations.add(c -> withHeader(withBody(c, "<trip/>", "an XML body", true), "Content-Type", "application/xml"));
            mutations.add(c -> withHeader(c, "Content-Type", "text/plain"));
            mutations.add(c -> withHeader(c, "Content-Type", "application/json; charset=ebcdic"));
            mutations.add(c -> withBody(c, "{\"k\":\"" + c.marker() + "x".repeat(2 * 1024 * 1024) + "\"}", "a 2 MiB body", true));
        }
        for (Parameter parameter : endpoint.parameters()) {
            String in = parameter.getIn();
            String name = parameter.getName();
            if ("path".equals(in)) {
                boolean uuid = parameter.getSchema() != null && "uuid".equals(parameter.getSchema().getFormat());
                mutations.add(c -> {
                    String bad = BAD_IDS.get(random.nextInt(BAD_IDS.size()));
                    // Only a uuid parameter says what is not one; the upper-case uuid is still one.
                    boolean notAUuid = uuid && !bad.startsWith("3F1C") && !bad.startsWith("0000") && !bad.startsWith("ffff")
                            && !bad.equals("1-1-1-1-1");
                    return new Case(c.endpoint(), c.marker(), c.role(), c.method(),
                            fill(endpoint, values, c.marker(), Map.of(name, bad)) + query(c.pathAndQuery()), c.headers(), c.body(),
                            "path " + name + " = " + shorten(bad, 40), notAUuid);
                });
            } else if ("query".equals(in)) {
                mutations.add(c -> {
                    String bad = BAD_QUERY_VALUES.get(random.nextInt(BAD_QUERY_VALUES.size()));
                    return withQuery(c, name, bad, false);
                });
                if (name.equals("cursor")) {
                    List<String> cursors = List.of("+1000000000-12-31T23:59:59.999999999Z|" + UUID.randomUUID(),
                            "+300000-01-01T00:00:00Z|" + UUID.randomUUID(), "-300000-01-01T00:00:00Z|" + UUID.randomUUID(),
                            "2026-01-01T00:00:00Z|1-1-1-1-1", "2026-01-01T00:00:00Z", "|", "\u0000|\u0000");
                    mutations.add(c -> {
                        String payload = cursors.get(random.nextInt(cursors.size()));
                        return withQuery(c, name, Base64.getUrlEncoder().withoutPadding()
                                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)), true);
                    });
                }
            } else if ("header".equals(in) && name.equalsIgnoreCase("Last-Event-ID")) {
                mutations.add(c -> withHeader(c, name, List.of("", " ", "42", "1-1-1-1-1", "x".repeat(5000), "ü",
                        UUID.randomUUID() + "x").get(random.nextInt(7))));
            }
        }
        if (endpoint.parameters().stream().anyMatch(p -> "header".equals(p.getIn()) && p.getName().equalsIgnoreCase("Idempotency-Key"))) {
            List<String> keys = List.of("", " ", "k".repeat(256), "key with spaces", "ключ", "\t", "%00");
            mutations.add(c -> withHeader(c, "Idempotency-Key", keys.get(random.nextInt(keys.size()))));
        }
        mutations.add(c -> withQuery(c, "unexpected", c.marker(), false));
        List<String> accepts = List.of("application/xml", "text/html", "image/png", "*/*;q=x", "application",
                "text/plain, ".repeat(60) + "*/*");
        mutations.add(c -> withHeader(c, "Accept", accepts.get(random.nextInt(accepts.size()))));
        if (role != Role.ANONYMOUS) {
            List<String> broken = List.of("Bearer ", "Basic Zm9vOmJhcg==", "Bearer a.b.c", "Bearer {token}x", "bearer",
                    "Bearer " + "x".repeat(9000), "Bearer {token} {token}", "Bearer {token-cut}");
            mutations.add(c -> {
                Case brokenToken = withHeader(c, "Authorization", broken.get(random.nextInt(broken.size())));
                return withBody(brokenToken, brokenToken.body(), brokenToken.what(), true);
            });
        }
        return mutations;
    }

    private Case validCase(Endpoint endpoint, Role role, SchemaValues values, String what) {
        String marker = "fz" + runTag + "n" + (++caseNumbers) + "z";
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : endpoint.parameters()) {
            boolean send = Boolean.TRUE.equals(parameter.getRequired()) || random.nextBoolean();
            if (!send) {
                continue;
            }
            switch (parameter.getIn()) {
                case "query" -> query.append(query.isEmpty() ? "?" : "&").append(encode(parameter.getName())).append('=')
                        .append(encode(text(values.valid(parameter.getSchema(), parameter.getName(), marker))));
                case "header" -> headers.put(parameter.getName(), parameter.getName().equalsIgnoreCase("Idempotency-Key")
                        ? marker + "-" + UUID.randomUUID() : text(values.valid(parameter.getSchema(), parameter.getName(), marker)));
                default -> {
                }
            }
        }
        String body = endpoint.body() == null ? null : values.valid(endpoint.body(), null, marker).toString();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.put("Authorization", "Bearer {token}");
        return new Case(endpoint, marker, role, endpoint.method(), fill(endpoint, values, marker, Map.of()) + query, headers, body,
                what, false);
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    /** The path with its parameters filled: generated values, or {@code raw} ones (already encoded) where given. */
    private String fill(Endpoint endpoint, SchemaValues values, String marker, Map<String, String> raw) {
        String path = endpoint.path();
        for (Parameter parameter : endpoint.parameters()) {
            if ("path".equals(parameter.getIn())) {
                String value = raw.containsKey(parameter.getName()) ? raw.get(parameter.getName())
                        : encode(text(values.valid(parameter.getSchema(), parameter.getName(), marker)));
                path = path.replace("{" + parameter.getName() + "}", value);
            }
        }
        return path;
    }

    private static String query(String pathAndQuery) {
        int at = pathAndQuery.indexOf('?');
        return at < 0 ? "" : pathAndQuery.substring(at);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Case withBody(Case c, String body, String what, boolean mustBeRefused) {
        return new Case(c.endpoint(), c.marker(), c.role(), c.method(), c.pathAndQuery(), c.headers(), body, what, mustBeRefused);
    }

    private static Case withHeader(Case c, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        headers.put(name, value);
        String what = c.what().isEmpty() ? "header " + name + ": " + SchemaValues.printable(value) : c.what();
        return new Case(c.endpoint(), c.marker(), c.role(), c.method(), c.pathAndQuery(), headers, c.body(), what, c.mustBeRefused());
    }

    private static Case withQuery(Case c, String name, String value, boolean mustBeRefused) {
        String path = c.pathAndQuery();
        String separator = path.contains("?") ? "&" : "?";
        // Percent signs in the list are meant raw; everything else is encoded as a client would.
        String encoded = value.contains("%") ? value : encode(value);
        return new Case(c.endpoint(), c.marker(), c.role(), c.method(), path + separator + encode(name) + "=" + encoded, c.headers(),
                c.body(), "query " + name + " = " + SchemaValues.printable(value), mustBeRefused);
    }

    private Answer send(Case c, Caller caller) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                    + c.pathAndQuery().replace(encode(SchemaValues.NOW), encode(Instant.now().toString())))).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException notAUri) {
            return new Answer(-1, null, "the client cannot send it: " + notAUri.getMessage());
        }
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(c.body().replace(SchemaValues.NOW, Instant.now().toString()));
        request.method(c.method(), body);
        for (Map.Entry<String, String> header : c.headers().entrySet()) {
            String value = header.getValue();
            if (value == null) {
                continue;
            }
            if (value.contains("{token")) {
                // The caller's token goes in at the last moment: which account sends a case is up to the buckets.
                if (caller.token() == null) {
                    continue;
                }
                value = value.replace("{token-cut}", caller.token().substring(0, caller.token().length() / 2))
                        .replace("{token}", caller.token());
            }
            try {
                request.setHeader(header.getKey(), value);
            } catch (IllegalArgumentException notAHeader) {
                return new Answer(-1, null, "the client cannot send it: " + notAHeader.getMessage());
            }
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            String text;
            try (InputStream in = response.body()) {
                // A stream that opened stays open: its headers are the answer.
                text = contentType != null && contentType.startsWith("text/event-stream") ? ""
                        : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), contentType, text);
        } catch (IOException e) {
            return new Answer(-2, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void record(Case c, Answer answer, Tally tally, List<String> violations, Map<String, Case> refusedByMarker) {
        if (answer.status() == -1) {
            // HttpClient will not send it (a header value it refuses): no client of the platform could either.
            tally.unsendable++;
            return;
        }
        tally.cases++;
        String request = c.method() + " " + shorten(c.pathAndQuery(), 200) + " as " + c.role() + " (" + c.what() + ")"
                + (c.body() == null ? "" : " body " + shorten(SchemaValues.printable(c.body()), 300));
        String got = " -> " + answer.status() + " " + answer.contentType() + " " + shorten(answer.body(), 300);
        history.append(c.marker()).append(' ').append(request).append(got).append('\n');
        if (answer.status() == 429) {
            tally.limited++;
            refusedByMarker.put(c.marker(), c);
        } else if (answer.status() >= 500 || answer.status() < 0) {
            tally.failed++;
            violations.add(answer.status() < 0 ? "no answer: " + request + got : "a 5xx: " + request + got);
        } else if (answer.status() >= 400) {
            tally.refused++;
            refusedByMarker.put(c.marker(), c);
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                violations.add("a refusal that is not problem+json: " + request + got);
            } else if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
                violations.add("a refusal that shows the code: " + request + got);
            }
        } else {
            tally.ok++;
            if (c.mustBeRefused()) {
                violations.add("accepted although it cannot be valid: " + request + got);
            }
        }
    }

    private Caller awaitCaller(PacedCallers callers, Role role) {
        while (true) {
            var ready = callers.ready(role);
            if (ready.isPresent()) {
                return ready.get();
            }
            pause(callers.untilReady(role));
        }
    }

    /** Waiting for a bucket to refill is the point here: it keeps the fuzzer under the gateway's limit. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** If a refused fare-rule write got through after all, every other test would quote other fares: put them back. */
    private void putBackFareRules(Api.Response before, String operatorToken, Tally tally) {
        if (tally == null || tally.ok == 0) {
            return;
        }
        before.json().properties().forEach(rule -> {
            Api.Response put = api.put("/api/quotes/fare-rules/" + rule.getKey(), operatorToken, rule.getValue().toString());
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
        });
    }

    private void writeHistory() {
        Path log = Path.of(System.getProperty("hailway.repository.root", "..")).resolve("e2e/target/fuzzing-the-api.log");
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, history);
        } catch (IOException e) {
            System.out.println("could not write " + log + ": " + e);
        }
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + ")";
    }

    private void report(Map<String, Tally> tallies, Instant started, int refused) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nFuzzingTheApiIT seed %d (replay with -Dhailway.fuzz.seed=%d), %d cases per operation, %s%n",
                SEED, SEED, CASES, Duration.between(started, Instant.now())));
        out.append(String.format("%-52s %-9s %6s %5s %5s %5s %5s %7s%n", "operation", "as", "cases", "2xx", "4xx", "429", "5xx",
                "unsent"));
        tallies.forEach((name, t) -> out.append(String.format("%-52s %-9s %6d %5d %5d %5d %5d %7d%n", shorten(name, 52), t.role,
                t.cases, t.ok, t.refused, t.limited, t.failed, t.unsendable)));
        int cases = tallies.values().stream().mapToInt(t -> t.cases).sum();
        out.append(String.format("%d operations, %d requests, %d refused (their markers looked for in every database)%n",
                tallies.size(), cases, refused));
        System.out.print(out);
    }
}
