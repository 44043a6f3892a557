package dev.hailway.identity.keys.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rotationInterval how old the active key may get before the schedule replaces it
 * @param rotationCheckInterval how often each instance looks; the advisory lock makes only one of them rotate
 * @param cacheTtl how long an instance reuses the keys it read; another instance's rotation shows after at most this
 */
@ConfigurationProperties("hailway.identity.keys")
record KeySettings(
        @DefaultValue("24h") Duration rotationInterval,
        @DefaultValue("1m") Duration rotationCheckInterval,
        @DefaultValue("5s") Duration cacheTtl) {
}
