package dev.hailway.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test the shared embedded PostgreSQL and Kafka broker.
 *
 * <p>Next to {@code @SpringBootTest}, the application context gets {@code spring.datasource.url/username/password}
 * for a fresh database of its own (owned by a role of the same name, {@code <database>_<n>}) and
 * {@code spring.kafka.bootstrap-servers}. In a plain JUnit test, parameters of type
 * {@link dev.hailway.platform.infra.DatabaseCredentials} receive a fresh database per test class, and
 * {@link KafkaBootstrapServers} the broker address.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedInfrastructureExtension.class)
public @interface EmbeddedInfrastructure {

    /** The service whose database the test needs; empty for none. */
    String database() default "";

    /** Whether the test needs the Kafka broker. */
    boolean kafka() default true;
}
