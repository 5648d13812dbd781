package dev.otapress.bench;

import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Times whole builds of a generated portal: {@code bench/build [releases] [MB per ipa] [runs]}.
 * Prints figures; asserts nothing (timings belong here, not in unit tests).
 */
public final class BuildBenchmark {
    public static void main(String[] args) throws Exception {
        int releases = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Files.createTempDirectory("otapress-bench");
        try {
            TestSite site = TestSite.at(root.resolve("site")).defaultSiteYaml();
            byte[] payload = new byte[megabytes * 1024 * 1024];
            new Random(1).nextBytes(payload);
            byte[] icon = TestPng.solidCgbi(180, 0xFF3366CC);
            for (int i = 0; i < releases; i++) {
                String app = "App" + (i % 3);
                site.release(app + "/1." + i, app + ".ipa", TestIpa.app(app, "com.example.bench" + (i % 3))
                        .version("1." + i, String.valueOf(i)).enterpriseSigned()
                        .iconFiles("AppIcon60x60").icon("AppIcon60x60@3x.png", icon)
                        .appEntry("Payload.bin", payload));
                site.notes(app + "/1." + i, "---\ndate: 2026-01-01\n---\n## Release " + i + "\n\n- fixes\n- [docs](https://example.com)\n");
            }
            long totalBytes;
            try (Stream<Path> walk = Files.walk(site.root().resolve("content"))) {
                totalBytes = walk.filter(p -> p.toString().endsWith(".ipa")).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf(Locale.ROOT, "portal: %d releases of 3 apps, %.0f MB of .ipa files%n", releases, totalBytes / 1e6);
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                BuildResult result = new SiteBuilder().build(new BuildRequest(site.root(), root.resolve("public"),
                        root.resolve("server-config"), null, false));
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %.2f s, %d files, %.0f MB/s of .ipa read and copied, peak heap %d MB%n",
                        run, seconds, result.files(), totalBytes / 1e6 / seconds,
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024 / 1024);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
