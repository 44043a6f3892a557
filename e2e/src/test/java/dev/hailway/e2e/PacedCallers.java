package dev.hailway.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bucket;

/**
 * The accounts a fuzzer sends as, each kept under the gateway's per-account limit by a bucket of its own that is a
 * little smaller than the gateway's (PlatformExtension: 60 of burst, then 3 a second), so the gateway answers
 * what was asked rather than 429. Several riders and drivers share the load; there is one operator.
 */
final class PacedCallers {

    enum Role { ANONYMOUS, RIDER, DRIVER, OPERATOR }

    /** A token and its bucket; {@code token} is null for an anonymous caller. */
    record Caller(Role role, String token, Bucket bucket) {
    }

    private final Map<Role, List<Caller>> callers = new EnumMap<>(Role.class);

    PacedCallers(Api api, int perRole, String operatorToken, List<Api.SignedIn> drivers) {
        // Anonymous calls fall in the gateway's anonymous and credentials tiers, raised for the suite to 10000.
        callers.put(Role.ANONYMOUS, List.of(new Caller(Role.ANONYMOUS, null, bucket(5000, 5000))));
        List<Caller> riders = new ArrayList<>();
        for (int i = 0; i < perRole; i++) {
            riders.add(new Caller(Role.RIDER, api.registerAndSignIn("RIDER").accessToken(), accountBucket()));
        }
        callers.put(Role.RIDER, riders);
        callers.put(Role.DRIVER, drivers.stream().map(d -> new Caller(Role.DRIVER, d.accessToken(), accountBucket())).toList());
        // Other classes of the suite may have used the operator's bucket just before: start it part full.
        Bucket operator = accountBucket();
        operator.tryConsume(20);
        callers.put(Role.OPERATOR, List.of(new Caller(Role.OPERATOR, operatorToken, operator)));
    }

    /** A caller of {@code role} that may send now, if there is one. */
    Optional<Caller> ready(Role role) {
        for (Caller caller : callers.get(role)) {
            if (caller.bucket().tryConsume(1)) {
                return Optional.of(caller);
            }
        }
        return Optional.empty();
    }

    /** How long until some caller of {@code role} may send again. */
    Duration untilReady(Role role) {
        return Duration.ofNanos(callers.get(role).stream()
                .mapToLong(caller -> caller.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill())
                .min().orElse(0));
    }

    /** Any caller of {@code role}, for a check that is not paced (one request). */
    Caller any(Role role) {
        return callers.get(role).getFirst();
    }

    private static Bucket accountBucket() {
        return bucket(50, 3);
    }

    private static Bucket bucket(int capacity, int perSecond) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }
}
