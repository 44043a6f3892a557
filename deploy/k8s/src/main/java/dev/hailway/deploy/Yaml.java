package dev.hailway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** Ordered maps in, block-style YAML out: the same input always gives the same bytes, so generated files diff cleanly. */
final class Yaml {

    static final String HEADER = "# Generated from deploy/topology.yaml by deploy/k8s (Manifests): change the topology or the generator, "
            + "then run it again.\n";

    private Yaml() {
    }

    /** {@code map("a", 1, "b", 2)}: an ordered map of the pairs; pairs whose value is null are left out. */
    static Map<String, Object> map(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("pairs, not " + pairs.length + " values");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    static String dump(List<?> documents) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setDereferenceAliases(true);
        var yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
        var text = new StringBuilder();
        for (Object document : documents) {
            if (!text.isEmpty()) {
                text.append("---\n");
            }
            text.append(yaml.dump(document));
        }
        return text.toString();
    }

    static void write(Path file, String comment, List<?> documents) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, HEADER + (comment.isEmpty() ? "" : comment.lines().map(l -> "# " + l + "\n").reduce("", String::concat))
                    + dump(documents));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
