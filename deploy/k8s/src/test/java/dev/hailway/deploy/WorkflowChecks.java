package dev.hailway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What can be proven about a GitHub Actions workflow without GitHub: its shape, and that everything it names in this
 * repository (scripts, build outputs, Maven modules, local actions, Kustomize overlays) is there. Each check returns
 * the problems it found, so that a test can show it on a workflow broken on purpose as well as on the real ones.
 */
final class WorkflowChecks {

    /**
     * Being written in parallel with the pipeline (deploy/k8s): the workflows may name them before they exist. Remove an
     * entry once its directory is committed, so that a later rename is caught.
     */
    static final Set<String> MANIFESTS_BEING_WRITTEN = Set.of();

    /** What the permissions of a job that runs a script must grant, or the script fails only once it runs on GitHub. */
    static final Map<String, Map<String, String>> PERMISSIONS_OF_SCRIPTS = Map.of(
            "deploy/pipeline/publish-image.sh", Map.of("packages", "write", "id-token", "write"),
            "deploy/pipeline/promote.sh", Map.of("packages", "write"),
            "deploy/pipeline/delivery-plan.sh", Map.of("packages", "read"),
            "deploy/pipeline/image-refs.sh", Map.of("packages", "read"));

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern MATRIX_VALUE = Pattern.compile("\u27e8matrix\\.[\\w-]+\u27e9");
    private static final Pattern PROJECTS = Pattern.compile("(?:^|\\s)(?:-pl|--projects)(?:\\s+|=)(\\S+)");
    private static final Pattern MANIFEST = Pattern.compile("deploy/k8s/(?:overlays|components)/[\\w.-]+");
    private static final Pattern NEEDS = Pattern.compile("needs\\.([\\w-]+)\\.(?:outputs\\.([\\w-]+)|result)");
    private static final Pattern STEP_REFERENCE = Pattern.compile("steps\\.([\\w-]+)\\.(?:outputs|outcome|conclusion)");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@(?:v?\\d[\\w.-]*|[0-9a-f]{40})");
    private static final Set<String> INTERPRETERS = Set.of("bash", "sh", "source", ".");
    private static final Set<String> WRAPPERS = Set.of("as-root.sh", "sudo", "env", "exec", "nohup", "time");

    record Workflow(String name, Map<?, ?> yaml, String text) {
    }

    private final Path root;
    private final Set<String> modules;
    private final List<String> services;
    private final Set<String> topLevel;

    WorkflowChecks(Path root, PipelineReactor reactor) {
        this.root = root;
        this.modules = new LinkedHashSet<>(reactor.modules());
        this.services = reactor.services();
        try (Stream<Path> entries = Files.list(root)) {
            this.topLevel = Set.copyOf(entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Workflow> workflows(Path root) {
        Path directory = root.resolve(".github/workflows");
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().map(file -> {
                try {
                    return parse(file.getFileName().toString(), Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workflow that is not a YAML mapping comes back with an empty one, which {@link #structure} then refuses. */
    static Workflow parse(String name, String text) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not YAML: " + e.getMessage(), e);
        }
        return new Workflow(name, loaded instanceof Map<?, ?> map ? map : Map.of(), text);
    }

    List<String> structure(Workflow workflow) {
        List<String> problems = new ArrayList<>();
        // YAML 1.1, which SnakeYAML reads, takes an unquoted `on` for the boolean true.
        if (!workflow.yaml().containsKey("on") && !workflow.yaml().containsKey(Boolean.TRUE)) {
            problems.add(workflow.name() + " has no `on`");
        }
        if (!(workflow.yaml().get("jobs") instanceof Map<?, ?> jobs) || jobs.isEmpty()) {
            problems.add(workflow.name() + " has no `jobs`");
            return problems;
        }
        jobs.forEach((id, value) -> {
            String where = workflow.name() + ", job " + id;
            if (!(value instanceof Map<?, ?> job)) {
                problems.add(where + " is not a mapping");
                return;
            }
            if (job.containsKey("uses")) {
                return;
            }
            if (!job.containsKey("runs-on")) {
                problems.add(where + " has no `runs-on`");
            }
            if (!(job.get("steps") instanceof List<?> steps) || steps.isEmpty()) {
                problems.add(where + " has no `steps`");
            } else {
                for (Object step : steps) {
                    if (!(step instanceof Map<?, ?> map) || map.containsKey("run") == map.containsKey("uses")) {
                        problems.add(where + " has a step without exactly one of `run` and `uses`: " + step);
                    }
                }
            }
            List<String> needs = needs(job);
            for (String need : needs) {
                if (!jobs.containsKey(need)) {
                    problems.add(where + " needs " + need + ", which is no job of " + workflow.name());
                }
            }
            String text = String.valueOf(job);
            Matcher reference = NEEDS.matcher(text);
            while (reference.find()) {
                String need = reference.group(1);
                if (!needs.contains(need)) {
                    problems.add(where + " reads needs." + need + " but does not need it");
                } else if (reference.group(2) != null && !(jobs.get(need) instanceof Map<?, ?> needed
                        && needed.get("outputs") instanceof Map<?, ?> outputs && outputs.containsKey(reference.group(2)))) {
                    problems.add(where + " reads needs." + need + ".outputs." + reference.group(2) + ", which " + need + " does not declare");
                }
            }
            Set<String> stepIds = new LinkedHashSet<>();
            steps(job).forEach(step -> {
                if (step.get("id") != null) {
                    stepIds.add(String.valueOf(step.get("id")));
                }
            });
            Matcher step = STEP_REFERENCE.matcher(text);
            while (step.find()) {
                if (!stepIds.contains(step.group(1))) {
                    problems.add(where + " reads steps." + step.group(1) + ", which is no step of it");
                }
            }
        });
        return problems;
    }

    /** Every repository file a run step calls or reads: scripts, ./mvnw, .ci/run, build outputs (by their module). */
    List<String> commands(Workflow workflow) {
        List<String> problems = new ArrayList<>();
        forEachRun(workflow, (where, run) -> {
            for (List<String> command : commands(run)) {
                boolean commandPosition = true;
                String previous = "";
                for (String word : command) {
                    String path = word.startsWith("./") ? word.substring(2) : word;
                    boolean named = word.startsWith("./") || word.endsWith(".sh") || INTERPRETERS.contains(previous)
                            || previous.equals("-jar") || topLevel.contains(path.split("/", 2)[0]) && path.contains("/");
                    if (named && !path.isEmpty() && !word.startsWith("$") && !word.startsWith("/") && !word.contains("://")) {
                        String problem = missing(path);
                        if (problem != null) {
                            problems.add(where + ": " + problem);
                        } else if (commandPosition && !path.contains("*") && !Files.isExecutable(root.resolve(path))) {
                            problems.add(where + ": " + path + " is called as a command but is not executable");
                        }
                    }
                    // A wrapper runs the next word as the command (as-root.sh COMMAND, sudo COMMAND).
                    commandPosition = WRAPPERS.contains(path.substring(path.lastIndexOf('/') + 1));
                    previous = word;
                }
            }
        });
        return problems;
    }

    /** Every -pl a run step passes names a module of the reactor (a matrix value stands for any service). */
    List<String> modules(Workflow workflow) {
        List<String> problems = new ArrayList<>();
        forEachRun(workflow, (where, run) -> {
            Matcher projects = PROJECTS.matcher(String.join(" ", commands(run).stream().flatMap(List::stream).toList()));
            while (projects.find()) {
                for (String project : projects.group(1).split(",")) {
                    String module = project.replaceFirst("^[!+-]", "");
                    List<String> candidates = MATRIX_VALUE.matcher(module).find()
                            ? services.stream().map(s -> MATRIX_VALUE.matcher(module).replaceAll(s)).toList()
                            : List.of(module);
                    for (String candidate : candidates) {
                        if (candidate.contains("\u27e8")) {
                            problems.add(where + ": -pl " + module + " depends on an expression that names no service");
                        } else if (!modules.contains(candidate)) {
                            problems.add(where + ": -pl " + candidate + " is not a module of the reactor (root pom.xml)");
                        }
                    }
                }
            }
        });
        return problems;
    }

    List<String> localActions(Workflow workflow) {
        List<String> problems = new ArrayList<>();
        forEachUses(workflow, (where, uses) -> {
            if (uses.startsWith("./")) {
                Path target = root.resolve(uses.substring(2));
                boolean found = Files.isRegularFile(target)
                        || Files.isRegularFile(target.resolve("action.yml")) || Files.isRegularFile(target.resolve("action.yaml"));
                if (!found) {
                    problems.add(where + " uses " + uses + ", which is not in the repository");
                }
            }
        });
        return problems;
    }

    List<String> pinnedActions(Workflow workflow) {
        List<String> problems = new ArrayList<>();
        forEachUses(workflow, (where, uses) -> {
            if (!uses.startsWith("./") && !uses.startsWith("docker://") && !PINNED.matcher(uses).matches()) {
                problems.add(where + " uses " + uses + ", not pinned to a version tag");
            }
        });
        return problems;
    }

    /** Every overlay or component the workflow mentions anywhere exists, or is one being written now. */
    List<String> manifests(Workflow workflow) {
        List<String> problems = new ArrayList<>();
        Matcher manifest = MANIFEST.matcher(workflow.text());
        while (manifest.find()) {
            String path = manifest.group();
            if (!Files.isDirectory(root.resolve(path)) && !MANIFESTS_BEING_WRITTEN.contains(path)) {
                problems.add(workflow.name() + " names " + path + ", which neither exists nor is being written");
            }
        }
        return problems;
    }

    List<String> permissions(Workflow workflow) {
        List<String> problems = new ArrayList<>();
        Map<?, ?> top = workflow.yaml().get("permissions") instanceof Map<?, ?> map ? map : Map.of();
        jobs(workflow).forEach((id, job) -> {
            Map<?, ?> granted = job.get("permissions") instanceof Map<?, ?> map ? map : top;
            String runs = String.join("\n", steps(job).stream().map(s -> String.valueOf(s.get("run"))).toList());
            PERMISSIONS_OF_SCRIPTS.forEach((script, needed) -> {
                if (runs.contains(script)) {
                    needed.forEach((scope, level) -> {
                        Object has = granted.get(scope);
                        if (!(level.equals(has) || level.equals("read") && "write".equals(has))) {
                            problems.add(workflow.name() + ", job " + id + " runs " + script + " without `" + scope + ": " + level + "`");
                        }
                    });
                }
            });
        });
        return problems;
    }

    private String missing(String path) {
        if (path.contains("\u27e8")) {
            String fixed = path.substring(0, path.indexOf('\u27e8'));
            String directory = fixed.contains("/") ? fixed.substring(0, fixed.lastIndexOf('/')) : "";
            return Files.isDirectory(root.resolve(directory)) ? null : path + ": no directory " + directory;
        }
        int target = path.indexOf("/target/");
        if (target > 0) {
            String module = path.substring(0, target);
            return modules.contains(module) ? null : path + " is a build output of " + module + ", which is not a module of the reactor";
        }
        if (MANIFESTS_BEING_WRITTEN.stream().anyMatch(m -> path.equals(m) || path.startsWith(m + "/"))) {
            return null;
        }
        if (path.contains("*")) {
            Path directory = root.resolve(path.substring(0, path.lastIndexOf('/') + 1));
            if (!Files.isDirectory(directory)) {
                return path + " matches nothing: no directory " + root.relativize(directory);
            }
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(directory, path.substring(path.lastIndexOf('/') + 1))) {
                return matches.iterator().hasNext() ? null : path + " matches no file";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Files.exists(root.resolve(path)) ? null : path + " is not in the repository";
    }

    /**
     * A run script as commands of words: ${{ expressions }} become one word each (a matrix value as a marker naming its
     * key), quotes fall away, and {@code --option=value} leaves its value. Enough for the plain scripts of workflows.
     */
    static List<List<String>> commands(String run) {
        Matcher expression = EXPRESSION.matcher(run);
        StringBuilder marked = new StringBuilder();
        while (expression.find()) {
            String inside = expression.group(1);
            expression.appendReplacement(marked, Matcher.quoteReplacement(inside.matches("matrix\\.[\\w-]+")
                    ? "\u27e8" + inside + "\u27e9" : "\u27e8expression\u27e9"));
        }
        expression.appendTail(marked);
        List<List<String>> commands = new ArrayList<>();
        for (String line : marked.toString().replace("\\\n", " ").split("\n|;|&&|\\|\\||\\||&")) {
            List<String> words = new ArrayList<>();
            for (String raw : line.trim().split("\\s+")) {
                String word = raw.replaceAll("^[\"'(]+|[\"')]+$", "");
                if (word.startsWith("-") && word.contains("=") && !word.startsWith("-pl=") && !word.startsWith("--projects=")) {
                    word = word.substring(word.indexOf('=') + 1);
                }
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            if (!words.isEmpty()) {
                commands.add(words);
            }
        }
        return commands;
    }

    private interface StepVisitor {
        void visit(String where, String value);
    }

    private static void forEachRun(Workflow workflow, StepVisitor visitor) {
        jobs(workflow).forEach((id, job) -> {
            List<Map<?, ?>> steps = steps(job);
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).get("run") instanceof String run) {
                    visitor.visit(workflow.name() + ", job " + id + ", step " + (i + 1), run);
                }
            }
        });
    }

    private static void forEachUses(Workflow workflow, StepVisitor visitor) {
        jobs(workflow).forEach((id, job) -> {
            if (job.get("uses") instanceof String uses) {
                visitor.visit(workflow.name() + ", job " + id, uses);
            }
            List<Map<?, ?>> steps = steps(job);
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).get("uses") instanceof String uses) {
                    visitor.visit(workflow.name() + ", job " + id + ", step " + (i + 1), uses);
                }
            }
        });
    }

    static Map<String, Map<?, ?>> jobs(Workflow workflow) {
        Map<String, Map<?, ?>> jobs = new java.util.LinkedHashMap<>();
        if (workflow.yaml().get("jobs") instanceof Map<?, ?> all) {
            all.forEach((id, job) -> {
                if (job instanceof Map<?, ?> map) {
                    jobs.put(String.valueOf(id), map);
                }
            });
        }
        return jobs;
    }

    static List<Map<?, ?>> steps(Map<?, ?> job) {
        List<Map<?, ?>> steps = new ArrayList<>();
        if (job.get("steps") instanceof List<?> list) {
            for (Object step : list) {
                if (step instanceof Map<?, ?> map) {
                    steps.add(map);
                }
            }
        }
        return steps;
    }

    private static List<String> needs(Map<?, ?> job) {
        Object needs = job.get("needs");
        if (needs instanceof String one) {
            return List.of(one);
        }
        if (needs instanceof List<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
