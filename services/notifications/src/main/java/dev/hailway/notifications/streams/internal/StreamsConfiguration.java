package dev.hailway.notifications.streams.internal;

import dev.hailway.notifications.streams.LiveStreams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    @Bean
    LiveStreams liveStreams(StreamSettings settings, MeterRegistry meters) {
        LiveStreams streams = new LiveStreams(settings.maxStreamsPerAccount());
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
