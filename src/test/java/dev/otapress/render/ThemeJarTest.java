package dev.otapress.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The built-in theme is read from the jar by pages rendered in parallel and by serve's rebuilds at once. */
class ThemeJarTest {
    @TempDir
    Path dir;

    @Test
    void manyThreadsReadTheJarsThemeAtOnce() throws Exception {
        Path jar = dir.resolve("theme.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("themes/default/templates/a.ftlh", "themes/default/templates/b.ftlh")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        URL url = new URL("jar:" + jar.toUri() + "!/themes/default/templates");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                reads.add(pool.submit(() -> Theme.read(url, root -> {
                    try (Stream<Path> list = Files.list(root)) {
                        return list.map(p -> p.getFileName().toString()).sorted().toList();
                    }
                })));
            }
            for (Future<List<String>> r : reads) assertEquals(List.of("a.ftlh", "b.ftlh"), r.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
