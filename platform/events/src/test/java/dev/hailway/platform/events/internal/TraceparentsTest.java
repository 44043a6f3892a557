package dev.hailway.platform.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.TraceContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class TraceparentsTest {

    @Test
    void formatsASampledContextAsW3cTraceparent() {
        TraceContext context = new FixedContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true);

        assertThat(Traceparents.format(context)).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void padsShortIdsAndMarksUnsampledContexts() {
        TraceContext context = new FixedContext("a3ce929d0e0e4736", "f067aa0ba902b7", false);

        assertThat(Traceparents.format(context)).isEqualTo("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @Test
    void givesNothingWithoutATracer() {
        Traceparents traceparents = new Traceparents(new StaticListableBeanFactory()
                .getBeanProvider(io.micrometer.tracing.Tracer.class));

        assertThat(traceparents.get()).isNull();
    }

    private record FixedContext(String traceId, String spanId, Boolean sampled) implements TraceContext {

        @Override
        public String parentId() {
            return null;
        }
    }
}
