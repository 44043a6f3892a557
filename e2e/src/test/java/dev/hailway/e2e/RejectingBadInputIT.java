package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.hailway.runtime.Platform;

/** Bad input gets a clear 4xx problem and changes nothing. */
@ExtendWith(PlatformExtension.class)
class RejectingBadInputIT {

    private final Platform platform;
    private final Api api;

    RejectingBadInputIT(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
    }

    @Test
    void malformedJsonIsABadRequestAndStoresNothing() {
        String email = uniqueEmail();

        Api.Response response = api.post("/api/auth/register", null,
                "{\"role\":\"RIDER\",\"email\":\"" + email + "\",\"password\":\"long enough password\",\"name\":");

        assertProblem(response, 400);
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void missingFieldsAreNamedInTheProblemAndStoreNothing() {
        String email = uniqueEmail();

        Api.Response response = api.post("/api/auth/register", null, Map.of("email", email));

        assertProblem(response, 400);
        assertThat(response.json().get("errors").toString()).contains("password").contains("role");
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void anOperatorCannotBeRegisteredFromOutside() {
        String email = uniqueEmail();

        Api.Response response = api.post("/api/auth/register", null,
                Map.of("role", "OPERATOR", "email", email, "password", "long enough password", "name", "Mallory"));

        assertProblem(response, 400);
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void aOneMegabyteBodyIsTooLargeAndStoresNothing() {
        String email = uniqueEmail();
        String huge = "x".repeat(1024 * 1024);

        Api.Response response = api.post("/api/auth/register", null,
                Map.of("role", "RIDER", "email", email, "password", "long enough password", "name", huge));

        assertProblem(response, 413);
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void aOneMegabyteBodyStraightToAServiceIsTooLargeToo() {
        String email = uniqueEmail();
        Api identity = new Api(platform.serviceUrl("identity"));

        Api.Response response = identity.post("/api/auth/register", null,
                Map.of("role", "RIDER", "email", email, "password", "long enough password", "name", "y".repeat(1024 * 1024)));

        assertProblem(response, 413);
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        var request = api.request("/api/auth/register", null)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("role=RIDER"));

        assertProblem(api.send(request), 415);
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        // Without a token the gateway answers 401 before it looks for a route: it tells strangers nothing about routes.
        Api.SignedIn rider = api.registerAndSignIn("RIDER");

        assertProblem(api.get("/api/no-such-thing", rider.accessToken()), 404);
        assertProblem(api.get("/api/no-such-thing", null), 401);
    }

    @Test
    void theServicesActuatorIsNotReachableThroughTheGateway() {
        for (String path : new String[] {"/api/auth/../../actuator/env", "/api/auth/%2e%2e/%2e%2e/actuator/env",
                "/api/auth/..%2F..%2Factuator%2Fenv", "/actuator/env", "/api/auth/actuator/health"}) {
            Api.Response response = api.get(path, null);
            assertThat(response.status()).as(path + " -> " + response).isIn(400, 401, 404);
            assertThat(response.body()).as(path).doesNotContain("propertySources").doesNotContain("\"groups\"");
        }
    }

    @Test
    void controlCharactersInANameOrAnAddressAreRefusedNamingTheFieldAndStoreNothing() {
        String email = uniqueEmail();

        Api.Response nul = api.post("/api/auth/register", null,
                Map.of("role", "RIDER", "email", email, "password", "long enough password", "name", "Ann\u0000"));
        Api.Response escape = api.post("/api/auth/register", null,
                Map.of("role", "RIDER", "email", email, "password", "long enough password", "name", "\u001B[2JAnn\u0007"));
        Api.Response nulInAddress = api.post("/api/auth/register", null,
                Map.of("role", "RIDER", "email", "nul\u0000" + email, "password", "long enough password", "name", "Ann"));
        Api.Response nulAtLogin = api.post("/api/auth/login", null,
                Map.of("email", "nul\u0000" + email, "password", "long enough password"));

        assertField(nul, 400, "name");
        assertField(escape, 400, "name");
        assertField(nulInAddress, 400, "email");
        assertField(nulAtLogin, 400, "email");
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNamingTheFieldNotConverted() {
        String email = uniqueEmail();

        Api.Response numericName = api.post("/api/auth/register", null,
                "{\"role\":\"RIDER\",\"email\":\"" + email + "\",\"password\":\"long enough password\",\"name\":12345}");
        Api.Response numericPassword = api.post("/api/auth/register", null,
                "{\"role\":\"RIDER\",\"email\":\"" + email + "\",\"password\":1234567890123,\"name\":\"Ann\"}");
        Api.Response epochPing = api.post("/api/locations", api.registerAndSignIn("DRIVER").accessToken(),
                "{\"lat\":37.5665,\"lng\":126.978,\"at\":1700000000}");

        assertField(numericName, 400, "name");
        assertField(numericPassword, 400, "password");
        // Location reads its pings itself and names no field, but it no longer takes a number for a time.
        assertProblem(epochPing, 400);
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void anEmptyIdempotencyKeyIsABadRequestAndStoresNothing() {
        String email = uniqueEmail();

        Api.Response response = api.postWithKey("/api/auth/register", null,
                Map.of("role", "RIDER", "email", email, "password", "long enough password", "name", "Ann"), "");

        assertField(response, 400, "Idempotency-Key");
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void twoStrangersWhoPickTheSameIdempotencyKeyBothSignUp() {
        String key = "signup-" + UUID.randomUUID();
        String ann = uniqueEmail();
        String bob = uniqueEmail();

        Api.Response first = api.postWithKey("/api/auth/register", null,
                Map.of("role", "RIDER", "email", ann, "password", "long enough password", "name", "Ann"), key);
        Api.Response second = api.postWithKey("/api/auth/register", null,
                Map.of("role", "DRIVER", "email", bob, "password", "another long password", "name", "Bob"), key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(accountsWithEmail(bob)).isOne();
    }

    @Test
    void theLocationOfARegistrationLeadsToTheNewAccount() {
        String email = uniqueEmail();
        Api.Response registered = api.post("/api/auth/register", null,
                Map.of("role", "RIDER", "email", email, "password", "long enough password", "name", "Ann"));
        String token = api.post("/api/auth/login", null, Map.of("email", email, "password", "long enough password"))
                .json().get("accessToken").asString();

        // Whether the service writes it relative or absolute, the path is what a client follows at the gateway.
        Api.Response account = api.get(URI.create(registered.header("Location")).getRawPath(), token);

        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        assertThat(account.json().get("email").asString()).isEqualTo(email);
    }

    @Test
    void thePublicApiDocumentsListNoInternalEndpoints() {
        for (String service : new String[] {"identity", "location"}) {
            Api.Response docs = api.get("/v3/api-docs/" + service, null);

            assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
            assertThat(docs.json().get("paths").propertyNames()).as(service).isNotEmpty()
                    .noneMatch(path -> path.startsWith("/internal"));
        }
    }

    private static void assertField(Api.Response response, int status, String field) {
        assertProblem(response, status);
        assertThat(response.json().get("errors").toString()).as(response.toString()).contains("\"" + field + "\"");
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).startsWith("https://hailway.dev/problems/");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.hailway");
    }

    private int accountsWithEmail(String email) {
        var db = platform.database("identity");
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
             var statement = connection.prepareStatement("select count(*) from accounts where email = ?")) {
            statement.setString(1, email);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uniqueEmail() {
        return "bad-input-" + UUID.randomUUID() + "@example.test";
    }
}
