package dev.otapress.cache;

import dev.otapress.pipeline.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static dev.otapress.cache.SmallPortal.cacheWarnings;
import static dev.otapress.cache.SmallPortal.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What notes rendered to is taken from the cache only for the very same text and settings: an
 * edit, however small and however the file's times look, renders again, and the output is byte
 * for byte a build's without any cache.
 */
class NotesCacheTest {
    private static final String PAGE = "releases/1.2/index.html";

    @TempDir
    Path dir;

    private static Path notesFile(SmallPortal portal) {
        return portal.site.root().resolve(IpaCache.FOLDER).resolve(NotesCache.GENERATION).resolve("notes.bin");
    }

    @Test
    void anEditWithTheSameSizeAndTimesChangesThePage() throws Exception {
        SmallPortal portal = SmallPortal.in(dir);
        portal.warm();
        assertTrue(Files.isRegularFile(notesFile(portal)), "the build kept what the notes rendered to");
        Path file = portal.site.root().resolve("content/releases/1.2/index.md");
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        portal.notes(2, "- fixed SYNC 2\n- <b>bold</b> claims\n");
        Files.setLastModifiedTime(file, modified);
        assertEquals(size, Files.size(file));
        portal.assertWarmIsFresh("notes edited in place, size and modification time as before");
        String page = portal.page(PAGE);
        assertTrue(page.contains("fixed SYNC 2") && !page.contains("fixed sync 2"), page);
    }

    @Test
    void unchangedNotesAreTakenFromTheCache() throws Exception {
        SmallPortal portal = SmallPortal.in(dir);
        portal.warm();
        Object cached = identity(notesFile(portal));
        // Every notes file rewritten with the same text: new times, new inodes, the same key.
        for (int i = 1; i <= 3; i++) portal.notes(i, "- fixed sync " + i + "\n- <b>bold</b> claims\n");
        BuildResult result = portal.assertWarmIsFresh("notes rewritten with the same text");
        assertEquals(0, cacheWarnings(result), result.warnings().toString());
        assertEquals(cached, identity(notesFile(portal)), "nothing new was rendered, so the cache file was not rewritten");
    }

    @Test
    void turningUnsafeHtmlOnRendersEveryNoteAgain() throws Exception {
        SmallPortal portal = SmallPortal.in(dir);
        Path yaml = portal.site.root().resolve("site.yaml");
        portal.assertWarmIsFresh("safe by default");
        assertTrue(portal.page(PAGE).contains("&lt;b&gt;bold&lt;/b&gt;"));
        portal.site.siteYaml(Files.readString(yaml) + "markdown:\n  unsafe_html: true\n");
        portal.assertWarmIsFresh("unsafe_html turned on");
        assertTrue(portal.page(PAGE).contains("<b>bold</b>"));
        portal.site.siteYaml(Files.readString(yaml).replace("unsafe_html: true", "unsafe_html: false"));
        portal.assertWarmIsFresh("and off again");
        assertTrue(portal.page(PAGE).contains("&lt;b&gt;bold&lt;/b&gt;"));
    }

    @Test
    void aDamagedOrForeignNotesCacheIsIgnoredWithAWarning() throws Exception {
        SmallPortal portal = SmallPortal.in(dir);
        portal.warm();
        Path file = notesFile(portal);
        SmallPortal.damage(file);
        BuildResult result = portal.assertWarmIsFresh("after a damaged notes cache");
        assertEquals(1, cacheWarnings(result), result.warnings().toString());
        assertTrue(result.warnings().stream().anyMatch(d -> file.equals(d.file())), "the warning names the file");
        assertEquals(0, cacheWarnings(portal.warm()), "rewritten by that build: the next one is quiet");

        Files.writeString(file, "otapress notes cache 0\nwhat an older otapress wrote");
        assertEquals(0, cacheWarnings(portal.assertWarmIsFresh("after an older version's notes cache")),
                "another version's file is set aside without a word, as a missing one");
        Files.writeString(file, "otapress notes cache 1\nnot what this version writes");
        assertEquals(1, cacheWarnings(portal.assertWarmIsFresh("after a foreign notes cache")));
        Files.write(file, new byte[] {0, 1, 2});
        assertEquals(1, cacheWarnings(portal.assertWarmIsFresh("after a truncated notes cache")));
    }

    @Test
    void aSuccessfulBuildKeepsOnlyTheNotesItUsed() throws Exception {
        SmallPortal portal = SmallPortal.in(dir);
        portal.notes(3, "- a note only release 1.3 has\n");
        portal.warm();
        assertTrue(Files.readString(notesFile(portal), StandardCharsets.ISO_8859_1).contains("a note only release 1.3 has"));
        portal.notes(3, "- fixed sync 3\n");
        portal.assertWarmIsFresh("notes replaced");
        assertFalse(Files.readString(notesFile(portal), StandardCharsets.ISO_8859_1).contains("a note only release 1.3 has"),
                "the replaced text's entry is gone");
    }
}
