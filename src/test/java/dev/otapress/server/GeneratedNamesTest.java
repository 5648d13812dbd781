package dev.otapress.server;

import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaTypes;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file a build generates is served by a rule for its exact name (or, for the .ipa, its
 * suffix), never by the rule for authors' files; a new kind of generated file fails here until
 * {@link HttpRules#GENERATED} names it.
 */
class GeneratedNamesTest {

    @TempDir
    Path dir;

    @Test
    void everyGeneratedFileHasANameRule() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("releases/1.0", "A.ipa", TestIpa.app("A", "com.example.a").version("1.0", "1").enterpriseSigned());
        site.release("other/2.0", "B.ipa", TestIpa.app("B", "com.example.b").version("2.0", "2").enterpriseSigned());
        site.file("content/releases/1.0/notes.html", "<p>x</p>\n");
        Set<String> sideFiles = Set.of("releases/1.0/notes.html");
        Path out = dir.resolve("out");
        new SiteBuilder().build(new BuildRequest(site.root(), out, dir.resolve("server-config"), null, false));

        Set<String> hostFiles = Set.of(".htaccess", "_headers", "web.config");
        List<String> unnamed = new ArrayList<>();
        int named = 0;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = out.relativize(file).toString().replace('\\', '/');
                String name = file.getFileName().toString();
                if (sideFiles.contains(path) || path.startsWith("assets/") || hostFiles.contains(path) || name.startsWith(".otapress")) {
                    continue;
                }
                boolean byName = HttpRules.GENERATED.stream().anyMatch(r -> r.fileName().equals(name));
                if (byName || MediaTypes.forName(name) == MediaTypes.IPA) named++;
                else unnamed.add(path);
            }
        }
        assertEquals(List.of(), unnamed, "generated files without a name rule: add them to HttpRules.GENERATED");
        assertTrue(named >= 10, "pages, manifests, icons, feeds, listing and .ipa files were checked: " + named);
        assertTrue(HttpRules.forPath("releases/1.0/index.html").page());
        assertFalse(HttpRules.forPath("releases/1.0/notes.html").page());
    }
}
