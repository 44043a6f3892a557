package dev.hailway.platform.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hailway.platform.infra.DatabaseCredentials;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points a Spring test context at the shared infrastructure when its test class carries {@link EmbeddedInfrastructure}.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class EmbeddedInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedInfrastructure.class);
        return annotation == null ? null : new Customizer(annotation.database(), annotation.kafka());
    }

    /** A record, so that test classes asking for the same infrastructure share one cached context. */
    private record Customizer(String database, boolean kafka) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Map<String, Object> properties = new HashMap<>();
            if (!database.isBlank()) {
                DatabaseCredentials credentials = SharedInfrastructure.freshDatabase(database);
                properties.put("spring.datasource.url", credentials.url());
                properties.put("spring.datasource.username", credentials.username());
                properties.put("spring.datasource.password", credentials.password());
                // Up to 32 contexts stay cached per JVM; small pools keep them under the server's connection limit.
                properties.put("spring.datasource.hikari.maximum-pool-size", 4);
            }
            if (kafka) {
                properties.put("spring.kafka.bootstrap-servers", SharedInfrastructure.kafkaBootstrapServers());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hailwayEmbeddedInfrastructure", properties));
            SharedInfrastructure.closeBeforeShutdown(context);
        }
    }
}
