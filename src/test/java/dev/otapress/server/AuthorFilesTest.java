package dev.otapress.server;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files beside a release that would change how the host treats the portal, or pass for its own, are refused. */
class AuthorFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {".htaccess", "web.config", "Web.Config", "_headers", "_redirects", "netlify.toml",
            ".user.ini", "feed.xml", "Manifest.plist", "releases.json", "ICON-57.png", "icon-512.png"})
    void refusesHostControlFilesAndGeneratedNames(String name) throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("releases/1.0", "App.ipa", TestIpa.app("App", "com.example.app").version("1.0", "1").enterpriseSigned());
        site.file("content/releases/1.0/" + name, "x\n");
        BuildException e = assertThrows(BuildException.class, () -> new SiteBuilder().build(
                new BuildRequest(site.root(), dir.resolve("out"), dir.resolve("server-config"), null, false)));
        Diagnostic d = e.diagnostics().stream().filter(x -> x.file() != null && x.file().endsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError(e.diagnostics().toString()));
        assertTrue(d.isError());
        assertTrue(d.message().contains("control file") || d.message().contains("generates"), d.message());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"_headers", ".well-known"})
    void refusesControlFilesOutsideReleaseFoldersToo(String name) throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("releases/1.0", "App.ipa", TestIpa.app("App", "com.example.app").version("1.0", "1").enterpriseSigned());
        site.file("content/" + name + (name.startsWith(".") ? "/x" : ""), "x\n");
        BuildException e = assertThrows(BuildException.class, () -> new SiteBuilder().build(
                new BuildRequest(site.root(), dir.resolve("out"), dir.resolve("server-config"), null, false)));
        assertTrue(e.diagnostics().stream().anyMatch(x -> x.file() != null && x.file().endsWith(name)), e.diagnostics().toString());
    }
}
