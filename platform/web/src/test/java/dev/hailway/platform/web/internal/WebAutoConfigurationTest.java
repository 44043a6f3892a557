package dev.hailway.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hailway.platform.web.IdempotentRequests;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;

class WebAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, WebAutoConfiguration.class,
                    ResourceServerAutoConfiguration.class, IdempotencyAutoConfiguration.class));

    @Test
    void servesAServiceWithoutADatabaseWithoutIdempotencyKeys() {
        runner.withClassLoader(new FilteredClassLoader(JdbcClient.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SecurityFilterChain.class);
            assertThat(context).hasSingleBean(JwtDecoder.class);
            assertThat(context).hasSingleBean(ProblemDetailsAdvice.class);
            assertThat(context).doesNotHaveBean(IdempotentRequests.class);
            assertThat(context).doesNotHaveBean(IdempotencyPruning.class);
        });
    }

    @Test
    void everyServiceWithADatabaseGetsIdempotencyKeysAndTheirPruning() {
        runner.withBean(JdbcClient.class, () -> Mockito.mock(JdbcClient.class))
                .withBean(PlatformTransactionManager.class, () -> Mockito.mock(PlatformTransactionManager.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(IdempotentRequests.class);
                    assertThat(context.getBean(IdempotencyPruning.class).isRunning()).isTrue();
                });
    }

    @Test
    void backsOffWhenTheServiceBringsItsOwnSecurity() {
        runner.withBean("ownChain", SecurityFilterChain.class,
                        () -> new org.springframework.security.web.DefaultSecurityFilterChain(request -> false))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBeanNames(SecurityFilterChain.class).containsExactly("ownChain");
                });
    }

    @Test
    void makesTheApplicationsJsonMapperRefuseCoercedScalars() {
        runner.withClassLoader(new FilteredClassLoader(JdbcClient.class)).run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThatExceptionOfType(MismatchedInputException.class)
                    .isThrownBy(() -> mapper.readValue("{\"name\": 12345}", Named.class));
        });
    }

    record Named(String name) {
    }
}
