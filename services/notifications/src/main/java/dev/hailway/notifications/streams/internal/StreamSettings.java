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
 * @param resumeWindow         how long an account's notifications are kept for a client that reconnects
 * @param resumeDepth          how many of them at most, per account
 */
@ConfigurationProperties("hailway.notifications")
record StreamSettings(
        @DefaultValue("3") int maxStreamsPerAccount,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("5m") Duration resumeWindow,
        @DefaultValue("50") int resumeDepth) {
}
