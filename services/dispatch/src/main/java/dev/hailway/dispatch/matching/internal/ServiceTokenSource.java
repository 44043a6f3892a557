package dev.hailway.dispatch.matching.internal;

import java.util.Optional;

/**
 * The access token (role SERVICE) dispatch sends to other services' {@code /internal/**} endpoints. Its own small
 * seam so that platform-web's {@code ServiceTokens} can be plugged in once it exists.
 */
@FunctionalInterface
interface ServiceTokenSource {

    /** A current token, or empty when none can be had (the call then goes without and fails as unauthorized). */
    Optional<String> token();
}
