package dev.hailway.notifications.streams.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.notifications.*}.
 *
 * @param maxStreamsPerAccount open streams one account may hold on one instance (tabs, devices)
 * @param heartbeatInterval    how often every stream gets a comment line
 * @param streamTimeout        how long a stream stays open before the client has to reconnect
 */
@ConfigurationProperties("hailway.notifications")
record StreamSettings(
        @DefaultValue("3") int maxStreamsPerAccount,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("30m") Duration streamTimeout) {
}
