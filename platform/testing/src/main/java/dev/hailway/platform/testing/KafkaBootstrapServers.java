package dev.hailway.platform.testing;

/** The broker address, as a test method or constructor parameter under {@link EmbeddedInfrastructure}. */
public record KafkaBootstrapServers(String value) {

    @Override
    public String toString() {
        return value;
    }
}
