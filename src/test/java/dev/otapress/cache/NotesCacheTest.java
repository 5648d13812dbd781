package dev.otapress.cache;

import dev.otapress.pipeline.BuildOptions;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What notes rendered to is taken from the cache only for the very same text and settings: an
 * edit, however small and however the file's times look, renders again, and the output is byte
 * for byte a build's without any cache.
 */
class NotesCacheTest {
    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
    private static final String PAGE = "releases/1.2/index.html";

    @TempDir
    Path dir;
    private int fresh;

    private TestSite site() throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        for (int i = 1; i <= 3; i++) {
            site.release("releases/1." + i, "Field.ipa", TestIpa.app("Field", "com.example.field").version("1." + i, "10" + i)
                    .enterpriseSigned().iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0xFF2266AA)));
            notes(site, i, "- fixed sync " + i + "\n- <b>bold</b> claims\n");
        }
        return site;
    }

    private static void notes(TestSite site, int i, String body) throws IOException {
        site.notes("releases/1." + i, "---\ndate: 2026-0" + i + "-01\n---\n## 1." + i + "\n\n" + body);
    }

    private BuildResult warm(TestSite site) throws Exception {
        return new SiteBuilder(NOV_2026, new BuildOptions(2, true))
                .build(new BuildRequest(site.root(), site.out(), site.root().resolve("server-config"), null, false));
    }

    /** Builds warm into the site's output and without any cache into a new folder; both must be equal. */
    private BuildResult assertWarmIsFresh(TestSite site, String why) throws Exception {
        BuildResult result = warm(site);
        Path other = dir.resolve("fresh-" + ++fresh);
        new SiteBuilder(NOV_2026, new BuildOptions(1, false))
                .build(new BuildRequest(site.root(), other.resolve("public"), other.resolve("server-config"), null, false));
        assertEquals(TreeSnapshot.of(other.resolve("public")), TreeSnapshot.of(site.out()), why);
        return result;
    }

    private static Path notesFile(TestSite site) {
        return site.root().resolve(IpaCache.FOLDER).resolve(NotesCache.GENERATION).resolve("notes.bin");
    }

    private static long cacheWarnings(BuildResult result) {
        return result.warnings().stream().filter(d -> d.message().contains("damaged or foreign cache file")).count();
    }

    @Test
    void anEditWithTheSameSizeAndTimesChangesThePage() throws Exception {
        TestSite site = site();
        warm(site);
        assertTrue(Files.isRegularFile(notesFile(site)), "the build kept what the notes rendered to");
        Path file = site.root().resolve("content/releases/1.2/index.md");
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        notes(site, 2, "- fixed SYNC 2\n- <b>bold</b> claims\n");
        Files.setLastModifiedTime(file, modified);
        assertEquals(size, Files.size(file));
        assertWarmIsFresh(site, "notes edited in place, size and modification time as before");
        String page = Files.readString(site.out().resolve(PAGE));
        assertTrue(page.contains("fixed SYNC 2") && !page.contains("fixed sync 2"), page);
    }

    @Test
    void unchangedNotesAreTakenFromTheCacheWithTheSameBytes() throws Exception {
        TestSite site = site();
        warm(site);
        Object cached = Files.readAttributes(notesFile(site), BasicFileAttributes.class).fileKey();
        // Every notes file rewritten with the same text: new times, new inodes, the same key.
        for (int i = 1; i <= 3; i++) notes(site, i, "- fixed sync " + i + "\n- <b>bold</b> claims\n");
        BuildResult result = assertWarmIsFresh(site, "notes rewritten with the same text");
        assertEquals(0, cacheWarnings(result), result.warnings().toString());
        assertEquals(cached, Files.readAttributes(notesFile(site), BasicFileAttributes.class).fileKey(),
                "nothing new was rendered, so the cache file was not rewritten");
    }

    @Test
    void turningUnsafeHtmlOnRendersEveryNoteAgain() throws Exception {
        TestSite site = site();
        assertWarmIsFresh(site, "safe by default");
        assertTrue(Files.readString(site.out().resolve(PAGE)).contains("&lt;b&gt;bold&lt;/b&gt;"));
        site.siteYaml(Files.readString(site.root().resolve("site.yaml")) + "markdown:\n  unsafe_html: true\n");
        assertWarmIsFresh(site, "unsafe_html turned on");
        assertTrue(Files.readString(site.out().resolve(PAGE)).contains("<b>bold</b>"));
        site.siteYaml(Files.readString(site.root().resolve("site.yaml")).replace("unsafe_html: true", "unsafe_html: false"));
        assertWarmIsFresh(site, "and off again");
        assertTrue(Files.readString(site.out().resolve(PAGE)).contains("&lt;b&gt;bold&lt;/b&gt;"));
    }

    @Test
    void aDamagedOrForeignNotesCacheIsIgnoredWithAWarning() throws Exception {
        TestSite site = site();
        warm(site);
        Path file = notesFile(site);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
        BuildResult result = assertWarmIsFresh(site, "after a damaged notes cache");
        assertEquals(1, cacheWarnings(result), result.warnings().toString());
        assertTrue(result.warnings().stream().anyMatch(d -> file.equals(d.file())), "the warning names the file");
        assertEquals(0, cacheWarnings(warm(site)), "rewritten by that build: the next one is quiet");

        Files.writeString(file, "otapress notes cache 1\nnot what this version writes");
        assertEquals(1, cacheWarnings(assertWarmIsFresh(site, "after a foreign notes cache")));
        Files.write(file, new byte[] {0, 1, 2});
        assertEquals(1, cacheWarnings(assertWarmIsFresh(site, "after a truncated notes cache")));
    }

    @Test
    void aSuccessfulBuildKeepsOnlyTheNotesItUsed() throws Exception {
        TestSite site = site();
        notes(site, 3, "- a note only release 1.3 has\n");
        warm(site);
        assertTrue(Files.readString(notesFile(site), java.nio.charset.StandardCharsets.ISO_8859_1).contains("a note only release 1.3 has"));
        notes(site, 3, "- fixed sync 3\n");
        assertWarmIsFresh(site, "notes replaced");
        assertFalse(Files.readString(notesFile(site), java.nio.charset.StandardCharsets.ISO_8859_1).contains("a note only release 1.3 has"),
                "the replaced text's entry is gone");
    }
}
