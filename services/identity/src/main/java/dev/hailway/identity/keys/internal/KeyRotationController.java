package dev.hailway.identity.keys.internal;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * On-demand rotation, e.g. after a suspected key leak. It lives under {@code /api/auth/}, which the gateway lets
 * through without a token, so it checks the role itself: it is not in the service's public paths either, and the
 * method is operator-only.
 */
@RestController
class KeyRotationController {

    private final KeyRing keys;

    KeyRotationController(KeyRing keys) {
        this.keys = keys;
    }

    @PostMapping("/api/auth/keys/rotate")
    @PreAuthorize("hasRole('OPERATOR')")
    Map<String, String> rotate() {
        return Map.of("activeKeyId", keys.rotate().id().value());
    }
}
