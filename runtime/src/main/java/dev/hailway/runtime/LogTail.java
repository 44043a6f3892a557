package dev.hailway.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

final class LogTail {

    private static final int MAX_LINE = 400;

    private LogTail() {
    }

    /** The last {@code count} lines of a file that may be large; reads only its end. */
    static List<String> lastLines(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int window = (int) Math.min(length, 256 * 1024);
            byte[] bytes = new byte[window];
            in.seek(length - window);
            in.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            // JSON log lines can hold a whole client configuration; a console tail needs their start only.
            return lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
                    .map(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " [...]" : line)
                    .toList();
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
