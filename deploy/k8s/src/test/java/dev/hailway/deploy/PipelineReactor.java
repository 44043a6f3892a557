package dev.hailway.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The reactor as an XML parser reads it: the modules of the root pom, each one's artifactId and the artifactIds it
 * depends on. The tests hold the pipeline's scripts, which read the poms with awk, to this.
 */
record PipelineReactor(List<String> modules, Map<String, String> artifactIds, Map<String, Set<String>> dependencies) {

    static PipelineReactor of(Path root) {
        List<String> modules = children(document(root.resolve("pom.xml")), "modules", "module");
        Map<String, String> artifactIds = new LinkedHashMap<>();
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (String module : modules) {
            Element project = document(root.resolve(module).resolve("pom.xml"));
            artifactIds.put(module, child(project, "artifactId").getTextContent().strip());
            Set<String> artifacts = new LinkedHashSet<>();
            Element declared = child(project, "dependencies");
            if (declared != null) {
                for (Element dependency : elements(declared, "dependency")) {
                    artifacts.add(child(dependency, "artifactId").getTextContent().strip());
                }
            }
            dependencies.put(module, artifacts);
        }
        return new PipelineReactor(modules, artifactIds, dependencies);
    }

    List<String> services() {
        return modules.stream().filter(m -> m.matches("services/[^/]+")).map(m -> m.substring("services/".length())).toList();
    }

    /** The services built from a module: those depending on it, directly or through other modules. */
    List<String> servicesBuiltFrom(String module) {
        Set<String> touched = new LinkedHashSet<>(List.of(module));
        boolean grown = true;
        while (grown) {
            grown = false;
            for (String candidate : modules) {
                if (!touched.contains(candidate)
                        && touched.stream().anyMatch(t -> dependencies.get(candidate).contains(artifactIds.get(t)))) {
                    touched.add(candidate);
                    grown = true;
                }
            }
        }
        return services().stream().filter(s -> touched.contains("services/" + s)).toList();
    }

    private static Element document(Path pom) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static List<String> children(Element parent, String container, String name) {
        Element holder = child(parent, container);
        return holder == null ? List.of() : elements(holder, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = elements(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
