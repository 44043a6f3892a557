package dev.hailway.simulator.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request of a run and its answer, as JSON lines: what a checker reads afterwards to judge the platform by
 * what its clients were told (Jepsen's history), not by its logs. Written as the run goes, so that a run killed
 * half-way leaves what it saw.
 */
public final class History implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final BufferedWriter writer;

    private History(BufferedWriter writer) {
        this.writer = writer;
    }

    /** A history that keeps nothing, for runs that did not ask for one. */
    public static History none() {
        return new History(null);
    }

    public static History writingTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new History(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file, e);
        }
    }

    public void record(Exchange exchange) {
        if (writer == null) {
            return;
        }
        String line = JSON.writeValueAsString(exchange);
        synchronized (writer) {
            try {
                writer.write(line);
                writer.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the history", e);
            }
        }
    }

    public static List<Exchange> read(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).map(line -> JSON.readValue(line, Exchange.class)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history " + file, e);
        }
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        synchronized (writer) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the history", e);
            }
        }
    }
}
