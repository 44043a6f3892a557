package dev.hailway.platform.testing;

import dev.hailway.platform.infra.DatabaseCredentials;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link DatabaseCredentials} (one fresh database per test class, named after
 * {@link EmbeddedInfrastructure#database()}) and {@link KafkaBootstrapServers} for plain JUnit tests.
 */
public final class EmbeddedInfrastructureExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedInfrastructureExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DatabaseCredentials.class || type == KafkaBootstrapServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == KafkaBootstrapServers.class) {
            return new KafkaBootstrapServers(SharedInfrastructure.kafkaBootstrapServers());
        }
        Class<?> testClass = context.getRequiredTestClass();
        String service = AnnotationSupport.findAnnotation(testClass, EmbeddedInfrastructure.class)
                .map(EmbeddedInfrastructure::database)
                .filter(name -> !name.isBlank())
                .orElseThrow(() -> new ParameterResolutionException(
                        "DatabaseCredentials needs @EmbeddedInfrastructure(database = \"<service>\") on " + testClass.getName()));
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext.getStore(NAMESPACE)
                .computeIfAbsent(testClass, ignored -> SharedInfrastructure.freshDatabase(service), DatabaseCredentials.class);
    }
}
