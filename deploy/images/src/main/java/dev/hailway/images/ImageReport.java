package dev.hailway.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import dev.hailway.runtime.ContainerEngine;

/**
 * Each image's size as the engine stores it (uncompressed) and as a registry serves it (every layer gzipped, which
 * is what a cluster pulls), with the AOT cache's share. The image is read back from the engine as a docker-archive;
 * each layer's gzipped size is kept by layer digest, so a rebuild compresses only the layers that changed.
 */
final class ImageReport {

    private static final Pattern LAYERS = Pattern.compile("\"Layers\"\\s*:\\s*\\[([^\\]]*)]");

    private final ContainerEngine engine;
    private final Path cache;

    ImageReport(ContainerEngine engine, Path cache) {
        this.engine = engine;
        this.cache = cache;
    }

    record Layer(String name, long size, long compressed) {
    }

    record Sizes(long size, long compressed, Layer top) {
    }

    String table(List<ImageBuild.Built> built) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"IMAGE", "SIZE", "COMPRESSED", "TOP LAYER (COMPRESSED)", "BUILD"});
        for (ImageBuild.Built image : built) {
            Sizes sizes = measure(image.tag());
            String top = image.image().kind() == ImageBuild.Kind.SERVICE
                    ? "AOT cache " + mb(sizes.top().size()) + " (" + mb(sizes.top().compressed()) + ")"
                    : mb(sizes.top().size()) + " (" + mb(sizes.top().compressed()) + ")";
            rows.add(new String[] {image.tag(), mb(sizes.size()), mb(sizes.compressed()), top, image.took().toSeconds() + " s"});
        }
        int[] widths = new int[rows.getFirst().length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        var text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                text.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            text.append('\n');
        }
        return text.toString();
    }

    Sizes measure(String tag) {
        try {
            Process save = new ProcessBuilder(engine.command(), "save", "--format", "docker-archive", tag)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Map<String, Layer> layers = new HashMap<>();
            List<String> order = List.of();
            try (var tar = new TarArchiveInputStream(save.getInputStream())) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    String name = entry.getName();
                    if (name.equals("manifest.json")) {
                        order = layerOrder(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                    } else if (name.endsWith(".tar") && entry.isFile()) {
                        layers.put(name, layer(name, tar));
                    }
                }
            }
            if (!save.waitFor(5, TimeUnit.MINUTES) || save.exitValue() != 0) {
                throw new IllegalStateException(engine.command() + " save " + tag + " failed");
            }
            long size = 0;
            long compressed = 0;
            for (String name : order) {
                Layer layer = layers.get(name);
                size += layer.size();
                compressed += layer.compressed();
            }
            return new Sizes(size, compressed, layers.get(order.getLast()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + tag, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Layer layer(String name, InputStream content) throws IOException {
        Path known = cache.resolve(name.replace('/', '_') + ".size");
        if (Files.isRegularFile(known)) {
            String[] fields = Files.readString(known).strip().split(" ");
            content.transferTo(OutputStream.nullOutputStream());
            return new Layer(name, Long.parseLong(fields[0]), Long.parseLong(fields[1]));
        }
        var counted = new CountingOutputStream();
        long size;
        try (var gzip = new GZIPOutputStream(counted, 1 << 16)) {
            size = content.transferTo(gzip);
        }
        Files.createDirectories(cache);
        Files.writeString(known, size + " " + counted.count);
        return new Layer(name, size, counted.count);
    }

    static List<String> layerOrder(String manifest) {
        Matcher matcher = LAYERS.matcher(manifest);
        if (!matcher.find()) {
            throw new IllegalStateException("a docker-archive manifest without layers: " + manifest);
        }
        List<String> names = new ArrayList<>();
        for (String quoted : matcher.group(1).split(",")) {
            names.add(quoted.strip().replace("\"", ""));
        }
        return names;
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
