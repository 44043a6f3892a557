package dev.hailway.runtime;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One service of the platform as the launcher sees it: its jar is {@code services/<name>/target/<name>.jar}, it
 * listens on {@code port}, gets a database (and role) named after it when {@code needsDatabase}, and starts once
 * every service in {@code dependsOn} is healthy.
 */
public record ServiceSpec(String name, int port, boolean needsDatabase, List<String> dependsOn) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

    public ServiceSpec {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service name must be lower-case letters and digits: " + name);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range for " + name + ": " + port);
        }
        dependsOn = List.copyOf(dependsOn);
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, needsDatabase, dependsOn);
    }
}
