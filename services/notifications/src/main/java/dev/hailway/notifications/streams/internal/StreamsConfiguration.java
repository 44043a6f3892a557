package dev.hailway.notifications.streams.internal;

import dev.hailway.notifications.streams.LiveStreams;
import dev.hailway.notifications.streams.RecentNotifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
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

    /**
     * Stops before the web server's graceful shutdown (a higher phase stops first), so that it does not wait for
     * streams that never end by themselves.
     */
    @Bean
    SmartLifecycle closeStreamsOnShutdown(LiveStreams streams) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                streams.closeAll();
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
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
