package dev.hailway.simulator.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** An HTTP answer from the platform; {@code body} is a missing node when there was none or it was not JSON. */
public record Reply(int status, JsonNode body) {

    public Reply {
        body = body == null ? MissingNode.getInstance() : body;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A text member of the body, or null. */
    public String text(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
