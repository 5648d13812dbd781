package dev.otapress.pipeline;

import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output folders that overlap the site's own files or each other are refused before anything is written. */
class OutputFoldersTest {

    @TempDir
    Path dir;
    private TestSite site;
    private Path publicDir;

    @BeforeEach
    void buildOnce() throws Exception {
        site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        site.release("releases/1.0", "A.ipa", TestIpa.app("A", "com.example.a").version("1.0", "1").enterpriseSigned());
        site.file("themes/mine/static/x.css", "body{}\n");
        Files.createDirectories(site.root().resolve(OutputFolders.CACHE));
        publicDir = site.root().resolve("public");
        assertEquals(Main.OK, build("--out", publicDir.toString()).code());
    }

    private record Run(int code, String err) {
    }

    private Run build(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "build";
        args[1] = "--site";
        args[2] = site.root().toString();
        System.arraycopy(options, 0, args, 3, options.length);
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new Run(code, err.toString());
    }

    @Test
    void aServerConfigFolderThatIsHoldsOrSitsInTheOutputIsRefusedAndThePortalStays() throws Exception {
        var before = TreeSnapshot.of(publicDir);
        for (Path config : List.of(publicDir, publicDir.resolve("server-config"), site.root().resolve("."),
                publicDir.resolve("releases/1.0"))) {
            Run run = build("--out", publicDir.toString(), "--server-config", config.toString());
            assertEquals(Main.FAILED, run.code(), config + ": " + run.err());
            assertTrue(run.err().contains("cannot be"), run.err());
            assertEquals(before, TreeSnapshot.of(publicDir), config + " changed the portal");
        }
        // The output inside the server-config folder, too.
        Path outer = dir.resolve("configs");
        Run run = build("--out", outer.resolve("public").toString(), "--server-config", outer.toString());
        assertEquals(Main.FAILED, run.code(), run.err());
        assertTrue(run.err().contains("is inside") || run.err().contains("holds"), run.err());
    }

    @Test
    void anOutputReachedThroughALinkIsComparedWhereItLeads() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("elsewhere"), site.root().resolve("content/releases"));
        Run run = build("--out", link.resolve("public").toString());
        assertEquals(Main.FAILED, run.code(), run.err());
        assertTrue(run.err().contains("is inside the site's content"), run.err());
        assertTrue(run.err().contains("resolves to"), run.err());
        assertTrue(Files.notExists(site.root().resolve("content/releases/public")));

        Path dotted = site.root().resolve("public/../content/x");
        Run dots = build("--out", dotted.toString());
        assertEquals(Main.FAILED, dots.code(), dots.err());
    }

    @Test
    void theCacheThemesAndSiteFilesAreNoOutputs() throws Exception {
        for (String inside : List.of(OutputFolders.CACHE, OutputFolders.CACHE + "/out", "themes", "themes/mine/static",
                "site.yaml", "content")) {
            Run run = build("--out", site.root().resolve(inside).toString());
            assertEquals(Main.FAILED, run.code(), inside + ": " + run.err());
            assertTrue(run.err().contains("cannot be an output folder"), run.err());
        }
        assertTrue(Files.exists(site.root().resolve("themes/mine/static/x.css")));
        assertTrue(Files.isDirectory(site.root().resolve(OutputFolders.CACHE)));
    }

    @Test
    void separateFoldersStillBuild() {
        assertEquals(Main.OK, build("--out", dir.resolve("www").toString(), "--server-config", dir.resolve("conf").toString()).code());
    }
}
