package dev.hailway.identity.keys.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JwksController {

    /** Verifiers refetch on an unknown kid anyway; caching spares identity a request per verifier per token. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final KeyRing keys;

    JwksController(KeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/api/auth/jwks", produces = {"application/jwk-set+json", "application/json"})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CACHE).body(keys.published().toJSONObject(true));
    }
}
