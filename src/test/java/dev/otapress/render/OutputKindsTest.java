package dev.otapress.render;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry of output kinds: its plan is the output, its clashes are refused, its names have one home. */
class OutputKindsTest {
    @TempDir
    Path dir;

    private static TestIpa app(String id, String version) {
        return TestIpa.app("App", id).version(version, version).enterpriseSigned();
    }

    @Test
    void thePlanNamesExactlyTheFilesTheBuildWrites() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("releases/1.0", "App.ipa", app("com.example.a", "1.0"));
        site.release("releases/2.0", "App.ipa", app("com.example.a", "2.0"));
        site.release("other/1.0", "Other.ipa", app("com.example.b", "1.0"));
        site.file("content/releases/2.0/shot.png", "not really a png");
        var result = new SiteBuilder().build(BuildRequest.of(site.root()));

        Theme theme = Theme.resolve(site.root(), Theme.BUILT_IN, site.root().resolve("site.yaml"), new java.util.ArrayList<>());
        var prepared = new SiteRenderer(theme, site.root(), java.time.Instant.EPOCH).prepare(result.site(), result.sources());
        assertTrue(prepared.plan().problems().isEmpty(), prepared.plan().problems().toString());
        assertEquals(new TreeSet<>(prepared.plan().paths()), written(site.out()));
        assertTrue(prepared.plan().paths().contains("apps/com.example.b/index.html"), "several apps: app pages are planned");
        assertTrue(prepared.plan().paths().contains("releases/2.0/shot.png"));
    }

    @Test
    void aReleaseFolderNamedLikeAPortalFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("releases/1.0", "App.ipa", app("com.example.a", "1.0"));
        new SiteBuilder().build(BuildRequest.of(site.root()));
        TreeSet<String> before = written(site.out());
        // content/feed.xml/ would need a folder where the site's feed is a file.
        site.release("feed.xml", "App.ipa", app("com.example.a", "2.0"));
        BuildException e = assertThrows(BuildException.class, () -> new SiteBuilder().build(BuildRequest.of(site.root())));
        Diagnostic clash = e.diagnostics().stream().filter(d -> d.message().contains("would write feed.xml twice"))
                .findFirst().orElseThrow(() -> new AssertionError(e.diagnostics().toString()));
        assertEquals(site.root().resolve("content/feed.xml"), clash.file());
        assertTrue(clash.message().contains("assets/"), "the message names the reserved paths: " + clash.message());
        assertEquals(before, written(site.out()), "the last good portal stays");
    }

    @Test
    void reservedNamesComeFromTheKinds() {
        List<String> names = OutputKinds.reservedNames();
        for (String n : List.of(Urls.HOME, Urls.LISTING, Urls.FEED, Urls.ASSETS, Urls.APPS, ".htaccess", "web.config")) {
            assertTrue(names.contains(n), n + " in " + names);
        }
    }

    /** Output paths and links are built in Urls only: no other rendering source spells them. */
    @Test
    void noOtherRenderingSourceSpellsAnOutputPath() throws IOException {
        List<String> literals = List.of("\"releases.json\"", "\"assets/", "\"icon-", "\"index.html\"", "\"manifest.plist\"",
                "\"feed.xml\"", "\"apps/", ", 512)", ", 57)");
        for (String pkg : List.of("render", "pipeline", "output")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/otapress", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("Urls.java")).toList()) {
                    String text = Files.readString(f);
                    for (String literal : literals) assertFalse(text.contains(literal), f + " spells " + literal);
                }
            }
        }
    }

    private static TreeSet<String> written(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            TreeSet<String> paths = new TreeSet<>();
            walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(".otapress-output")).forEach(paths::add);
            return paths;
        }
    }
}
