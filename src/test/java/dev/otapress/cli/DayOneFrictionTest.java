package dev.otapress.cli;

import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestProfiles;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mistakes a new user makes on day one, each explained instead of silent or cascading. */
class DayOneFrictionTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static TestIpa app(String version) {
        return TestIpa.app("Field", "com.acme.field").version(version, version).enterpriseSigned();
    }

    private TestSite site() throws Exception {
        return TestSite.at(dir.resolve("site")).defaultSiteYaml();
    }

    @Test
    void aBuildLeavesNoLockOrTemporaryFileInTheSiteAndWritesNothingInContent() throws Exception {
        TestSite site = site();
        site.release("field/1.0", "F.ipa", app("1.0"));
        Map<String, String> content = TreeSnapshot.of(site.root().resolve("content"));
        assertEquals(Main.OK, run("build", "-s", site.root().toString()), err.toString());
        assertEquals(Main.OK, run("build", "-s", site.root().toString()), err.toString());
        try (Stream<Path> names = Files.list(site.root())) {
            // The cache is the one folder a build may keep beside the site's own files.
            assertEquals(List.of("content", "public", "server-config", "site.yaml"),
                    names.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".otapress-cache")).sorted().toList());
        }
        assertEquals(content, TreeSnapshot.of(site.root().resolve("content")));
    }

    @Test
    void oneWrongKeyInSiteYamlDoesNotCascade() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml("title: Acme\nbase_url: https://apps.example.com/ios/\n"
                + "theme: ../mine\nchecks:\n  expired_profile: false\n");
        site.release("field/1.0", "F.ipa", TestIpa.app("Field", "com.acme.field").version("1.0", "1")
                .embeddedProfile(TestProfiles.enterprise("Old").dates(Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2021-01-01T00:00:00Z")).cms()));
        assertEquals(Main.FAILED, run("build", "-s", site.root().toString()));
        String first = err.toString().lines().findFirst().orElseThrow();
        assertTrue(first.contains("site.yaml") && first.contains("'theme'"), err.toString());
        assertFalse(err.toString().contains("expired_profile: false"), "checks: still applies: " + err);
        assertTrue(err.toString().lines().filter(l -> l.contains("error:")).noneMatch(l -> l.contains("expired")), err.toString());
        assertEquals(1, err.toString().lines().filter(l -> l.contains("error:")).count(), "one mistake, one error: " + err);
    }

    @Test
    void silentLayoutsGetWarningsNamingTheFix() throws Exception {
        TestSite site = site();
        site.release("field/1.0", "F.ipa", app("1.0"));
        site.file("content/field/1.0/RELEASE_NOTES.md", "Notes\n");
        site.notes("field/0.9", "---\ntitle: old\n---\n");
        site.file("content/index.md", "Welcome\n");
        assertEquals(Main.OK, run("build", "-s", site.root().toString()), err.toString());
        String warnings = err.toString();
        assertTrue(warnings.contains("RELEASE_NOTES.md: warning: is not read as the release notes"), warnings);
        assertTrue(warnings.contains("field/0.9/index.md: warning: has no .ipa beside it"), warnings);
        assertTrue(warnings.contains("content/index.md: warning: is not read: the home page's introduction is content/_index.md"),
                warnings);
    }

    @Test
    void aBuildWithNoReleaseWarns() throws Exception {
        TestSite site = site();
        assertEquals(Main.OK, run("build", "-s", site.root().toString()), err.toString());
        assertTrue(err.toString().contains("holds no release, so the portal is empty"), err.toString());
    }

    @Test
    void siteYmlIsNamed() throws Exception {
        Path root = dir.resolve("site");
        TestSite.at(root);
        Files.writeString(root.resolve("site.yml"), "title: A\nbase_url: https://a.example.com/\n");
        assertEquals(Main.FAILED, run("build", "-s", root.toString()));
        assertTrue(err.toString().contains("there is a site.yml: otapress reads site.yaml; rename it"), err.toString());
    }

    @Test
    void aGitLfsPointerIsNamed() throws Exception {
        TestSite site = site();
        site.file("content/field/1.0/F.ipa", "version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
        assertEquals(Main.FAILED, run("build", "-s", site.root().toString()));
        assertTrue(err.toString().contains("F.ipa: error: is a Git LFS pointer, not the build: run 'git lfs pull'"), err.toString());
    }

    @Test
    void serverConfigWithBaseUrlNeedsNoSiteYaml() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(Main.OK, run("server-config", "nginx", "-s", empty.toString(), "-b", "https://apps.example.com/ios/"),
                err.toString());
        assertTrue(out.toString().contains("/ios/"), out.toString());
    }
}
