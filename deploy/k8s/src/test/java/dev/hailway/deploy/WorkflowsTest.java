package dev.hailway.deploy;

import static dev.hailway.deploy.PipelineFixture.IMAGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.hailway.deploy.WorkflowChecks.Workflow;

/**
 * The delivery pipeline, proven as far as it can be without GitHub: the workflows under .github/workflows are well
 * formed and name only what this repository has, and the scripts under deploy/pipeline compute what the workflows
 * rely on (which services a change touches, which images a delivery deploys, the manifests it renders).
 */
class WorkflowsTest {

    static final Path ROOT = Path.of(System.getProperty("hailway.repository.root")).toAbsolutePath().normalize();
    static final PipelineReactor REACTOR = PipelineReactor.of(ROOT);
    static final WorkflowChecks CHECKS = new WorkflowChecks(ROOT, REACTOR);

    @TempDir
    Path root;
    @TempDir
    Path bin;

    static List<Workflow> workflows() {
        return WorkflowChecks.workflows(ROOT);
    }

    static List<String> problems(Function<Workflow, List<String>> check) {
        return workflows().stream().flatMap(w -> check.apply(w).stream()).toList();
    }

    static Workflow workflow(String yaml) {
        return WorkflowChecks.parse("broken.yml", yaml);
    }

    @Test
    void aPullRequestAndMainEachHaveAWorkflow() {
        assertThat(workflows()).extracting(Workflow::name).contains("pull-request.yml", "main.yml");
    }

    @Test
    void everyWorkflowHasTriggersAndJobsAndEveryJobARunnerAndSteps() {
        assertThat(problems(CHECKS::structure)).isEmpty();
    }

    @Test
    void everyScriptCommandAndBuildOutputARunStepNamesIsInTheRepository() {
        assertThat(problems(CHECKS::commands)).isEmpty();
    }

    @Test
    void everyModuleAStepBuildsIsAModuleOfTheReactor() {
        assertThat(problems(CHECKS::modules)).isEmpty();
    }

    @Test
    void everyLocalActionIsInTheRepository() {
        assertThat(problems(CHECKS::localActions)).isEmpty();
    }

    @Test
    void everyOverlayAndComponentExistsOrIsBeingWritten() {
        assertThat(problems(CHECKS::manifests)).isEmpty();
    }

    @Test
    void everyThirdPartyActionIsPinnedToAVersion() {
        assertThat(problems(CHECKS::pinnedActions)).isEmpty();
    }

    @Test
    void everyJobThatReadsPushesOrSignsImagesHasThePermissionsForIt() {
        assertThat(problems(CHECKS::permissions)).isEmpty();
    }

    @Test
    void aPullRequestRunsEveryTestThroughCiRunAndScansTheDependenciesAndTheImages() throws IOException {
        String runs = runs("pull-request.yml");
        assertThat(runs).contains("bash .ci/run", "deploy/pipeline/scan.sh sboms", "deploy/pipeline/scan.sh images",
                "-pl deploy/k8s -am verify");
        List<String> ciRun = Files.readAllLines(ROOT.resolve(".ci/run")).stream().filter(l -> !l.isBlank()).toList();
        assertThat(ciRun.getLast()).as(".ci/run ends with the README's test command").isEqualTo("./mvnw -B -ntp verify");
    }

    @Test
    void mainTestsBuildsAndPushesEachImageOnItsOwn() {
        Map<?, ?> deliver = WorkflowChecks.jobs(named("main.yml")).get("deliver");
        assertThat(String.valueOf(deliver.get("strategy"))).contains("fail-fast=false", "fromJSON(needs.plan.outputs.images)");
        assertThat(runs("main.yml")).contains("verify -pl services/${{ matrix.image }} -am",
                "-Dhailway.images=${{ matrix.image }}", "-Dhailway.image.all-platforms=true", "publish-image.sh --image ${{ matrix.image }}");
    }

    private static Workflow named(String name) {
        return workflows().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static String runs(String name) {
        return String.join("\n", WorkflowChecks.jobs(named(name)).values().stream()
                .flatMap(job -> WorkflowChecks.steps(job).stream())
                .map(step -> String.valueOf(step.get("run")).replaceAll("\\s+", " ")).toList());
    }

    // Each check on a workflow broken on purpose: a check that cannot fail would prove nothing above.

    @Test
    void aWorkflowWithoutTriggersOrJobsIsRefused() {
        assertThat(CHECKS.structure(workflow("name: nothing\n")))
                .containsExactly("broken.yml has no `on`", "broken.yml has no `jobs`");
    }

    @Test
    void aJobWithoutARunnerOrStepsIsRefused() {
        assertThat(CHECKS.structure(workflow("""
                on: push
                jobs:
                  build:
                    steps: [{ run: ./mvnw verify, uses: actions/checkout@v4 }]
                  test:
                    runs-on: ubuntu-24.04
                  reused:
                    uses: ./.github/workflows/other.yml
                """))).containsExactly(
                "broken.yml, job build has no `runs-on`",
                "broken.yml, job build has a step without exactly one of `run` and `uses`: {run=./mvnw verify, uses=actions/checkout@v4}",
                "broken.yml, job test has no `steps`");
    }

    @Test
    void aJobNeedingAnUnknownJobOrReadingAnUndeclaredOutputIsRefused() {
        assertThat(CHECKS.structure(workflow("""
                on: push
                jobs:
                  plan:
                    runs-on: ubuntu-24.04
                    outputs: { images: "${{ steps.plan.outputs.images }}" }
                    steps: [{ id: plan, run: echo }]
                  deliver:
                    needs: [plan, planning]
                    runs-on: ubuntu-24.04
                    steps: [{ run: "echo ${{ needs.plan.outputs.services }} ${{ steps.build.outputs.digest }}" }]
                """))).containsExactly(
                "broken.yml, job deliver needs planning, which is no job of broken.yml",
                "broken.yml, job deliver reads needs.plan.outputs.services, which plan does not declare",
                "broken.yml, job deliver reads steps.build, which is no step of it");
    }

    @Test
    void aStepCallingAScriptOrCommandThatIsNotThereIsRefused() {
        assertThat(CHECKS.commands(workflow(steps(
                "deploy/pipeline/as-root.sh bash .ci/runner",
                "deploy/pipeline/no-such-script.sh --all",
                "./mvnw -B verify && ./gradlew build")))).containsExactly(
                "broken.yml, job build, step 1: .ci/runner is not in the repository",
                "broken.yml, job build, step 2: deploy/pipeline/no-such-script.sh is not in the repository",
                "broken.yml, job build, step 3: gradlew is not in the repository");
    }

    @Test
    void aScriptCalledAsACommandMustBeExecutable() {
        assertThat(CHECKS.commands(workflow(steps("deploy/pipeline/lib.sh", "bash deploy/pipeline/lib.sh"))))
                .containsExactly("broken.yml, job build, step 1: deploy/pipeline/lib.sh is called as a command but is not executable");
    }

    @Test
    void aBuildOutputOfAModuleOutsideTheReactorIsRefused() {
        assertThat(CHECKS.commands(workflow(steps(
                "java -jar simulater/target/simulator.jar --seed 7", "java -jar simulator/target/simulator.jar"))))
                .containsExactly("broken.yml, job build, step 1: simulater/target/simulator.jar is a build output of simulater, "
                        + "which is not a module of the reactor");
    }

    @Test
    void aModuleOutsideTheReactorIsRefused() {
        assertThat(CHECKS.modules(workflow(steps(
                "./mvnw verify -pl services/trip -am",
                "./mvnw verify -pl services/${{ matrix.image }},deploy/k8s -am",
                "./mvnw verify --projects=${{ inputs.module }}")))).containsExactly(
                "broken.yml, job build, step 1: -pl services/trip is not a module of the reactor (root pom.xml)",
                "broken.yml, job build, step 3: -pl \u27e8expression\u27e9 depends on an expression that names no service");
    }

    @Test
    void aLocalActionThatIsNotThereIsRefused() {
        assertThat(CHECKS.localActions(workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    steps: [{ uses: ./.github/actions/java }, { uses: ./deploy/pipeline }]
                """))).containsExactly(
                "broken.yml, job build, step 1 uses ./.github/actions/java, which is not in the repository",
                "broken.yml, job build, step 2 uses ./deploy/pipeline, which is not in the repository");
    }

    @Test
    void anOverlayNobodyIsWritingIsRefused() {
        assertThat(CHECKS.manifests(workflow(steps(
                "deploy/pipeline/render.sh --overlay deploy/k8s/overlays/qa --component deploy/k8s/components/istio"))))
                .containsExactly("broken.yml names deploy/k8s/overlays/qa, which neither exists nor is being written");
    }

    @Test
    void anActionOnABranchIsRefused() {
        assertThat(CHECKS.pinnedActions(workflow("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    steps: [{ uses: actions/checkout@main }, { uses: sigstore/cosign-installer }, { uses: actions/setup-java@v4 }]
                """))).containsExactly(
                "broken.yml, job build, step 1 uses actions/checkout@main, not pinned to a version tag",
                "broken.yml, job build, step 2 uses sigstore/cosign-installer, not pinned to a version tag");
    }

    @Test
    void aJobPushingImagesWithoutTheRightToIsRefused() {
        assertThat(CHECKS.permissions(workflow("""
                on: push
                permissions: { contents: read }
                jobs:
                  deliver:
                    runs-on: ubuntu-24.04
                    permissions: { packages: write }
                    steps: [{ run: deploy/pipeline/publish-image.sh --image trips }]
                """))).containsExactly(
                "broken.yml, job deliver runs deploy/pipeline/publish-image.sh without `id-token: write`");
    }

    private static String steps(String... runs) {
        StringBuilder yaml = new StringBuilder("on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n");
        for (String run : runs) {
            yaml.append("      - run: '").append(run.replace("'", "''")).append("'\n");
        }
        return yaml.toString();
    }

    static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/pipeline"))) {
            return files.filter(f -> f.toString().endsWith(".sh") && !f.getFileName().toString().equals("lib.sh")).sorted().toList();
        }
    }

    @Test
    void everyScriptIsStrictAndRefusesAnUnknownOptionWithItsUsage() throws IOException {
        List<Path> scripts = scripts();
        assertThat(scripts).hasSizeGreaterThan(5);
        for (Path script : scripts) {
            String name = script.getFileName().toString();
            String text = Files.readString(script);
            assertThat(Files.isExecutable(script)).as(name + " is executable").isTrue();
            assertThat(text).as(name).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n");
            var result = new PipelineScript(script).run("--no-such-option");
            assertThat(result.exitCode()).as(name + ": " + result).isEqualTo(64);
            assertThat(result.err()).as(name).startsWith("usage: deploy/pipeline/" + name + " ");
        }
    }

    @Test
    void podmanIsSetUpWithTheContainersConfOfCiRun() throws IOException {
        String ciRun = Files.readString(ROOT.resolve(".ci/run"));
        String written = ciRun.substring(ciRun.indexOf("containers.conf <<'EOF'\n") + "containers.conf <<'EOF'\n".length());
        written = written.substring(0, written.indexOf("\nEOF\n") + 1);

        var result = PipelineScript.of(ROOT, "podman-setup.sh").run("--print-config");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(written).contains("runtime = \"runc\"", "cgroup_manager = \"cgroupfs\"", "default_ulimits");
    }

    // Which services and images a change touches (changed-services.sh), on a small reactor of its own.

    Result changed(String... paths) {
        PipelineFixture.reactor(root);
        var result = PipelineScript.of(ROOT, "changed-services.sh")
                .run(Map.of(), String.join("\n", paths) + "\n", "--root", root.toString(), "--paths", "-");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return new Result(result.output("services"), result.output("images"));
    }

    record Result(List<String> services, List<String> images) {
    }

    @Test
    void aChangeUnderOneServiceBuildsOnlyThatService() {
        assertThat(changed("services/beta/src/main/java/Beta.java")).isEqualTo(new Result(List.of("beta"), List.of("beta")));
    }

    @Test
    void aContractChangeBuildsTheServicesThatDependOnIt() {
        assertThat(changed("contracts/beta-api/src/main/java/BetaEvent.java")).isEqualTo(new Result(List.of("beta"), List.of("beta")));
    }

    @Test
    void aContractChangeBuildsTheServicesThatDependOnItThroughAnotherContract() {
        assertThat(changed("contracts/alpha-api/pom.xml")).isEqualTo(new Result(List.of("alpha", "beta"), List.of("alpha", "beta")));
    }

    @Test
    void changesToSeveralServicesBuildEachOfThemOnce() {
        assertThat(changed("services/gamma/README.md", "./services/alpha/pom.xml", "services/gamma/pom.xml"))
                .isEqualTo(new Result(List.of("alpha", "gamma"), List.of("alpha", "gamma")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "build-parent/pom.xml", "platform/web/src/main/java/Problems.java",
            "contracts/common-api/src/main/java/Money.java", "deploy/images/service.Containerfile", ".mvn/wrapper/maven-wrapper.properties", "mvnw"})
    void aChangeToWhatEveryImageIsBuiltFromBuildsEverything(String path) {
        assertThat(changed(path)).isEqualTo(new Result(List.of("alpha", "beta", "gamma"), IMAGES));
    }

    @Test
    void aChangeToTheLauncherRebuildsTheKafkaAndPostgresImagesOnly() {
        assertThat(changed("runtime/src/main/java/Launcher.java")).isEqualTo(new Result(List.of(), List.of("kafka", "postgres")));
    }

    @Test
    void aChangeOutsideTheImagesBuildsNothing() {
        assertThat(changed("docs/README.md", ".github/workflows/main.yml", "deploy/k8s/base/kustomization.yaml", "services/README.md"))
                .isEqualTo(new Result(List.of(), List.of()));
    }

    @Test
    void sinceACommitMeansWhatChangedFromItToHeadAndANewBranchMeansEverything() {
        PipelineFixture.reactor(root);
        String first = PipelineFixture.committed(root);
        PipelineFixture.commitChange(root, "services/gamma/src/main/java/Gamma.java");
        var script = PipelineScript.of(ROOT, "changed-services.sh");

        assertThat(script.run("--root", root.toString(), "--since", first).output("images")).containsExactly("gamma");
        assertThat(script.run("--root", root.toString(), "--since", "0".repeat(40)).output("images")).isEqualTo(IMAGES);
        assertThat(script.run("--root", root.toString(), "--since", "1234567890abcdef1234567890abcdef12345678").output("images"))
                .isEqualTo(IMAGES);
    }

    @Test
    void eachContractOfTheRealReactorBuildsTheServicesItsPomsSayDependOnIt() {
        var script = PipelineScript.of(ROOT, "changed-services.sh");
        List<String> contracts = REACTOR.modules().stream().filter(m -> m.matches("contracts/.+-api")).toList();
        assertThat(contracts).contains("contracts/trips-api", "contracts/common-api");
        for (String contract : contracts) {
            var result = script.run(Map.of(), contract + "/src/main/java/Event.java\n", "--paths", "-");
            List<String> expected = contract.equals("contracts/common-api") ? REACTOR.services() : REACTOR.servicesBuiltFrom(contract);
            assertThat(result.output("services")).as(contract).isEqualTo(expected);
        }
        assertThat(REACTOR.servicesBuiltFrom("contracts/payments-api")).as("the oracle itself").contains("payments", "trips")
                .doesNotContain("identity", "gateway");
    }

    // What a run of main delivers (delivery-plan.sh) and deploys (image-refs.sh), against a stand-in for the registry.

    @Test
    void anImageIsDueWhenItsInputsChangedSinceTheCommitStagingRunsOrStagingHasNoneOfIt() {
        PipelineFixture.reactor(root);
        String staged = PipelineFixture.committed(root);
        PipelineFixture.commitChange(root, "contracts/beta-api/src/main/java/BetaEvent.java");
        // What staging runs: every image from the first commit, but none of gamma, and alpha from an unknown build.
        PipelineFixture.stub(bin, "skopeo", """
                case "$*" in
                  *hailway-gamma:staging*) echo "manifest unknown" >&2; exit 1 ;;
                  *hailway-alpha:staging*) echo unknown ;;
                  *:staging*) echo %s ;;
                  *) echo "unexpected: $*" >&2; exit 2 ;;
                esac
                """.formatted(staged));

        var result = PipelineScript.of(ROOT, "delivery-plan.sh")
                .run(Map.of("PATH", bin.toString()), "", "--root", root.toString(), "--registry", "ghcr.io/Hailway");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.output("images")).containsExactly("alpha", "beta", "gamma");
        assertThat(result.output("services")).containsExactly("alpha", "beta", "gamma");
        assertThat(result.err()).contains("kafka: staging is up to date", "beta: due, changed since " + staged.substring(0, 12),
                "gamma: due, ghcr.io/hailway/hailway-gamma:staging has no commit known here (no image: manifest unknown)");
    }

    @Test
    void nothingIsDueWhenStagingRunsTheLatestCommit() {
        PipelineFixture.reactor(root);
        String head = PipelineFixture.committed(root);
        PipelineFixture.stub(bin, "skopeo", "echo " + head + "\n");

        var result = PipelineScript.of(ROOT, "delivery-plan.sh")
                .run(Map.of("PATH", bin.toString()), "", "--root", root.toString(), "--registry", "ghcr.io/hailway");

        assertThat(result.output("images")).as(result.toString()).isEmpty();
    }

    @Test
    void theDeliveryDeploysThisRunsImagesAndWhatStagingRunsForTheRest() throws Exception {
        PipelineFixture.reactor(root);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}";
        PipelineFixture.stub(bin, "skopeo", """
                [ "$1 $2" = "inspect --raw" ] && [[ "$3" == docker://ghcr.io/hailway/hailway-*:staging ]] || exit 2
                printf '%%s' '%s'
                """.formatted(manifest));
        Path pushed = root.resolve("pushed");
        String alpha = "sha256:" + "a".repeat(64);
        PipelineFixture.write(pushed.resolve("alpha"), alpha + "\n");
        PipelineFixture.write(pushed.resolve("kafka"), "sha256:" + "b".repeat(64));

        var result = PipelineScript.of(ROOT, "image-refs.sh").run(Map.of("PATH", bin.toString()), "", "--root", root.toString(),
                "--registry", "ghcr.io/Hailway", "--pushed", pushed.toString(), "--out", root.resolve("delivery").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String staging = "sha256:" + sha256(manifest);
        assertThat(Files.readAllLines(root.resolve("delivery/refs.env"))).containsExactly(
                "kafka=ghcr.io/hailway/hailway-kafka@sha256:" + "b".repeat(64),
                "postgres=ghcr.io/hailway/hailway-postgres@" + staging,
                "alpha=ghcr.io/hailway/hailway-alpha@" + alpha,
                "beta=ghcr.io/hailway/hailway-beta@" + staging,
                "gamma=ghcr.io/hailway/hailway-gamma@" + staging);
        assertThat(Files.readAllLines(root.resolve("delivery/pushed"))).containsExactly("kafka", "alpha");
    }

    @Test
    void aDeliveryWithNothingPushedOrNothingInStagingToGoBesideItIsRefused() {
        PipelineFixture.reactor(root);
        PipelineFixture.stub(bin, "skopeo", "echo 'manifest unknown' >&2; exit 1\n");
        Path pushed = root.resolve("pushed");
        var script = PipelineScript.of(ROOT, "image-refs.sh");
        String[] args = {"--root", root.toString(), "--registry", "ghcr.io/hailway", "--pushed", pushed.toString(), "--out",
                root.resolve("delivery").toString()};

        var nothing = script.run(Map.of("PATH", bin.toString()), "", args);
        PipelineFixture.write(pushed.resolve("alpha"), "sha256:" + "a".repeat(64));
        var alone = script.run(Map.of("PATH", bin.toString()), "", args);
        PipelineFixture.write(pushed.resolve("beta"), "latest");
        var noDigest = script.run(Map.of("PATH", bin.toString()), "", args);

        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("no image of this run was pushed");
        assertThat(alone.exitCode()).isEqualTo(1);
        assertThat(alone.err()).contains("no ghcr.io/hailway/hailway-kafka:staging to deploy beside this run's images");
        assertThat(noDigest.err()).contains(pushed.resolve("beta") + " holds no digest: latest");
    }

    // The manifests of a delivery (render.sh, check-images.sh).

    static final String ALPHA = "ghcr.io/hailway/hailway-alpha@sha256:" + "a".repeat(64);
    static final String BETA = "ghcr.io/hailway/hailway-beta@sha256:" + "b".repeat(64);
    static final String GAMMA = "ghcr.io/hailway/hailway-gamma@sha256:" + "c".repeat(64);

    Path manifests(String gammaImage) {
        PipelineFixture.reactor(root);
        Path k8s = root.resolve("deploy/k8s");
        StringBuilder base = new StringBuilder();
        for (String service : List.of("alpha", "beta", "gamma")) {
            String image = service.equals("gamma") ? gammaImage : "localhost/hailway/" + service + ":0.1.0-SNAPSHOT";
            base.append("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: { name: %1$s }
                    spec:
                      selector: { matchLabels: { app: %1$s } }
                      template:
                        metadata: { labels: { app: %1$s } }
                        spec:
                          containers: [{ name: %1$s, image: "%2$s" }]
                    ---
                    """.formatted(service, image));
        }
        PipelineFixture.write(k8s.resolve("base/services.yaml"), base.toString());
        PipelineFixture.write(k8s.resolve("base/kustomization.yaml"), "resources: [services.yaml]\n");
        PipelineFixture.write(k8s.resolve("overlays/dev/kustomization.yaml"), "resources: [../../base]\nnamespace: hailway\n");
        PipelineFixture.write(k8s.resolve("components/istio/kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                patches:
                  - target: { kind: Deployment }
                    patch: |
                      - op: add
                        path: /spec/template/metadata/labels/sidecar.istio.io~1inject
                        value: "true"
                """);
        Path refs = root.resolve("refs.env");
        PipelineFixture.write(refs, "alpha=" + ALPHA + "\nbeta=" + BETA + "\ngamma=" + GAMMA + "\n");
        return refs;
    }

    PipelineScript.Result render(Path refs) {
        return PipelineScript.of(ROOT, "render.sh").run("--root", root.toString(), "--overlay", "deploy/k8s/overlays/dev",
                "--component", "deploy/k8s/components/istio", "--refs", refs.toString(), "--out", root.resolve("out/dev").toString());
    }

    @Test
    void theRenderRunsEveryServiceOnItsDeliveredDigestWithTheOverlayAndItsComponent() throws IOException {
        assertThat(onPath("kubectl")).as("kubectl renders the Kustomization (/usr/bin/kubectl here; GitHub's runners have it)").isTrue();
        var result = render(manifests("localhost/hailway/gamma:0.1.0-SNAPSHOT"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<Map<?, ?>> rendered = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(root.resolve("out/dev/rendered.yaml")))
                .forEach(document -> rendered.add((Map<?, ?>) document));
        assertThat(rendered).extracting(d -> String.valueOf(d))
                .allSatisfy(d -> assertThat(d).contains("namespace=hailway", "sidecar.istio.io/inject=true"));
        assertThat(rendered.stream().map(d -> String.valueOf(d).replaceAll(".*image=([^,}]+).*", "$1")).toList())
                .containsExactly(ALPHA, BETA, GAMMA);
    }

    @Test
    void aBaseThatNamesAServiceImageOtherwiseFailsTheRender() {
        assertThat(onPath("kubectl")).as("kubectl renders the Kustomization (/usr/bin/kubectl here; GitHub's runners have it)").isTrue();
        var result = render(manifests("docker.io/hailway/gamma:latest"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("runs docker.io/hailway/gamma:latest, which is not an image of this delivery",
                "no container in " + root.resolve("out/dev/rendered.yaml") + " runs gamma's " + GAMMA);
    }

    @Test
    void manifestsRunningAnotherImageOfAServiceFailTheCheck() {
        Path refs = manifests("unused");
        Path rendered = root.resolve("rendered.yaml");
        PipelineFixture.write(rendered, """
                spec:
                  containers:
                    - image: %s
                    - name: beta
                      image: "%s"
                    - image: ghcr.io/hailway/hailway-gamma:staging
                    - image: docker.io/library/busybox:1.37
                """.formatted(ALPHA, BETA));
        var check = PipelineScript.of(ROOT, "check-images.sh");

        var failed = check.run("--root", root.toString(), rendered.toString(), refs.toString());
        PipelineFixture.write(rendered, "image: " + ALPHA + "\nimage: " + BETA + "\nimage: '" + GAMMA + "'\nimage: busybox\n");
        var passed = check.run("--root", root.toString(), rendered.toString(), refs.toString());

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("runs ghcr.io/hailway/hailway-gamma:staging, which is not an image of this delivery",
                "no container in " + rendered + " runs gamma's " + GAMMA).doesNotContain("busybox");
        assertThat(passed.exitCode()).as(passed.toString()).isZero();
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
