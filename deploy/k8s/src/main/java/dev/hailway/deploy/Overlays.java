package dev.hailway.deploy;

import static dev.hailway.deploy.Manifests.DATA;
import static dev.hailway.deploy.Manifests.NAME;
import static dev.hailway.deploy.Manifests.NAMESPACE;
import static dev.hailway.deploy.Manifests.PART_OF;
import static dev.hailway.deploy.Manifests.metadata;
import static dev.hailway.deploy.Yaml.list;
import static dev.hailway.deploy.Yaml.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.hailway.deploy.Topology.Service;
import dev.hailway.deploy.Topology.Topic;
import dev.hailway.runtime.ContainerPlatform;
import dev.hailway.runtime.ContainerSpec;
import dev.hailway.runtime.PlatformOptions;
import dev.hailway.runtime.PortSet;
import dev.hailway.runtime.ServiceEnvironment;

/**
 * The overlays: {@code production} (Strimzi and CloudNativePG operators, the mesh and observability), {@code dev}
 * (a kind or minikube cluster, plain StatefulSets for PostgreSQL and Kafka) and {@code local} (podman kube play on
 * one machine, from the images of ./hailway images, as ./hailway up --containers runs them).
 */
public final class Overlays {

    static final String RELEASE_TAG = "0.1.0";
    static final String POSTGRES_IMAGE = "docker.io/library/postgres:17.6";
    static final String KAFKA_IMAGE = "docker.io/apache/kafka:4.1.1";

    private final Topology topology;

    Overlays(Topology topology) {
        this.topology = topology;
    }

    void write(Path overlays) {
        writeProduction(overlays.resolve("production"));
        writeDev(overlays.resolve("dev"));
        writeLocal(overlays.resolve("local"));
        writeSecretsScript(overlays.getParent().resolve("make-secrets.sh"));
    }

    private List<Service> databases() {
        return topology.services().values().stream().filter(Service::database).toList();
    }

    private static Map<String, Object> namespace() {
        return map("apiVersion", "v1", "kind", "Namespace", "metadata", map("name", NAMESPACE, "labels", map(PART_OF, "hailway")));
    }

    private List<Object> images(String registry, String tag) {
        List<Object> images = new ArrayList<>();
        for (Service service : topology.services().values()) {
            images.add(map("name", "hailway/" + service.name(), "newName", registry + service.name(), "newTag", tag));
        }
        return images;
    }

    // ---- production: operators

    private void writeProduction(Path dir) {
        Yaml.write(dir.resolve("namespace.yaml"), "", List.of(namespace()));
        Yaml.write(dir.resolve("kafka.yaml"), "Strimzi: a KRaft cluster of three nodes, and every topic the services use, with the "
                + "partitions,\ncompaction and retention they expect (deploy/topology.yaml), and a dead-letter topic for every consumed one.",
                kafka());
        Yaml.write(dir.resolve("postgres.yaml"), "CloudNativePG: one cluster of three instances, one database and one login role per "
                + "service;\neach role may open its own database only (pg_hba).", postgres());
        Yaml.write(dir.resolve("data-network-policies.yaml"), "Who reaches the data pods the operators run.", productionDataPolicies());
        Yaml.write(dir.resolve("kustomization.yaml"), """
                A production cluster with the Strimzi and CloudNativePG operators installed (deploy/README.md), with the service
                mesh and observability. Secrets come from deploy/k8s/make-secrets.sh or your secret store, never from here.""",
                List.of(map(
                        "apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization",
                        "namespace", NAMESPACE,
                        "resources", list("namespace.yaml", "../../base", "kafka.yaml", "postgres.yaml", "data-network-policies.yaml"),
                        "components", list("../../components/istio", "../../components/observability"),
                        "images", images("ghcr.io/hailway/hailway-", RELEASE_TAG))));
    }

    private List<Object> kafka() {
        List<Object> documents = new ArrayList<>();
        documents.add(map("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaNodePool",
                "metadata", map("name", "nodes", "labels", map("strimzi.io/cluster", "hailway")),
                "spec", map("replicas", 3, "roles", list("controller", "broker"),
                        "storage", map("type", "jbod", "volumes", list(map("id", 0, "type", "persistent-claim", "size", "50Gi",
                                "deleteClaim", false, "kraftMetadata", "shared"))),
                        "resources", map("requests", map("cpu", "500m", "memory", "2Gi"), "limits", map("cpu", "2", "memory", "2Gi")),
                        "template", map("pod", map("metadata", map("labels", map(DATA, "kafka"),
                                "annotations", map("sidecar.istio.io/inject", "false")))))));
        documents.add(map("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "Kafka",
                "metadata", map("name", "hailway", "annotations", map("strimzi.io/node-pools", "enabled", "strimzi.io/kraft", "enabled")),
                "spec", map(
                        "kafka", map("version", "4.1.0", "metadataVersion", "4.1-IV1",
                                "listeners", list(map("name", "plain", "port", 9092, "type", "internal", "tls", false)),
                                "config", map("default.replication.factor", 3, "min.insync.replicas", 2,
                                        "offsets.topic.replication.factor", 3, "transaction.state.log.replication.factor", 3,
                                        "transaction.state.log.min.isr", 2,
                                        // Topics exist because they are declared below, not because a client named one.
                                        "auto.create.topics.enable", false)),
                        "entityOperator", map("topicOperator", map(), "userOperator", map()))));
        for (Topic topic : topology.topics().values()) {
            documents.add(kafkaTopic(topic.name(), topic.partitions(), topic.cleanupPolicy(), topic.retentionDays()));
            if (!topology.consumersOf(topic.name()).isEmpty()) {
                documents.add(kafkaTopic(topic.name() + ".DLT", topic.partitions(), "delete", 30));
            }
        }
        return documents;
    }

    private static Map<String, Object> kafkaTopic(String name, int partitions, String cleanup, int retentionDays) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("cleanup.policy", cleanup);
        config.put("min.insync.replicas", 2);
        if (cleanup.equals("delete")) {
            config.put("retention.ms", (long) retentionDays * 24 * 3600 * 1000);
        } else {
            config.put("min.compaction.lag.ms", 0);
        }
        return map("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic",
                "metadata", map("name", name.replace('.', '-').toLowerCase(Locale.ROOT), "labels", map("strimzi.io/cluster", "hailway")),
                "spec", map("topicName", name, "partitions", partitions, "replicas", 3, "config", config));
    }

    private List<Object> postgres() {
        List<Object> roles = new ArrayList<>();
        List<Object> hba = new ArrayList<>();
        for (Service service : databases()) {
            roles.add(map("name", service.name(), "ensure", "present", "login", true, "superuser", false, "createdb", false,
                    "createrole", false, "passwordSecret", map("name", "hailway-db-" + service.name())));
            hba.add("host " + service.name() + " " + service.name() + " all scram-sha-256");
            hba.add("host all " + service.name() + " all reject");
        }
        List<Object> documents = new ArrayList<>();
        documents.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "Cluster",
                "metadata", map("name", "hailway-postgres"),
                "spec", map("instances", 3,
                        "storage", map("size", "20Gi"),
                        "resources", map("requests", map("cpu", "500m", "memory", "1Gi"), "limits", map("cpu", "2", "memory", "1Gi")),
                        "inheritedMetadata", map("labels", map(DATA, "postgres"), "annotations", map("sidecar.istio.io/inject", "false")),
                        "postgresql", map("pg_hba", hba),
                        "managed", map("roles", roles))));
        for (Service service : databases()) {
            documents.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "Database",
                    "metadata", map("name", "hailway-" + service.name()),
                    "spec", map("name", service.name(), "owner", service.name(), "cluster", map("name", "hailway-postgres"),
                            "ensure", "present")));
        }
        return documents;
    }

    private List<Object> productionDataPolicies() {
        return List.of(
                dataPolicy("hailway-kafka", map("strimzi.io/cluster", "hailway"), 9092, allServices(),
                        list(map("podSelector", map("matchLabels", map("strimzi.io/cluster", "hailway"))),
                                map("namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", "strimzi"))))),
                dataPolicy("hailway-postgres", map("cnpg.io/cluster", "hailway-postgres"), 5432, databaseServices(),
                        list(map("podSelector", map("matchLabels", map("cnpg.io/cluster", "hailway-postgres"))),
                                map("namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", "cnpg-system"))))));
    }

    /** {@link #localPatches} as the YAML of a Kustomize patch file. */
    public static String localPatchesYaml(PortSet ports) {
        return Yaml.dump(localPatches(ports));
    }

    /** Clients on the data port; the operator and the data pods themselves on any port (replication, management). */
    private static Map<String, Object> dataPolicy(String name, Map<String, Object> pods, int port, List<Object> clients, List<Object> peers) {
        return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", map("name", name),
                "spec", map("podSelector", map("matchLabels", pods), "policyTypes", list("Ingress"),
                        "ingress", list(
                                map("from", clients, "ports", list(map("protocol", "TCP", "port", port))),
                                map("from", peers))));
    }

    private List<Object> allServices() {
        List<Object> from = new ArrayList<>();
        topology.services().keySet().forEach(name -> from.add(map("podSelector", map("matchLabels", map(NAME, name)))));
        return from;
    }

    private List<Object> databaseServices() {
        List<Object> from = new ArrayList<>();
        databases().forEach(service -> from.add(map("podSelector", map("matchLabels", map(NAME, service.name())))));
        return from;
    }

    // ---- dev: kind or minikube, StatefulSets

    private void writeDev(Path dir) {
        Yaml.write(dir.resolve("namespace.yaml"), "", List.of(namespace()));
        Yaml.write(dir.resolve("postgres.yaml"), "One PostgreSQL for a development cluster, one database and role per service, made at its "
                + "first start\nfrom the secrets hailway-db-<service> (deploy/k8s/make-secrets.sh).", devPostgres());
        Yaml.write(dir.resolve("kafka.yaml"), "One Kafka node (KRaft) for a development cluster; the services create their topics.",
                devKafka());
        Yaml.write(dir.resolve("data-network-policies.yaml"), "Who reaches the data pods.", List.of(
                dataPolicy("hailway-kafka", map(DATA, "kafka"), 9092, allServices(), list()),
                dataPolicy("hailway-postgres", map(DATA, "postgres"), 5432, databaseServices(), list())).stream()
                .map(Overlays::withoutEmptyPeers).toList());
        Yaml.write(dir.resolve("kustomization.yaml"), """
                A development cluster (kind, minikube): the base with a PostgreSQL and a Kafka of its own, and the images of
                ./hailway images loaded into the cluster (deploy/README.md). Add the components for the mesh and observability.""",
                List.of(map(
                        "apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization",
                        "namespace", NAMESPACE,
                        "resources", list("namespace.yaml", "../../base", "postgres.yaml", "kafka.yaml", "data-network-policies.yaml"),
                        // One team's cluster, where the simulator signs up its accounts from one address: the launcher's
                        // allowance, not the gateway's strict default of 10 sign-ins a minute.
                        "patches", list(map("target", map("kind", "ConfigMap", "name", "gateway"),
                                "patch", """
                                        - op: add
                                          path: /data/HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_CAPACITY
                                          value: "%1$d"
                                        - op: add
                                          path: /data/HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_REFILLTOKENS
                                          value: "%1$d"
                                        """.formatted(ServiceEnvironment.LOCAL_SIGN_INS_PER_MINUTE))),
                        "images", images("localhost/hailway/", version()))));
    }

    @SuppressWarnings("unchecked")
    private static Object withoutEmptyPeers(Object policy) {
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) policy).get("spec");
        List<Object> ingress = (List<Object>) spec.get("ingress");
        ingress.removeIf(rule -> ((List<Object>) ((Map<String, Object>) rule).get("from")).isEmpty());
        return policy;
    }

    private static Map<String, Object> dataSecurity(long user) {
        return map("runAsNonRoot", true, "runAsUser", user, "runAsGroup", user, "fsGroup", user,
                "seccompProfile", map("type", "RuntimeDefault"));
    }

    private static Map<String, Object> containerSecurity() {
        return map("runAsNonRoot", true, "readOnlyRootFilesystem", true, "allowPrivilegeEscalation", false,
                "capabilities", map("drop", list("ALL")));
    }

    private List<Object> devPostgres() {
        var script = new StringBuilder("""
                #!/bin/bash
                # One role and one database per service, each closed to every other role.
                set -euo pipefail
                """);
        List<Object> env = new ArrayList<>();
        env.add(map("name", "POSTGRES_PASSWORD", "valueFrom", map("secretKeyRef", map("name", "hailway-postgres-superuser", "key", "password"))));
        env.add(map("name", "PGDATA", "value", "/var/lib/postgresql/data/pgdata"));
        for (Service service : databases()) {
            String variable = "DB_" + service.name().toUpperCase(Locale.ROOT) + "_PASSWORD";
            env.add(map("name", variable, "valueFrom", map("secretKeyRef", map("name", "hailway-db-" + service.name(), "key", "password"))));
            script.append("""
                    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -c "CREATE ROLE %1$s LOGIN PASSWORD '${%2$s}'"
                    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -c "CREATE DATABASE %1$s OWNER %1$s"
                    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -c "REVOKE ALL ON DATABASE %1$s FROM PUBLIC"
                    """.formatted(service.name(), variable));
        }
        Map<String, Object> ready = map("exec", map("command", list("pg_isready", "-U", "postgres")), "periodSeconds", 5, "timeoutSeconds", 3);
        return List.of(
                map("apiVersion", "v1", "kind", "ConfigMap", "metadata", map("name", "hailway-postgres-init"),
                        "data", map("10-hailway.sh", script.toString())),
                map("apiVersion", "v1", "kind", "Service", "metadata", map("name", Manifests.POSTGRES_HOST),
                        "spec", map("selector", map(DATA, "postgres"), "ports", list(map("name", "postgres", "port", 5432, "targetPort", 5432)))),
                map("apiVersion", "apps/v1", "kind", "StatefulSet", "metadata", map("name", "hailway-postgres"),
                        "spec", map("serviceName", Manifests.POSTGRES_HOST, "replicas", 1,
                                "selector", map("matchLabels", map(DATA, "postgres")),
                                "template", map("metadata", map("labels", map(DATA, "postgres", PART_OF, "hailway-data"),
                                                "annotations", map("sidecar.istio.io/inject", "false")),
                                        "spec", map("securityContext", dataSecurity(999),
                                                "containers", list(map("name", "postgres", "image", POSTGRES_IMAGE,
                                                        "ports", list(map("name", "postgres", "containerPort", 5432)),
                                                        "env", env,
                                                        "resources", map("requests", map("cpu", "250m", "memory", "512Mi"),
                                                                "limits", map("cpu", "1", "memory", "1Gi")),
                                                        "startupProbe", map("exec", map("command", list("pg_isready", "-U", "postgres")),
                                                                "periodSeconds", 2, "failureThreshold", 60),
                                                        "readinessProbe", ready, "livenessProbe", ready,
                                                        "securityContext", containerSecurity(),
                                                        "volumeMounts", list(map("name", "data", "mountPath", "/var/lib/postgresql/data"),
                                                                map("name", "init", "mountPath", "/docker-entrypoint-initdb.d"),
                                                                map("name", "run", "mountPath", "/var/run/postgresql"),
                                                                map("name", "tmp", "mountPath", "/tmp")))),
                                                "volumes", list(map("name", "init", "configMap", map("name", "hailway-postgres-init")),
                                                        map("name", "run", "emptyDir", map()), map("name", "tmp", "emptyDir", map())))),
                                "volumeClaimTemplates", list(map("metadata", map("name", "data"),
                                        "spec", map("accessModes", list("ReadWriteOnce"), "resources", map("requests", map("storage", "5Gi"))))))));
    }

    private List<Object> devKafka() {
        Map<String, Object> ready = map("tcpSocket", map("port", 9092), "periodSeconds", 5, "timeoutSeconds", 3);
        return List.of(
                map("apiVersion", "v1", "kind", "Service", "metadata", map("name", "hailway-kafka-bootstrap"),
                        "spec", map("selector", map(DATA, "kafka"), "ports", list(map("name", "kafka", "port", 9092, "targetPort", 9092)))),
                map("apiVersion", "apps/v1", "kind", "StatefulSet", "metadata", map("name", "hailway-kafka"),
                        "spec", map("serviceName", "hailway-kafka-bootstrap", "replicas", 1,
                                "selector", map("matchLabels", map(DATA, "kafka")),
                                "template", map("metadata", map("labels", map(DATA, "kafka", PART_OF, "hailway-data"),
                                                "annotations", map("sidecar.istio.io/inject", "false")),
                                        "spec", map("securityContext", dataSecurity(1000),
                                                "containers", list(map("name", "kafka", "image", KAFKA_IMAGE,
                                                        "ports", list(map("name", "kafka", "containerPort", 9092)),
                                                        "env", list(
                                                                map("name", "KAFKA_NODE_ID", "value", "1"),
                                                                map("name", "KAFKA_PROCESS_ROLES", "value", "broker,controller"),
                                                                map("name", "KAFKA_LISTENERS", "value", "PLAINTEXT://:9092,CONTROLLER://:9093"),
                                                                map("name", "KAFKA_ADVERTISED_LISTENERS", "value", "PLAINTEXT://hailway-kafka-bootstrap:9092"),
                                                                map("name", "KAFKA_CONTROLLER_LISTENER_NAMES", "value", "CONTROLLER"),
                                                                map("name", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "value", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                                                                map("name", "KAFKA_CONTROLLER_QUORUM_VOTERS", "value", "1@localhost:9093"),
                                                                map("name", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "value", "1"),
                                                                map("name", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "value", "1"),
                                                                map("name", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "value", "1"),
                                                                map("name", "KAFKA_NUM_PARTITIONS", "value", "3"),
                                                                map("name", "KAFKA_LOG_DIRS", "value", "/var/lib/kafka/data")),
                                                        "resources", map("requests", map("cpu", "250m", "memory", "768Mi"),
                                                                "limits", map("cpu", "1", "memory", "1Gi")),
                                                        "startupProbe", map("tcpSocket", map("port", 9092), "periodSeconds", 2, "failureThreshold", 60),
                                                        "readinessProbe", ready, "livenessProbe", ready,
                                                        "securityContext", containerSecurity(),
                                                        // The image writes its configuration at start: a writable directory for it.
                                                        "volumeMounts", list(map("name", "data", "mountPath", "/var/lib/kafka/data"),
                                                                map("name", "config", "mountPath", "/opt/kafka/config"),
                                                                map("name", "tmp", "mountPath", "/tmp")))),
                                                "volumes", list(map("name", "config", "emptyDir", map()), map("name", "tmp", "emptyDir", map())))),
                                "volumeClaimTemplates", list(map("metadata", map("name", "data"),
                                        "spec", map("accessModes", list("ReadWriteOnce"), "resources", map("requests", map("storage", "5Gi"))))))));
    }

    // ---- local: podman kube play

    private void writeLocal(Path dir) {
        Yaml.write(dir.resolve("data.yaml"), "PostgreSQL and Kafka from the images of ./hailway images, their data in the same named "
                + "volumes as\n./hailway up --containers uses (never both at once). play-local.sh makes the volumes: podman 4.3 refuses a\n"
                + "PersistentVolumeClaim whose volume exists, so a second run would fail.", localData());
        Yaml.write(dir.resolve("local.yaml"), "What makes the base run under podman kube play on this machine, for ports of "
                + PortSet.LOCAL.purpose() + ":\nthe host network on 127.0.0.1, the settings of ./hailway up --containers, and credentials "
                + "from ConfigMaps\nmade at run time (./hailway env) instead of Secrets.", localPatches(PortSet.LOCAL));
        Yaml.write(dir.resolve("kustomization.yaml"), """
                This machine, under podman kube play (podman 4.3 reads Deployments and ConfigMaps and ignores the rest):
                  ./hailway images && ./hailway env && deploy/k8s/play-local.sh up     (and: deploy/k8s/play-local.sh down)""",
                List.of(map(
                        "apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization",
                        "resources", list("../../base", "data.yaml"),
                        "patches", list(map("path", "local.yaml"),
                                // podman maps declared container ports, which the host network cannot have.
                                map("target", map("kind", "Deployment", "labelSelector", Manifests.COMPONENT + "=service"),
                                        "patch", "- op: remove\n  path: /spec/template/spec/containers/0/ports\n")),
                        "images", images("localhost/hailway/", version()))));
    }

    /** The version the images of ./hailway images carry: the launcher's own. */
    public static String version() {
        return ContainerPlatform.imageVersion();
    }

    private static final String LOCAL_POSTGRES = "postgres";
    private static final String LOCAL_KAFKA = "kafka";

    private List<Object> localData() {
        Map<String, Object> podSecurity = map("runAsNonRoot", true, "runAsUser", 10001, "runAsGroup", 10001,
                "seccompProfile", map("type", "RuntimeDefault"));
        List<Object> documents = new ArrayList<>();
        for (String name : List.of(LOCAL_POSTGRES, LOCAL_KAFKA)) {
            Map<String, Object> probe = map("tcpSocket", map("port", name.equals(LOCAL_POSTGRES) ? PortSet.LOCAL.postgres() : PortSet.LOCAL.kafka()),
                    "periodSeconds", 5);
            documents.add(map("apiVersion", "apps/v1", "kind", "Deployment",
                    "metadata", metadata(name, map(NAME, name, PART_OF, "hailway-data", DATA, name)),
                    "spec", map("replicas", 1, "strategy", map("type", "Recreate"),
                            "selector", map("matchLabels", map(DATA, name)),
                            "template", map("metadata", map("labels", map(NAME, name, PART_OF, "hailway-data", DATA, name)),
                                    "spec", map("hostNetwork", true, "securityContext", podSecurity,
                                            "containers", list(map("name", name, "image", "localhost/hailway/" + name + ":" + version(),
                                                    "args", localDataArgs(name, PortSet.LOCAL),
                                                    "envFrom", name.equals(LOCAL_POSTGRES)
                                                            ? list(map("configMapRef", map("name", "postgres-credentials"))) : null,
                                                    "resources", map("requests", map("cpu", "100m", "memory", "512Mi"),
                                                            "limits", map("cpu", "2", "memory", name.equals(LOCAL_POSTGRES) ? "1Gi" : "768Mi")),
                                                    "startupProbe", probe, "readinessProbe", probe, "livenessProbe", probe,
                                                    "securityContext", containerSecurity(),
                                                    "volumeMounts", list(map("name", "data", "mountPath", "/var/lib/hailway/" + name),
                                                            map("name", "tmp", "mountPath", "/tmp")))),
                                            "volumes", list(map("name", "data", "persistentVolumeClaim", map("claimName", "hailway-" + name)),
                                                    map("name", "tmp", "emptyDir", map("medium", "Memory", "sizeLimit", "64Mi"))))))));
        }
        return documents;
    }

    static List<Object> localDataArgs(String name, PortSet ports) {
        return name.equals(LOCAL_POSTGRES)
                ? list("--port", Integer.toString(ports.postgres()), "--data", "/var/lib/hailway/postgres")
                : list("--port", Integer.toString(ports.kafka()), "--controller-port", Integer.toString(ports.kafkaController()),
                        "--log-dir", "/var/lib/hailway/kafka/data");
    }

    /**
     * Patches that run the base on this machine with the ports of {@code ports}: each service's settings as
     * ./hailway up --containers gives them (ContainerPlatform), its pod on the host network, one replica, and its
     * credentials from the ConfigMap {@code <name>-credentials}. Tests layer these for their own ports on top.
     */
    public static List<Object> localPatches(PortSet ports) {
        List<Object> patches = new ArrayList<>();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("hailway-local-overlay");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ContainerSpec> containers = ContainerPlatform.local(ports.applyTo(PlatformOptions.defaults(scratch))).containers();
        for (ContainerSpec container : containers) {
            if (!container.kind().equals("service")) {
                continue;
            }
            Map<String, Object> settings = new TreeMap<>();
            container.environment().forEach((key, value) -> {
                if (!ContainerSpec.isSecret(key)) {
                    settings.put(key, value);
                }
            });
            patches.add(map("apiVersion", "v1", "kind", "ConfigMap", "metadata", map("name", container.name()), "data", settings));
            patches.add(map("apiVersion", "apps/v1", "kind", "Deployment", "metadata", map("name", container.name()),
                    "spec", map("replicas", 1, "template", map("spec", map("hostNetwork", true,
                            "containers", list(map("name", container.name(), "envFrom", localEnvFrom(container),
                                    // On the host network a probe names the port itself (the named port is removed, below).
                                    "startupProbe", localProbe("/actuator/health/liveness", container.port()),
                                    "readinessProbe", localProbe("/actuator/health/readiness", container.port()),
                                    "livenessProbe", localProbe("/actuator/health/liveness", container.port()))))))));
        }
        for (String name : List.of(LOCAL_POSTGRES, LOCAL_KAFKA)) {
            Map<String, Object> probe = map("tcpSocket", map("port", name.equals(LOCAL_POSTGRES) ? ports.postgres() : ports.kafka()));
            patches.add(map("apiVersion", "apps/v1", "kind", "Deployment", "metadata", map("name", name),
                    "spec", map("template", map("spec", map("containers", list(map("name", name, "args", localDataArgs(name, ports),
                            "startupProbe", probe, "readinessProbe", probe, "livenessProbe", probe)))))));
        }
        return patches;
    }

    private static Map<String, Object> localProbe(String path, int port) {
        return map("httpGet", map("path", path, "port", port));
    }

    private static List<Object> localEnvFrom(ContainerSpec container) {
        List<Object> from = list(map("configMapRef", map("name", container.name())));
        if (container.environment().keySet().stream().anyMatch(ContainerSpec::isSecret)) {
            from.add(map("configMapRef", map("name", container.name() + "-credentials")));
        }
        return from;
    }

    // ---- secrets for clusters

    private void writeSecretsScript(Path file) {
        var script = new StringBuilder("""
                #!/usr/bin/env bash
                # Generated from deploy/topology.yaml by deploy/k8s (Manifests). Makes the Secrets the manifests reference, with
                # random passwords, in the namespace given (default hailway): each service's <name>-credentials, each
                # database's hailway-db-<name> (basic-auth, for CloudNativePG's managed roles and the dev PostgreSQL), the dev
                # PostgreSQL's superuser and Grafana's admin password grafana-admin (the observability component). Existing
                # Secrets are left as they are, so running it again changes nothing.
                #   deploy/k8s/make-secrets.sh [NAMESPACE]
                set -euo pipefail
                ns="${1:-hailway}"
                secret() { openssl rand -base64 24 | tr -d '/+=' | cut -c1-24; }
                exists() { kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; }
                make() { local name="$1"; shift; exists "$name" || kubectl -n "$ns" create secret generic "$name" "$@"; }
                """);
        List<Service> clients = topology.services().values().stream().filter(Service::serviceClient).toList();
        for (Service service : topology.services().values()) {
            String upper = service.name().toUpperCase(Locale.ROOT).replace('-', '_');
            if (service.database()) {
                script.append("db_%s=\"$(exists hailway-db-%s && kubectl -n \"$ns\" get secret hailway-db-%s -o jsonpath='{.data.password}' | base64 -d || secret)\"\n"
                        .formatted(upper.toLowerCase(Locale.ROOT), service.name(), service.name()));
            }
            if (service.serviceClient()) {
                script.append("client_%s=\"$(exists %s-credentials && kubectl -n \"$ns\" get secret %s-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)\"\n"
                        .formatted(upper.toLowerCase(Locale.ROOT), service.name(), service.name()));
            }
        }
        script.append("make hailway-postgres-superuser --from-literal=password=\"$(secret)\"\n");
        script.append("make %s --from-literal=password=\"$(secret)\"\n".formatted(Observability.GRAFANA_ADMIN_SECRET));
        for (Service service : topology.services().values()) {
            String lower = service.name().replace('-', '_');
            List<String> literals = new ArrayList<>();
            if (service.database()) {
                script.append("make hailway-db-%1$s --type=kubernetes.io/basic-auth --from-literal=username=%1$s --from-literal=password=\"$db_%2$s\"\n"
                        .formatted(service.name(), lower));
                literals.add("--from-literal=SPRING_DATASOURCE_PASSWORD=\"$db_" + lower + "\"");
            }
            if (service.serviceClient()) {
                literals.add("--from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET=\"$client_" + lower + "\"");
            }
            if (service.name().equals("identity")) {
                literals.add("--from-literal=HAILWAY_IDENTITY_OPERATOR_PASSWORD=\"$(secret)\"");
                for (Service client : clients) {
                    literals.add("--from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_" + client.name().toUpperCase(Locale.ROOT)
                            + "=\"$client_" + client.name().replace('-', '_') + "\"");
                }
            }
            if (literals.isEmpty()) {
                continue;  // the gateway: no database, no client credentials
            }
            script.append("make %s-credentials \\\n  %s\n".formatted(service.name(), String.join(" \\\n  ", literals)));
        }
        script.append("echo \"Secrets for Hailway are in namespace $ns (the operator's password: kubectl -n $ns get secret identity-credentials "
                + "-o jsonpath='{.data.HAILWAY_IDENTITY_OPERATOR_PASSWORD}' | base64 -d)\"\n");
        script.append("echo \"Grafana's: kubectl -n $ns get secret %s -o jsonpath='{.data.password}' | base64 -d\"\n"
                .formatted(Observability.GRAFANA_ADMIN_SECRET));
        try {
            Files.writeString(file, script.toString());
            file.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
