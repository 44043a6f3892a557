package dev.hailway.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * The suite's OpenTelemetry endpoint: OTLP over HTTP ({@code POST /v1/traces}, protobuf, as Boot's exporter sends it),
 * decoded with the OpenTelemetry protobuf classes and kept by trace id. A collector in a test would prove less: this
 * sees exactly what the services put on the wire.
 */
final class TraceReceiver implements AutoCloseable {

    /** One received span, as far as the tests look at it. */
    record Span(String traceId, String spanId, String parentSpanId, String service, String name,
                io.opentelemetry.proto.trace.v1.Span.SpanKind kind, Map<String, String> attributes) {

        boolean isRoot() {
            return parentSpanId.isEmpty();
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final Map<String, List<Span>> traces = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private TraceReceiver(HttpServer server) {
        this.server = server;
    }

    static TraceReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            TraceReceiver receiver = new TraceReceiver(server);
            server.createContext("/v1/traces", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for traces", e);
        }
    }

    /** Where the services send their spans. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<Span> trace(String traceId) {
        return List.copyOf(traces.getOrDefault(traceId, List.of()));
    }

    /** Export requests received, and how many of them could not be decoded (which a test should see as zero). */
    long requests() {
        return requests.get();
    }

    long refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            requests.incrementAndGet();
            ExportTraceServiceRequest request;
            try (InputStream body = decoded(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = attribute(resourceSpans.getResource(), "service.name");
                for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> keep(service, span));
                }
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
        }
    }

    private static InputStream decoded(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    }

    private void keep(String service, io.opentelemetry.proto.trace.v1.Span span) {
        Map<String, String> attributes = new java.util.TreeMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        Span kept = new Span(HEX.formatHex(span.getTraceId().toByteArray()), HEX.formatHex(span.getSpanId().toByteArray()),
                HEX.formatHex(span.getParentSpanId().toByteArray()), service, span.getName(), span.getKind(), Map.copyOf(attributes));
        traces.computeIfAbsent(kept.traceId(), id -> new CopyOnWriteArrayList<>()).add(kept);
    }

    private static String attribute(Resource resource, String key) {
        for (KeyValue attribute : resource.getAttributesList()) {
            if (attribute.getKey().equals(key)) {
                return text(attribute.getValue());
            }
        }
        return "";
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    /** Every trace id seen so far (for a failure message). */
    List<String> traceIds() {
        return new ArrayList<>(traces.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
