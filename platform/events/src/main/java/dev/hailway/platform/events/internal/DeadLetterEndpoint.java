package dev.hailway.platform.events.internal;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code GET /actuator/deadletters} lists dead letters; {@code POST /actuator/deadletters/replay} with
 * {@code {"topic": "x.DLT", "partition": 0, "offset": 5}} replays one, with only {@code topic} all of that
 * topic, with an empty body all of them. Operators only: platform-web's security requires ROLE_OPERATOR for
 * every actuator endpoint that is not a probe or metrics.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetters deadLetters;

    DeadLetterEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    @WriteOperation
    public Map<String, Object> replay(@Selector String action, @Nullable String topic, @Nullable Integer partition,
                                      @Nullable Long offset) {
        if (!"replay".equals(action)) {
            throw new InvalidEndpointRequestException("unknown action: " + action, "unknown action");
        }
        int replayed;
        if (topic != null && !topic.endsWith(DeadLetterTopics.SUFFIX)) {
            throw new InvalidEndpointRequestException("not a dead-letter topic: " + topic, "not a dead-letter topic");
        }
        if (topic != null && partition != null && offset != null) {
            replayed = deadLetters.replay(topic, partition, offset);
        } else if (partition == null && offset == null) {
            replayed = deadLetters.replayAll(topic);
        } else {
            throw new InvalidEndpointRequestException(
                    "give topic, partition and offset for one record, or topic alone, or nothing", "incomplete coordinates");
        }
        return Map.of("replayed", replayed);
    }
}
