package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay, alone and with every combination of the components, renders, and every object in it is valid. */
class RenderedManifestsTest {

    static Stream<Rendering.Combination> combinations() {
        return Rendering.combinations().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void rendersAndEveryObjectPassesTheKubernetesIstioStrimziAndCloudNativePgModels(Rendering.Combination combination) {
        List<Map<String, Object>> objects = Rendering.render(combination);

        assertThat(objects).as(combination.label()).isNotEmpty();
        assertThat(Validation.problems(objects)).as(combination.label()).isEmpty();
    }
}
