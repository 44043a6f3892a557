package dev.hailway.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * The public API as the gateway publishes it: every service's OpenAPI document (at {@code /v3/api-docs/<service>},
 * the documents Swagger UI lists), read with swagger-parser, references resolved, one {@link Endpoint} per operation.
 */
final class PublicOperations {

    static final List<String> SERVICES = List.of("identity", "drivers", "location", "pricing", "trips", "dispatch",
            "payments", "notifications", "history");

    /** One operation: its service, method and path template, and what the document says it takes. */
    record Endpoint(String service, String method, String path, List<Parameter> parameters, Schema<?> body,
                    String bodyMediaType) {

        String name() {
            return method + " " + path;
        }
    }

    private PublicOperations() {
    }

    static List<Endpoint> read(Api api) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String service : SERVICES) {
            Api.Response docs = api.get("/v3/api-docs/" + service, null);
            if (docs.status() != 200) {
                throw new AssertionError(service + "'s OpenAPI document: " + docs);
            }
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            var parsed = new OpenAPIV3Parser().readContents(docs.body(), null, options);
            OpenAPI document = parsed.getOpenAPI();
            if (document == null || document.getPaths() == null) {
                throw new AssertionError(service + "'s OpenAPI document does not parse: " + parsed.getMessages());
            }
            document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    endpoints.add(endpoint(service, method, path, item, operation))));
        }
        return endpoints;
    }

    private static Endpoint endpoint(String service, PathItem.HttpMethod method, String path, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Schema<?> body = null;
        String mediaType = null;
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            for (Map.Entry<String, MediaType> content : operation.getRequestBody().getContent().entrySet()) {
                if (content.getKey().contains("json") || body == null) {
                    body = content.getValue().getSchema();
                    mediaType = content.getKey();
                }
            }
        }
        return new Endpoint(service, method.name(), path, List.copyOf(parameters), body, mediaType);
    }
}
