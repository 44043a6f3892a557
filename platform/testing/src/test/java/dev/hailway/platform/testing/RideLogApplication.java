package dev.hailway.platform.testing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/** A minimal application for the tests: a data source, a Kafka template and one listener. */
@SpringBootApplication
class RideLogApplication {

    @Bean
    RideListener rideListener() {
        return new RideListener();
    }

    static class RideListener {

        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @KafkaListener(topics = "it.rides", groupId = "ride-log")
        void on(String value) {
            received.add(value);
        }
    }
}
