package dev.hailway.dispatch.matching.internal;

import java.time.Duration;

import dev.hailway.dispatch.matching.DispatchMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

final class MicrometerDispatchMetrics implements DispatchMetrics {

    private final Counter made;
    private final Counter declined;
    private final Counter expired;
    private final Counter noDriver;
    private final Counter unavailable;
    private final Timer timeToAssignment;

    MicrometerDispatchMetrics(MeterRegistry registry) {
        made = Counter.builder("dispatch.offers").tag("outcome", "made").register(registry);
        declined = Counter.builder("dispatch.offers").tag("outcome", "declined").register(registry);
        expired = Counter.builder("dispatch.offers").tag("outcome", "expired").register(registry);
        noDriver = Counter.builder("dispatch.no.driver.found").register(registry);
        unavailable = Counter.builder("dispatch.candidates.unavailable")
                .description("matching attempts that could not get candidates from location").register(registry);
        timeToAssignment = Timer.builder("dispatch.time.to.assignment")
                .description("from the dispatch request to a driver's accept")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void offerMade() {
        made.increment();
    }

    @Override
    public void offerDeclined() {
        declined.increment();
    }

    @Override
    public void offerExpired() {
        expired.increment();
    }

    @Override
    public void driverAssigned(Duration sinceDispatchStarted) {
        timeToAssignment.record(sinceDispatchStarted);
    }

    @Override
    public void noDriverFound() {
        noDriver.increment();
    }

    @Override
    public void candidatesUnavailable() {
        unavailable.increment();
    }
}
