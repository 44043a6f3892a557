package dev.hailway.platform.web.timeouts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;

/**
 * Finds HTTP clients in Java sources that are created without a connect and a read (response) timeout. It parses the
 * sources with the JDK's own compiler (a syntax tree, not text matching, so line breaks, comments and strings do not
 * fool it) and judges each method, field initializer or initializer block on its own: where a client is built, its
 * timeouts must be set too. A client that waits forever for a slow service ties up a thread or a connection per call
 * until the caller's pool is gone; ARCHITECTURE.md demands a timeout on every synchronous call.
 *
 * <p>What counts, and what it needs in the same method:
 * <ul>
 *   <li>JDK {@code HttpClient.newBuilder()}: {@code connectTimeout}; {@code HttpClient.newHttpClient()} has none.</li>
 *   <li>JDK {@code HttpRequest.newBuilder(..)}: {@code timeout}, or the answer awaited with {@code get(n, unit)} /
 *       {@code orTimeout}.</li>
 *   <li>Reactor Netty {@code HttpClient.create()}: {@code responseTimeout} and {@code CONNECT_TIMEOUT_MILLIS}.</li>
 *   <li>{@code WebClient.builder()}: {@code clientConnector} (a connector built as above); {@code WebClient.create}
 *       has no way to set one.</li>
 *   <li>{@code RestClient.builder()} or an injected {@code RestClient.Builder}: {@code requestFactory};
 *       {@code RestClient.create} has none.</li>
 *   <li>{@code new RestTemplate()}: a request factory; {@code new SimpleClientHttpRequestFactory()}:
 *       {@code setConnectTimeout} and {@code setReadTimeout}; {@code new JdkClientHttpRequestFactory(..)}:
 *       {@code setReadTimeout}.</li>
 *   <li>Nimbus {@code new DefaultResourceRetriever()} without its timeout arguments (0 means forever);
 *       {@code NimbusJwtDecoder.withJwkSetUri}: {@code restOperations}; {@code NimbusReactiveJwtDecoder.withJwkSetUri}:
 *       {@code webClient} (their defaults wait forever).</li>
 *   <li>{@code URL.openConnection()}: {@code setConnectTimeout} and {@code setReadTimeout}.</li>
 * </ul>
 */
public final class HttpClientTimeouts {

    /** A place in the sources and what is missing there. */
    public record Violation(Path file, long line, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + problem;
        }
    }

    /** What a scan found: the clients it recognised (so that a test sees it looked), and those without timeouts. */
    public record Report(List<String> clients, List<Violation> violations) {
    }

    private HttpClientTimeouts() {
    }

    /** Every {@code .java} file below {@code roots} (missing roots are skipped). */
    public static Report scan(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(path -> path.toString().endsWith(".java")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (files.isEmpty()) {
            return new Report(List.of(), List.of());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostic -> { },
                    List.of("-proc:none"), null, fileManager.getJavaFileObjectsFromPaths(files));
            SourcePositions positions = com.sun.source.util.Trees.instance(task).getSourcePositions();
            List<String> clients = new ArrayList<>();
            List<Violation> violations = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                new FileScan(unit, positions, clients, violations).run();
            }
            return new Report(List.copyOf(clients), List.copyOf(violations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One call in a code unit: {@code receiver.name(args)}, or {@code new receiver(args)} when {@code created}. */
    private record Call(String receiver, String name, int arguments, boolean created, long line) {
    }

    /** A method, a field initializer or an initializer block, with every call in it (lambdas included). */
    private static final class CodeUnit {
        final List<Call> calls = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        final Set<String> identifiers = new HashSet<>();

        boolean calls(String... anyOf) {
            for (String name : anyOf) {
                if (names.contains(name)) {
                    return true;
                }
            }
            return false;
        }

        boolean mentions(String identifier) {
            return identifiers.contains(identifier);
        }

        boolean callsWith(String name, Predicate<Call> condition) {
            return calls.stream().anyMatch(call -> call.name().equals(name) && condition.test(call));
        }
    }

    private static final class FileScan extends TreeScanner<Void, Void> {

        private final CompilationUnitTree file;
        private final SourcePositions positions;
        private final List<String> clients;
        private final List<Violation> violations;
        private final Set<String> imports = new HashSet<>();
        private final Deque<CodeUnit> units = new ArrayDeque<>();
        private final Deque<Tree> parents = new ArrayDeque<>();

        FileScan(CompilationUnitTree file, SourcePositions positions, List<String> clients, List<Violation> violations) {
            this.file = file;
            this.positions = positions;
            this.clients = clients;
            this.violations = violations;
        }

        void run() {
            for (ImportTree anImport : file.getImports()) {
                imports.add(anImport.getQualifiedIdentifier().toString());
            }
            scan(file, null);
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            if (tree == null) {
                return null;
            }
            boolean startsUnit = tree instanceof MethodTree
                    || (tree instanceof VariableTree || tree instanceof BlockTree) && parents.peek() instanceof ClassTree;
            if (startsUnit) {
                units.push(new CodeUnit());
            }
            parents.push(tree);
            try {
                return super.scan(tree, unused);
            } finally {
                parents.pop();
                if (startsUnit) {
                    judge(units.pop());
                }
            }
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree invocation, Void unused) {
            ExpressionTree select = invocation.getMethodSelect();
            String receiver = select instanceof MemberSelectTree member ? member.getExpression().toString() : "";
            String name = select instanceof MemberSelectTree member ? member.getIdentifier().toString()
                    : select.toString();
            record(new Call(receiver, name, invocation.getArguments().size(), false, line(invocation)));
            return super.visitMethodInvocation(invocation, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree creation, Void unused) {
            String type = creation.getIdentifier().toString().replaceAll("<.*>", "");
            String simple = type.substring(type.lastIndexOf('.') + 1);
            record(new Call(type, simple, creation.getArguments().size(), true, line(creation)));
            return super.visitNewClass(creation, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree identifier, Void unused) {
            CodeUnit unit = units.peek();
            if (unit != null) {
                unit.identifiers.add(identifier.getName().toString());
            }
            return super.visitIdentifier(identifier, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree select, Void unused) {
            CodeUnit unit = units.peek();
            if (unit != null) {
                unit.identifiers.add(select.getIdentifier().toString());
                unit.identifiers.add(select.toString());
            }
            return super.visitMemberSelect(select, unused);
        }

        private void record(Call call) {
            CodeUnit unit = units.peek();
            if (unit != null) {
                unit.calls.add(call);
                unit.names.add(call.name());
            }
        }

        private long line(Tree tree) {
            return file.getLineMap().getLineNumber(positions.getStartPosition(file, tree));
        }

        private boolean isJdkHttpClient(String receiver) {
            return receiver.equals("java.net.http.HttpClient")
                    || receiver.equals("HttpClient") && imports.contains("java.net.http.HttpClient");
        }

        private boolean isReactorHttpClient(String receiver) {
            return receiver.equals("reactor.netty.http.client.HttpClient")
                    || receiver.equals("HttpClient") && imports.contains("reactor.netty.http.client.HttpClient");
        }

        private static boolean is(String receiver, String simpleName) {
            return receiver.equals(simpleName) || receiver.endsWith("." + simpleName);
        }

        private void judge(CodeUnit unit) {
            for (Call call : unit.calls) {
                String r = call.receiver();
                if (!call.created() && call.name().equals("newHttpClient") && isJdkHttpClient(r)) {
                    found(call, "JDK HttpClient");
                    missing(call, "HttpClient.newHttpClient() has no connect timeout: use newBuilder().connectTimeout(..)");
                } else if (!call.created() && call.name().equals("newBuilder") && isJdkHttpClient(r)) {
                    found(call, "JDK HttpClient");
                    require(unit, call, "a JDK HttpClient without connectTimeout(..)", "connectTimeout");
                } else if (!call.created() && call.name().equals("newBuilder") && is(r, "HttpRequest")) {
                    found(call, "JDK HttpRequest");
                    if (!unit.calls("timeout", "orTimeout") && !unit.callsWith("get", c -> c.arguments() == 2)) {
                        missing(call, "a JDK HttpRequest without timeout(..) (nor its answer awaited with get(n, unit))");
                    }
                } else if (!call.created() && call.name().equals("create") && isReactorHttpClient(r)) {
                    found(call, "Reactor Netty HttpClient");
                    require(unit, call, "a Reactor Netty HttpClient without responseTimeout(..)", "responseTimeout");
                    if (!unit.mentions("CONNECT_TIMEOUT_MILLIS")) {
                        missing(call, "a Reactor Netty HttpClient without ChannelOption.CONNECT_TIMEOUT_MILLIS");
                    }
                } else if (!call.created() && is(r, "WebClient") && call.name().equals("create")) {
                    found(call, "WebClient");
                    missing(call, "WebClient.create(..) has no timeouts: use WebClient.builder().clientConnector(..)");
                } else if (!call.created() && is(r, "WebClient") && call.name().equals("builder")) {
                    found(call, "WebClient");
                    require(unit, call, "a WebClient without clientConnector(..) (Netty's default waits forever)",
                            "clientConnector");
                } else if (!call.created() && is(r, "RestClient") && call.name().equals("create")) {
                    found(call, "RestClient");
                    missing(call, "RestClient.create(..) has no timeouts: use a builder with requestFactory(..)");
                } else if (!call.created() && is(r, "RestClient") && call.name().equals("builder")) {
                    found(call, "RestClient");
                    require(unit, call, "a RestClient without requestFactory(..)", "requestFactory");
                } else if (call.created() && call.name().equals("RestTemplate")) {
                    found(call, "RestTemplate");
                    if (call.arguments() == 0 && !unit.calls("setRequestFactory")) {
                        missing(call, "a RestTemplate without a request factory (the default waits forever)");
                    }
                } else if (call.created() && call.name().equals("SimpleClientHttpRequestFactory")) {
                    found(call, "SimpleClientHttpRequestFactory");
                    require(unit, call, "a SimpleClientHttpRequestFactory without setConnectTimeout(..)",
                            "setConnectTimeout");
                    require(unit, call, "a SimpleClientHttpRequestFactory without setReadTimeout(..)", "setReadTimeout");
                } else if (call.created() && call.name().equals("JdkClientHttpRequestFactory")) {
                    found(call, "JdkClientHttpRequestFactory");
                    require(unit, call, "a JdkClientHttpRequestFactory without setReadTimeout(..)", "setReadTimeout");
                } else if (call.created() && call.name().equals("DefaultResourceRetriever")) {
                    found(call, "Nimbus DefaultResourceRetriever");
                    if (call.arguments() < 2) {
                        missing(call, "a DefaultResourceRetriever without its connect and read timeouts (0 is forever)");
                    }
                } else if (!call.created() && call.name().equals("withJwkSetUri") && is(r, "NimbusJwtDecoder")) {
                    found(call, "NimbusJwtDecoder");
                    require(unit, call, "a NimbusJwtDecoder without restOperations(..) (its RestTemplate waits forever)",
                            "restOperations");
                } else if (!call.created() && call.name().equals("withJwkSetUri") && is(r, "NimbusReactiveJwtDecoder")) {
                    found(call, "NimbusReactiveJwtDecoder");
                    require(unit, call, "a NimbusReactiveJwtDecoder without webClient(..) (its WebClient waits forever)",
                            "webClient");
                } else if (!call.created() && call.name().equals("openConnection")) {
                    found(call, "URLConnection");
                    require(unit, call, "a URLConnection without setConnectTimeout(..)", "setConnectTimeout");
                    require(unit, call, "a URLConnection without setReadTimeout(..)", "setReadTimeout");
                }
            }
            // A RestClient.Builder handed in (Boot's, with tracing) is a client too once it is built.
            if (unit.mentions("RestClient.Builder") && unit.calls("build")
                    && unit.calls.stream().noneMatch(c -> is(c.receiver(), "RestClient") && c.name().equals("builder"))) {
                Call build = unit.calls.stream().filter(c -> c.name().equals("build")).findFirst().orElseThrow();
                found(build, "RestClient");
                require(unit, build, "a RestClient built from a RestClient.Builder without requestFactory(..)",
                        "requestFactory");
            }
        }

        private void found(Call call, String kind) {
            clients.add(kind + " at " + Path.of(file.getSourceFile().toUri()).getFileName() + ":" + call.line());
        }

        private void require(CodeUnit unit, Call call, String problem, String method) {
            if (!unit.calls(method)) {
                missing(call, problem);
            }
        }

        private void missing(Call call, String problem) {
            violations.add(new Violation(Path.of(file.getSourceFile().toUri()), call.line(), problem));
        }
    }
}
