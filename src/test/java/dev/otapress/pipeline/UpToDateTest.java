package dev.otapress.pipeline;

import dev.otapress.BuildSummary;
import dev.otapress.Diagnostic;
import dev.otapress.cache.BuildRecord;
import dev.otapress.cache.IpaCache;
import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestProfiles;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build found up to date stands for a real one: whenever the check says so, a build made from
 * nothing at that moment writes the same bytes and the same warnings; and every change to what a
 * build reads, to what it wrote, to the request or to a verdict of the clock means a real build.
 */
class UpToDateTest {
    private static final Instant NOV_2026 = Instant.parse("2026-11-21T06:00:00Z");
    /** The short profile's expiry: within 30 days (the default warning) of early December 2026. */
    private static final Instant EXPIRES = Instant.parse("2027-01-10T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;
    private int fresh;

    private static TestIpa app(String version) {
        return TestIpa.app("Field", "com.example.field").version(version, version.replace(".", "")).enterpriseSigned()
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0xFF2266AA));
    }

    private TestSite site() throws IOException {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        for (int i = 1; i <= 3; i++) release(site, i);
        return site;
    }

    private static void release(TestSite site, int i) throws IOException {
        site.release("releases/1." + i, "Field.ipa", app("1." + i));
        site.notes("releases/1." + i, "---\ndate: 2026-0" + i + "-01\n---\n## 1." + i + "\n\n- fixed sync " + i + "\n");
    }

    /** A site whose 1.2 is signed with a profile that expires on {@link #EXPIRES}. */
    private TestSite expiringSite() throws IOException {
        TestSite site = site();
        byte[] profile = TestProfiles.enterprise("Acme Short").dates(Instant.parse("2026-01-01T00:00:00Z"), EXPIRES).cms();
        site.release("releases/1.2", "Field.ipa", app("1.2").embeddedProfile(profile));
        return site;
    }

    private static BuildRequest request(TestSite site) {
        return new BuildRequest(site.root(), site.out(), site.root().resolve("server-config"), null, false);
    }

    private static BuildResult build(BuildRequest request, Instant at) throws Exception {
        return new SiteBuilder(Clock.fixed(at, ZoneOffset.UTC), new BuildOptions(2, true)).build(request);
    }

    private static BuildResult build(TestSite site, Instant at) throws Exception {
        return build(request(site), at);
    }

    private static UpToDate.Check check(TestSite site, Instant at) {
        return UpToDate.check(request(site), at, 2);
    }

    /**
     * Asserts the claim itself: a build from nothing (no cache, no previous output) at {@code at}
     * writes what the output folder holds and warns what the record would replay.
     */
    private void assertStandsForAFreshBuild(TestSite site, Instant at) throws Exception {
        UpToDate.Check check = check(site, at);
        assertTrue(check.upToDate(), "up to date at " + at);
        Path other = dir.resolve("fresh-" + ++fresh);
        BuildResult result = new SiteBuilder(Clock.fixed(at, ZoneOffset.UTC), new BuildOptions(1, false))
                .build(new BuildRequest(site.root(), other.resolve("public"), other.resolve("server-config"), null, false));
        assertEquals(TreeSnapshot.of(other.resolve("public")), TreeSnapshot.of(site.out()), "the portal at " + at);
        assertEquals(TreeSnapshot.of(other.resolve("server-config")), TreeSnapshot.of(site.root().resolve("server-config")));
        assertEquals(messages(result.warnings()), messages(check.summary().warnings()), "the warnings at " + at);
        assertEquals(result.site().releases().size(), check.summary().releases());
    }

    private static List<String> messages(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    @Test
    void anUnchangedSiteIsUpToDateWithTheSummaryOfItsBuild() throws Exception {
        TestSite site = site();
        BuildResult result = build(site, NOV_2026);
        UpToDate.Check check = check(site, NOV_2026.plusSeconds(60));
        assertTrue(check.upToDate());
        BuildSummary summary = check.summary();
        assertEquals(result.summary(), summary, "counts, warnings and listing, word for word");
        assertEquals(3, summary.releases());
        assertEquals(List.of("releases/1.1", "releases/1.2", "releases/1.3"),
                summary.listing().stream().map(BuildSummary.Listed::sitePath).sorted().toList());
        assertStandsForAFreshBuild(site, NOV_2026.plusSeconds(60));
    }

    @Test
    void everyChangeToWhatABuildReadsMeansABuild() throws Exception {
        TestSite site = site();
        build(site, NOV_2026);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("notes edited, same size", () -> site.notes("releases/1.2",
                "---\ndate: 2026-02-01\n---\n## 1.2\n\n- fixed SYNC 2\n"));
        changes.put("a file added beside a release", () -> site.file("content/releases/1.2/extra.txt", "side\n"));
        changes.put("that file removed", () -> Files.delete(site.root().resolve("content/releases/1.2/extra.txt")));
        changes.put("a release added", () -> release(site, 4));
        changes.put("an .ipa replaced by another", () -> site.release("releases/1.1", "Field.ipa", app("1.1").version("1.1", "999")));
        changes.put("an .ipa's modification time", () -> Files.setLastModifiedTime(
                site.root().resolve("content/releases/1.3/Field.ipa"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z"))));
        changes.put("site.yaml edited", () -> site.siteYaml(Files.readString(site.root().resolve("site.yaml"))
                .replaceFirst("title: .*", "title: Renamed Portal")));
        changes.put("a site template added", () -> site.file("templates/layout.ftlh",
                Files.readString(Path.of("themes/default/templates/layout.ftlh")).replace("<html lang=\"en\">", "<html lang=\"en\" data-x>")));
        changes.put("a static file added", () -> site.file("static/extra.css", "body { color: red }\n"));
        changes.put("a theme folder added", () -> site.file("themes/unused/templates/README", "not used yet\n"));
        assertEachMeansABuild(site, changes);
    }

    @Test
    void theOutputMustBeAsTheLastBuildLeftIt() throws Exception {
        TestSite site = site();
        build(site, NOV_2026);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("a page edited", () -> Files.writeString(site.out().resolve("releases/1.2/index.html"), "edited by hand\n"));
        changes.put("a page removed", () -> Files.delete(site.out().resolve("releases/1.2/index.html")));
        changes.put("a file added", () -> Files.writeString(site.out().resolve("stray.html"), "stray\n"));
        changes.put("an empty folder added", () -> Files.createDirectories(site.out().resolve("stray")));
        changes.put("a server configuration edited", () -> Files.writeString(site.root().resolve("server-config/nginx.conf"), "#\n"));
        changes.put("a killed build's folder beside it", () -> Files.createDirectories(
                site.root().resolve(".otapress-new-public-dead1234/releases")));
        changes.put("the output removed", () -> {
            try (Stream<Path> walk = Files.walk(site.out())) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        });
        assertEachMeansABuild(site, changes);
    }

    /** Each change in turn: up to date before it, not after it, and the build after it stands for a fresh one. */
    private void assertEachMeansABuild(TestSite site, Map<String, Change> changes) throws Exception {
        for (Map.Entry<String, Change> change : changes.entrySet()) {
            assertTrue(check(site, NOV_2026).upToDate(), "before: " + change.getKey());
            change.getValue().apply();
            assertFalse(check(site, NOV_2026).upToDate(), change.getKey());
            build(site, NOV_2026);
            assertStandsForAFreshBuild(site, NOV_2026);
        }
    }

    @Test
    void anotherRequestIsAnotherBuild() throws Exception {
        TestSite site = site();
        site.notes("releases/1.3", "---\ndate: 2026-03-01\ndraft: true\n---\n## 1.3\n");
        BuildRequest plain = request(site);
        build(plain, NOV_2026);
        assertTrue(UpToDate.check(plain, NOV_2026, 2).upToDate());
        BuildRequest drafts = new BuildRequest(site.root(), site.out(), plain.serverConfigDir(), null, true);
        BuildRequest staging = new BuildRequest(site.root(), site.out(), plain.serverConfigDir(), "https://staging.example.com/", false);
        assertFalse(UpToDate.check(drafts, NOV_2026, 2).upToDate(), "--drafts");
        assertFalse(UpToDate.check(staging, NOV_2026, 2).upToDate(), "--base-url");

        BuildRequest elsewhere = new BuildRequest(site.root(), dir.resolve("elsewhere/public"), dir.resolve("elsewhere/conf"), null, false);
        assertFalse(UpToDate.check(elsewhere, NOV_2026, 2).upToDate(), "another output folder");
        build(elsewhere, NOV_2026);
        assertTrue(UpToDate.check(elsewhere, NOV_2026, 2).upToDate());
        assertTrue(UpToDate.check(plain, NOV_2026, 2).upToDate(), "each output folder has its own record");
        assertEquals(1, UpToDate.check(plain, NOV_2026, 2).summary().skippedDrafts());
    }

    @Test
    void theClockHoldsUntilTheFirstMomentAVerdictCouldChange() throws Exception {
        TestSite site = expiringSite();
        // The other releases' profiles expire at 09:00 (in 2036): their days left change at 09:00 every day.
        build(site, NOV_2026);
        Instant nine = Instant.parse("2026-11-21T09:00:00Z");
        assertStandsForAFreshBuild(site, nine.minusNanos(1));
        assertFalse(check(site, nine).upToDate(), "a whole number of days before an expiry");
        assertFalse(check(site, NOV_2026.minusSeconds(1)).upToDate(), "a clock set back");

        // An hour before the warning starts, and within it: the page changes across the boundary.
        Instant warningStarts = EXPIRES.minus(DAY.multipliedBy(30));
        build(site, warningStarts.minusSeconds(3600));
        String before = Files.readString(site.out().resolve("releases/1.2/index.html"));
        assertStandsForAFreshBuild(site, warningStarts.minusNanos(1));
        assertFalse(check(site, warningStarts).upToDate(), "the warning starts");
        build(site, warningStarts.plusSeconds(1));
        assertNotEquals(before, Files.readString(site.out().resolve("releases/1.2/index.html")), "it says 'expires soon' now");

        // Ten days and two hours left: "in 10 days" holds for two hours.
        Instant tenDays = EXPIRES.minus(DAY.multipliedBy(10));
        build(site, tenDays.minusSeconds(7200));
        assertTrue(check(site, tenDays.minusSeconds(7200)).summary().warnings().stream()
                .anyMatch(d -> d.message().contains("(in 10 days)")));
        assertStandsForAFreshBuild(site, tenDays.minusSeconds(1));
        assertFalse(check(site, tenDays).upToDate(), "9 days left from here");

        // Once every profile has expired, nothing of the clock is left to change.
        byte[] profile = TestProfiles.enterprise("Acme Short").dates(Instant.parse("2026-01-01T00:00:00Z"), EXPIRES).cms();
        for (String v : List.of("1.1", "1.3")) site.release("releases/" + v, "Field.ipa", app(v).embeddedProfile(profile));
        // Every build is now an expired one: published anyway, as site.yaml allows.
        site.siteYaml(Files.readString(site.root().resolve("site.yaml")) + "checks:\n  expired_profile: false\n");
        build(site, EXPIRES.plusSeconds(60));
        assertNull(BuildRecord.read(BuildRecord.file(site.root(), site.out())).unchangedBefore());
        assertStandsForAFreshBuild(site, EXPIRES.plus(DAY.multipliedBy(400)));
    }

    @Test
    void onlyTheRecordsOfTheNewestOutputFoldersAreKept() throws Exception {
        TestSite site = site();
        List<BuildRequest> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Each a folder of its own, as every preview session builds into.
            BuildRequest r = new BuildRequest(site.root(), dir.resolve("preview-" + i + "/public"), dir.resolve("preview-" + i + "/conf"),
                    null, false);
            build(r, NOV_2026);
            requests.add(r);
        }
        try (Stream<Path> records = Files.list(site.root().resolve(IpaCache.FOLDER).resolve("builds"));
             Stream<Path> outputs = Files.walk(site.root().resolve(IpaCache.FOLDER))) {
            assertEquals(8, records.count(), "one record per output folder, the 8 newest");
            assertEquals(8, outputs.filter(p -> p.getParent().getFileName().toString().equals("outputs")).count(),
                    "and as many records of what each output folder holds");
        }
        assertTrue(UpToDate.check(requests.get(9), NOV_2026, 2).upToDate(), "the newest folder keeps its record");
        assertFalse(UpToDate.check(requests.get(0), NOV_2026, 2).upToDate(), "the oldest lost it");
        build(requests.get(0), NOV_2026);
        assertTrue(UpToDate.check(requests.get(0), NOV_2026, 2).upToDate(), "and gets it back with its next build");
    }

    @Test
    void aThemeThatReadsTheClockIsAlwaysBuilt() throws Exception {
        TestSite site = site();
        site.file("templates/layout.ftlh", Files.readString(Path.of("themes/default/templates/layout.ftlh"))
                .replace("</body>", "<!-- ${.now?iso_utc} --></body>"));
        build(site, NOV_2026);
        assertFalse(check(site, NOV_2026).upToDate());
    }

    @Test
    void aSymbolicLinkAmongTheInputsIsAlwaysBuilt() throws Exception {
        TestSite site = site();
        Path outside = Files.writeString(dir.resolve("outside.css"), "body { color: blue }\n");
        Files.createDirectories(site.root().resolve("static"));
        Files.createSymbolicLink(site.root().resolve("static/linked.css"), outside);
        try {
            build(site, NOV_2026);
        } catch (dev.otapress.BuildException e) {
            // Refusing the link is as good: no record is left either way.
        }
        assertFalse(check(site, NOV_2026).upToDate());
    }

    @Test
    void aDamagedRecordIsIgnoredWithAWarningAndRewritten() throws Exception {
        TestSite site = site();
        build(site, NOV_2026);
        Path record = BuildRecord.file(site.root(), site.out());
        byte[] bytes = Files.readAllBytes(record);
        bytes[bytes.length / 2] ^= 1;
        Files.write(record, bytes);
        UpToDate.Check check = check(site, NOV_2026);
        assertFalse(check.upToDate());
        assertEquals(1, check.warnings().size(), check.warnings().toString());
        assertTrue(check.warnings().get(0).message().contains("damaged or foreign cache file"));
        build(site, NOV_2026);
        assertTrue(check(site, NOV_2026).upToDate());
        Files.writeString(record, "not a record");
        assertFalse(check(site, NOV_2026).upToDate());
        assertEquals(1, check(site, NOV_2026).warnings().size());
    }

    @Test
    void whatABuildMetInItsOwnCacheIsNeverReplayed() throws Exception {
        TestSite site = site();
        build(site, NOV_2026);
        Path index;
        try (Stream<Path> walk = Files.walk(site.root().resolve(IpaCache.FOLDER))) {
            index = walk.filter(p -> p.getFileName().toString().equals("index.bin")).findFirst().orElseThrow();
        }
        Files.writeString(index, "damaged");
        site.notes("releases/1.1", "---\ndate: 2026-01-01\n---\n## 1.1\n\n- new words\n");
        BuildResult result = build(site, NOV_2026);
        assertTrue(result.warnings().stream().anyMatch(d -> d.message().contains("damaged or foreign cache file")));
        UpToDate.Check check = check(site, NOV_2026);
        assertTrue(check.upToDate());
        assertTrue(check.summary().warnings().stream().noneMatch(d -> d.message().contains("cache")),
                check.summary().warnings().toString());
    }

    @Test
    void theCommandSaysSoAndWritesNothing() throws Exception {
        TestSite site = site();
        site.release("releases/1.2", "Field.ipa", app("1.2").embeddedProfile(TestProfiles.adHoc("Pilot", 3).cms()));
        String[] build = {"build", "-s", site.root().toString()};
        String[] first = run(build);
        assertTrue(first[0].startsWith("Built 3 releases of 1 app"), first[0]);
        assertTrue(first[1].contains("ad hoc build for 3 registered devices"), "a warning to replay: " + first[1]);
        Path page = site.out().resolve("releases/1.2/index.html");
        BasicFileAttributes before = Files.readAttributes(page, BasicFileAttributes.class);

        String[] second = run(build);
        assertTrue(second[0].startsWith("Up to date: 3 releases of 1 app in "), second[0]);
        assertEquals(first[1], second[1], "the same warnings, word for word");
        BasicFileAttributes after = Files.readAttributes(page, BasicFileAttributes.class);
        assertEquals(before.fileKey(), after.fileKey(), "the page was not written again");
        assertEquals(before.lastModifiedTime(), after.lastModifiedTime());

        String[] forced = run(new String[] {"build", "--no-cache", "-s", site.root().toString()});
        assertTrue(forced[0].startsWith("Built 3 releases"), forced[0]);
    }

    private static String[] run(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(Main.OK, Main.run(args, new PrintWriter(out), new PrintWriter(err)), err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    @FunctionalInterface
    private interface Change {
        void apply() throws Exception;
    }
}
