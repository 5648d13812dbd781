package dev.otapress.cache;

import dev.otapress.pipeline.BuildOptions;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestProfiles;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page, icon or other made file taken over from the previous output is never stale: after any
 * change to what it shows, the warm build's output is byte for byte a fresh build's.
 */
class PageReuseTest {
    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
    private static final String PAGE = "releases/1.2/index.html";

    @TempDir
    Path dir;
    private int fresh;

    private static TestIpa app(String version) {
        return TestIpa.app("Field", "com.example.field").version(version, version.replace(".", "")).enterpriseSigned()
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0xFF2266AA));
    }

    private TestSite site() throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        for (int i = 1; i <= 4; i++) release(site, i);
        return site;
    }

    private static void release(TestSite site, int i) throws IOException {
        site.release("releases/1." + i, "Field.ipa", app("1." + i));
        site.notes("releases/1." + i, "---\ndate: 2026-0" + i + "-01\n---\n## 1." + i + "\n\n- fixed sync " + i + "\n");
    }

    private BuildResult warm(TestSite site, Clock clock) throws Exception {
        return new SiteBuilder(clock, new BuildOptions(2, true))
                .build(new BuildRequest(site.root(), site.out(), site.root().resolve("server-config"), null, false));
    }

    /** Builds warm into the site's output and without any cache into a new folder; both must be equal. */
    private void assertWarmIsFresh(TestSite site, Clock clock, String why) throws Exception {
        warm(site, clock);
        Path other = dir.resolve("fresh-" + ++fresh);
        new SiteBuilder(clock, new BuildOptions(1, false))
                .build(new BuildRequest(site.root(), other.resolve("public"), other.resolve("server-config"), null, false));
        assertEquals(TreeSnapshot.of(other.resolve("public")), TreeSnapshot.of(site.out()), why);
    }

    private static Object identity(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void anUnchangedRebuildLinksEveryPageAndIconFromThePreviousOutput() throws Exception {
        TestSite site = site();
        warm(site, NOV_2026);
        Object page = identity(site.out().resolve(PAGE));
        Object icon = identity(site.out().resolve("releases/1.2/icon-512.png"));
        assertWarmIsFresh(site, NOV_2026, "a rebuild with nothing changed");
        assertEquals(page, identity(site.out().resolve(PAGE)), "the page is the previous output's file, linked");
        assertEquals(icon, identity(site.out().resolve("releases/1.2/icon-512.png")), "the icon too");
    }

    @Test
    void editedNotesChangeTheirPageAndTheNeighboursThatReadThemOut() throws Exception {
        TestSite site = site();
        warm(site, NOV_2026);
        String before = text(site.out().resolve("releases/1.3/index.html"));
        site.notes("releases/1.2", "---\ndate: 2026-02-01\n---\n## 1.2\n\n- fixed the login screen\n");
        assertWarmIsFresh(site, NOV_2026, "edited notes");
        assertTrue(text(site.out().resolve(PAGE)).contains("fixed the login screen"));
        assertNotEquals(before, text(site.out().resolve("releases/1.3/index.html")), "1.3 reads out the notes of 1.2");
    }

    @Test
    void anEditedTemplateOrThemeFileChangesEveryPage() throws Exception {
        TestSite site = site();
        String layout = Files.readString(Path.of("themes/default/templates/layout.ftlh"));
        site.file("templates/layout.ftlh", layout);
        warm(site, NOV_2026);
        site.file("templates/layout.ftlh", layout.replace("<html lang=\"en\">", "<html lang=\"en\" data-edited>"));
        assertWarmIsFresh(site, NOV_2026, "an edited template");
        assertTrue(text(site.out().resolve(PAGE)).contains("data-edited"));

        Files.delete(site.root().resolve("templates/layout.ftlh"));
        site.file("themes/mine/templates/layout.ftlh", layout.replace("<html lang=\"en\">", "<html lang=\"en\" data-theme>"));
        site.siteYaml(Files.readString(site.root().resolve("site.yaml")) + "theme: mine\n");
        assertWarmIsFresh(site, NOV_2026, "another theme");
        site.file("themes/mine/templates/layout.ftlh", layout.replace("<html lang=\"en\">", "<html lang=\"en\" data-theme-2>"));
        assertWarmIsFresh(site, NOV_2026, "an edited theme file");
        assertTrue(text(site.out().resolve(PAGE)).contains("data-theme-2"));
    }

    @Test
    void aNewNeighbourChangesWhatsNewSinceAndTheLinksOfTheOthers() throws Exception {
        TestSite site = site();
        warm(site, NOV_2026);
        String newestBefore = text(site.out().resolve("releases/1.4/index.html"));
        release(site, 5);
        assertWarmIsFresh(site, NOV_2026, "a release added");
        assertNotEquals(newestBefore, text(site.out().resolve("releases/1.4/index.html")), "1.4 is no longer the newest");
    }

    @Test
    void aClockCrossingAnExpiryWarningOrDateChangesThePages() throws Exception {
        TestSite site = site();
        byte[] profile = TestProfiles.enterprise("Acme Short")
                .dates(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-10T00:00:00Z")).cms();
        site.release("releases/1.2", "Field.ipa", app("1.2").embeddedProfile(profile));
        warm(site, NOV_2026);
        String before = text(site.out().resolve(PAGE));
        assertWarmIsFresh(site, Clock.fixed(Instant.parse("2026-12-20T00:00:00Z"), ZoneOffset.UTC), "within the warning days");
        String soon = text(site.out().resolve(PAGE));
        assertNotEquals(before, soon, "the page says the profile expires soon");
        assertWarmIsFresh(site, Clock.fixed(Instant.parse("2027-01-11T00:00:00Z"), ZoneOffset.UTC), "after the expiry date");
        assertNotEquals(soon, text(site.out().resolve(PAGE)), "the page says the profile expired");
    }

    @Test
    void aSiteYamlChangeChangesThePages() throws Exception {
        TestSite site = site();
        warm(site, NOV_2026);
        site.siteYaml(Files.readString(site.root().resolve("site.yaml")).replaceFirst("title: .*", "title: Renamed Portal"));
        assertWarmIsFresh(site, NOV_2026, "a new title");
        assertTrue(text(site.out().resolve(PAGE)).contains("Renamed Portal"));
    }

    @Test
    void aFileEditedInThePreviousOutputIsMadeAfresh() throws Exception {
        TestSite site = site();
        warm(site, NOV_2026);
        Path page = site.out().resolve(PAGE);
        Files.writeString(page, "edited by hand\n");
        Files.writeString(site.out().resolve("releases/1.2/icon-512.png"), "not an icon");
        assertWarmIsFresh(site, NOV_2026, "files edited in the output");
    }

    @Test
    void aDamagedRecordOfThePreviousOutputIsIgnoredWithAWarning() throws Exception {
        TestSite site = site();
        warm(site, NOV_2026);
        Path record;
        try (Stream<Path> walk = Files.walk(site.root().resolve(IpaCache.FOLDER))) {
            record = walk.filter(p -> p.getParent().getFileName().toString().equals("outputs")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(record);
        bytes[bytes.length / 2] ^= 1;
        Files.write(record, bytes);
        BuildResult result = warm(site, NOV_2026);
        assertEquals(1, result.warnings().stream().filter(d -> d.message().contains("damaged or foreign cache file")).count());
        assertWarmIsFresh(site, NOV_2026, "after a damaged record");
        Map<String, String> snapshot = TreeSnapshot.of(site.out());
        assertTrue(snapshot.containsKey(PAGE));
    }
}
