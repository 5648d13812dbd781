package dev.otapress.pipeline;

import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small site whose every text output is kept under src/test/resources/golden/, so any change
 * to what the build writes shows up as a reviewable diff. Rewrite the files after an intended
 * change with {@code mvn test -Dtest=GoldenSiteTest -Dotapress.writeGolden=true}.
 */
class GoldenSiteTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    @Test
    void theBuildWritesExactlyTheGoldenFiles() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site"))
                .siteYaml("title: Golden & Co\nbase_url: https://apps.example.com/ios\ndescription: Builds for <testers>\n");
        site.file("content/_index.md", "Welcome. **Trust** the developer after the first install.\n");
        site.release("releases/1.0", "Golden.ipa", TestIpa.app("Golden", "com.example.golden").version("1.0", "10")
                .enterpriseSigned().time(Instant.parse("2026-03-01T12:00:00Z")));
        site.release("releases/1.1 beta", "Golden App.ipa", TestIpa.app("Golden", "com.example.golden").version("1.1", "11")
                .enterpriseSigned());
        site.notes("releases/1.1 beta", "---\ntitle: Golden 1.1 <beta>\ndate: 2026-04-02\nchannel: beta\n---\n"
                + "## New\n\n- Faster & smaller\n- [Docs](https://example.com/docs) <b>raw</b>\n");
        // Author files beside a release: the web-root configs list them one by one for IIS and Netlify.
        site.file("content/releases/1.0/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        site.file("content/releases/1.0/known issues.txt", "None.\n");
        Path out = dir.resolve("out");
        new SiteBuilder(Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC))
                .build(new BuildRequest(site.root(), out, dir.resolve("server-config"), null, false));

        // The server configs are golden too, under server-config/ (no content path can start with it here).
        Path configs = dir.resolve("server-config");
        Files.move(configs, out.resolve("server-config"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).filter(GoldenSiteTest::isText).sorted().toList();
        }
        assertTrue(files.size() >= 6, files.toString());
        boolean write = Boolean.getBoolean("otapress.writeGolden");
        for (Path file : files) {
            String relative = out.relativize(file).toString();
            Path golden = GOLDEN.resolve(relative);
            if (write) {
                Files.createDirectories(golden.getParent());
                Files.copy(file, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertTrue(Files.exists(golden), relative + " is new: check it, then rerun with -Dotapress.writeGolden=true");
            assertEquals(Files.readString(golden), Files.readString(file), relative + " differs from " + golden);
        }
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            assertEquals(files.size(), walk.filter(Files::isRegularFile).count(), "golden files that the build no longer writes");
        }
    }

    private static boolean isText(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".html") || name.endsWith(".plist") || name.endsWith(".json") || name.endsWith(".xml")
                || List.of(".htaccess", "_headers", "web.config", "nginx.conf", "apache.conf", "Caddyfile", "s3.md").contains(name);
    }
}
