package dev.hailway.platform.events.internal;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/** The current span as a W3C {@code traceparent}, or {@code null} when there is no tracer or no span. */
final class Traceparents implements Supplier<@Nullable String> {

    private final ObjectProvider<Tracer> tracer;

    Traceparents(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public @Nullable String get() {
        Tracer current = tracer.getIfAvailable();
        if (current == null) {
            return null;
        }
        Span span = current.currentSpan();
        return span == null ? null : format(span.context());
    }

    static @Nullable String format(TraceContext context) {
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId == null || traceId.isEmpty() || spanId == null || spanId.isEmpty()) {
            return null;
        }
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return "00-" + leftPad(traceId, 32) + "-" + leftPad(spanId, 16) + "-" + flags;
    }

    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
