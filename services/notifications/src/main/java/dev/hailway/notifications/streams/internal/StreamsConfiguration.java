package dev.hailway.notifications.streams.internal;

import dev.hailway.notifications.streams.LiveStreams;
import dev.hailway.notifications.streams.RecentNotifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    @Bean
    LiveStreams liveStreams(StreamSettings settings, MeterRegistry meters, ObjectProvider<Clock> clock) {
        LiveStreams streams = new LiveStreams(settings.maxStreamsPerAccount(),
                new RecentNotifications(settings.resumeDepth(), settings.resumeWindow()),
                clock.getIfAvailable(Clock::systemUTC));
        Gauge.builder("hailway.notifications.streams.open", streams, LiveStreams::openStreams)
                .description("Live streams open on this instance")
                .register(meters);
        return streams;
    }

    @Bean
    Heartbeats heartbeats(LiveStreams streams) {
        return new Heartbeats(streams);
    }

    static final class Heartbeats {

        private final LiveStreams streams;

        Heartbeats(LiveStreams streams) {
            this.streams = streams;
        }

        @Scheduled(fixedRateString = "${hailway.notifications.heartbeat-interval:15s}")
        void beat() {
            streams.heartbeat();
        }
    }
}
