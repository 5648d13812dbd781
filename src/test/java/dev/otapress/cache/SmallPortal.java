package dev.otapress.cache;

import dev.otapress.pipeline.BuildOptions;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Three releases built with the cache on (two threads, a pinned clock), and the check the cache
 * tests share: the warm output is byte for byte a build's without any cache, into a new folder.
 */
final class SmallPortal {
    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    final TestSite site;
    private final Path dir;
    private int fresh;

    private SmallPortal(Path dir) throws IOException {
        this.dir = dir;
        this.site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        for (int i = 1; i <= 3; i++) {
            site.release("releases/1." + i, "Field.ipa", TestIpa.app("Field", "com.example.field").version("1." + i, "10" + i)
                    .enterpriseSigned().iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0xFF2266AA)));
            notes(i, "- fixed sync " + i + "\n- <b>bold</b> claims\n");
        }
    }

    static SmallPortal in(Path dir) throws IOException {
        return new SmallPortal(dir);
    }

    /** Writes the notes of release 1.{@code i}: its front matter, a heading, and {@code body}. */
    void notes(int i, String body) throws IOException {
        site.notes("releases/1." + i, "---\ndate: 2026-0" + i + "-01\n---\n## 1." + i + "\n\n" + body);
    }

    BuildResult warm() throws Exception {
        return new SiteBuilder(NOV_2026, new BuildOptions(2, true))
                .build(new BuildRequest(site.root(), site.out(), site.root().resolve("server-config"), null, false));
    }

    /** Builds warm into the site's output and without any cache into a new folder; both must be equal. */
    BuildResult assertWarmIsFresh(String why) throws Exception {
        BuildResult result = warm();
        Path other = dir.resolve("fresh-" + ++fresh);
        new SiteBuilder(NOV_2026, new BuildOptions(1, false))
                .build(new BuildRequest(site.root(), other.resolve("public"), other.resolve("server-config"), null, false));
        assertEquals(TreeSnapshot.of(other.resolve("public")), TreeSnapshot.of(site.out()), why);
        return result;
    }

    String page(String path) throws IOException {
        return Files.readString(site.out().resolve(path));
    }

    /** Flips a bit in the middle of a cache file, as a bad disk or an interrupted copy might. */
    static void damage(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
    }

    /** How many of the build's warnings say a cache file was damaged or foreign. */
    static long cacheWarnings(BuildResult result) {
        return result.warnings().stream().filter(d -> d.message().contains("damaged or foreign cache file")).count();
    }

    static Object identity(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
