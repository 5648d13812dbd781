package dev.otapress.cli;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.BuildResult;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.render.JsonListing;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * otapress prune on a portal that grows by a build a night: what goes, what stays, and what the
 * next build makes of it. Release dates are relative to now, as the command's are.
 */
class PruneCommandTest {
    private static final String BUNDLE_ID = "com.acme.field";
    private static final Instant TODAY = Instant.now().truncatedTo(ChronoUnit.DAYS);

    @TempDir
    Path dir;

    private TestSite site;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** A folder of the test site, its channel, its age in days and whether it is a draft. */
    private record R(String folder, String version, String build, String channel, int daysAgo, boolean draft, boolean notes) {
    }

    private static final List<R> RELEASES = List.of(
            new R("field/1.0-1", "1.0", "1", "stable", 100, false, true),
            new R("field/1.1-2", "1.1", "2", "stable", 60, false, true),
            new R("field/1.2-3", "1.2", "3", "stable", 10, false, true),
            new R("field/1.2.1-4", "1.2.1", "4", "nightly", 5, false, true),
            new R("field/1.2.1-5", "1.2.1", "5", "nightly", 4, false, true),
            new R("field/1.2.1-6", "1.2.1", "6", "nightly", 3, false, true),
            new R("field/1.2.1-7", "1.2.1", "7", "nightly", 2, false, true),
            new R("field/0.9-0", "0.9", "0", "nightly", 120, true, true),
            new R("expenses/2.0-20", "2.0", "20", "stable", 90, false, false),
            new R("expenses/2.1-21", "2.1", "21", "stable", 80, false, true));

    private static final Map<String, byte[]> IPAS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void layOut() throws Exception {
        site = TestSite.at(dir.resolve("site")).siteYaml("""
                title: Acme Builds
                base_url: https://apps.example.com/ios/
                channels:
                  - name: stable
                  - name: beta
                  - name: nightly
                """);
        for (R r : RELEASES) {
            boolean expenses = r.folder().startsWith("expenses");
            Instant date = TODAY.minus(Duration.ofDays(r.daysAgo())).plus(Duration.ofHours(9));
            // Signing a test build takes a while: each is made once for all the tests.
            byte[] ipa = IPAS.computeIfAbsent(r.folder(), f -> TestIpa.app(expenses ? "Expenses" : "Field",
                            expenses ? "com.acme.expenses" : BUNDLE_ID)
                    .version(r.version(), r.build()).enterpriseSigned().time(date)
                    .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solid(120, 0xFF2255AA)).bytes());
            Path file = content(r.folder()).resolve(expenses ? "Expenses.ipa" : "Field.ipa");
            Files.createDirectories(file.getParent());
            Files.write(file, ipa);
            if (r.notes()) {
                site.notes(r.folder(), "---\ntitle: \"Field " + r.version() + " (" + r.build() + ")\"\ndate: " + date
                        + "\nchannel: " + r.channel() + (r.draft() ? "\ndraft: true" : "") + "\n---\n- Notes of " + r.build()
                        + "\n\n![shot](shot.png)\n");
                site.file("content/" + r.folder() + "/shot.png", "not really a png");
            }
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = Stream.concat(Stream.of("prune", "-s", site.root().toString()), Stream.of(args)).toArray(String[]::new);
        return Main.run(all, new PrintWriter(out), new PrintWriter(err));
    }

    private Path content(String relative) {
        return site.root().resolve("content").resolve(relative);
    }

    /** The release folders (under content/) that still hold an .ipa. */
    private Set<String> withIpa() throws Exception {
        try (Stream<Path> walk = Files.walk(site.root().resolve("content"))) {
            return walk.filter(p -> p.toString().endsWith(".ipa"))
                    .map(p -> site.root().resolve("content").relativize(p.getParent()).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> all() {
        return RELEASES.stream().map(R::folder).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> without(String... folders) {
        Set<String> s = all();
        for (String f : folders) s.remove(f);
        return s;
    }

    private BuildResult build(String out) throws BuildException {
        return new SiteBuilder().build(BuildRequest.of(site.root(), dir.resolve(out), dir.resolve(out + "-config"), null, false));
    }

    @Test
    void aDryRunListsWhatWouldGoAndTheBytesAndChangesNothing() throws Exception {
        Map<String, String> before = TreeSnapshot.of(site.root().resolve("content"));
        assertEquals(Main.OK, run("--keep", "1", "--dry-run"), err.toString());
        assertEquals(before, TreeSnapshot.of(site.root().resolve("content")));
        String text = out.toString();
        long bytes = 0;
        for (String f : List.of("field/1.0-1", "field/1.1-2", "field/1.2.1-4", "field/1.2.1-5", "field/1.2.1-6", "expenses/2.0-20")) {
            assertTrue(text.contains(f), f + " is listed: " + text);
            bytes += Files.size(content(f).resolve(f.startsWith("expenses") ? "Expenses.ipa" : "Field.ipa"));
        }
        assertFalse(text.contains("1.2-3") || text.contains("1.2.1-7") || text.contains("0.9-0"), text);
        assertTrue(text.contains("would remove 6 .ipa files, freeing " + BuildCommand.megabytes(bytes)), text);
        assertTrue(text.contains("Git LFS") && text.contains("keeps its copies"), text);

        assertEquals(Main.OK, run("--keep", "1", "--dry-run", "--json"), err.toString());
        assertTrue(out.toString().contains("\"bytes\":" + bytes), out.toString());
        assertTrue(out.toString().contains("\"dryRun\":true"), out.toString());
        assertEquals(before, TreeSnapshot.of(site.root().resolve("content")));
    }

    @Test
    void keepsTheNewestOfEachAppAndChannelEveryNotesFileAndEveryOtherFile() throws Exception {
        Map<String, String> draft = TreeSnapshot.of(content("field/0.9-0"));
        String notes11 = Files.readString(content("field/1.1-2/index.md"));
        assertEquals(Main.OK, run("--keep", "1"), err.toString());
        assertEquals(Set.of("field/1.2-3", "field/1.2.1-7", "field/0.9-0", "expenses/2.1-21"), withIpa(), out.toString());
        for (R r : RELEASES) {
            assertTrue(Files.isRegularFile(content(r.folder()).resolve("index.md")), r.folder());
            if (r.notes()) assertTrue(Files.isRegularFile(content(r.folder()).resolve("shot.png")), r.folder());
        }
        assertEquals(draft, TreeSnapshot.of(content("field/0.9-0")), "drafts are left alone");
        assertTrue(out.toString().contains("Removed 6 .ipa files"), out.toString());
        assertTrue(out.toString().contains("git add -A "), out.toString());

        // The notes and the keys already there are kept byte for byte; the block goes before the closing line.
        String after = Files.readString(content("field/1.1-2/index.md"));
        int close = notes11.indexOf("\n---\n") + 1;
        assertTrue(after.startsWith(notes11.substring(0, close) + "pruned:\n  removed: \""), after);
        assertTrue(after.endsWith(notes11.substring(close)), after);
        assertTrue(after.contains("  sha256: \"") && after.contains("  bundle_id: \"com.acme.field\"")
                && after.contains("  profile:\n    type: \"enterprise\"") && after.contains("  icon: \"app-icon.png\""), after);
        assertTrue(Files.isRegularFile(content("field/1.1-2/app-icon.png")));
        // A release without index.md gets one that records the build.
        assertTrue(Files.readString(content("expenses/2.0-20/index.md")).startsWith("---\npruned:\n"));

        assertEquals(Main.OK, run("--keep", "1"), err.toString());
        assertTrue(out.toString().contains("Nothing to prune"), out.toString());
    }

    @Test
    void aBuildAfterPruneListsThePrunedReleasesWithoutInstallLinkManifestOrIpa() throws Exception {
        BuildResult before = build("before");
        assertEquals(Main.OK, run("--keep", "1"), err.toString());
        BuildResult after = build("after");
        assertEquals(before.site().releases().size(), after.site().releases().size());
        assertTrue(after.warnings().stream().noneMatch(w -> w.message().contains("no .ipa")), after.warnings().toString());
        Path pub = dir.resolve("after");
        Path page = pub.resolve("field/1.1-2/index.html");
        String html = Files.readString(page);
        assertTrue(html.contains("No longer available (removed on "), html);
        assertFalse(html.contains("itms-services"), html);
        assertTrue(html.contains("Field.ipa (no longer published)"), html);
        assertTrue(html.contains("com.acme.field") && html.contains("1.1 (build 2)"), html);
        assertFalse(Files.exists(pub.resolve("field/1.1-2/manifest.plist")));
        assertFalse(Files.exists(pub.resolve("field/1.1-2/Field.ipa")));
        assertTrue(Files.exists(pub.resolve("field/1.1-2/shot.png")));
        assertTrue(Files.exists(pub.resolve("field/1.2-3/manifest.plist")));
        // The icon is the app's own, not a placeholder.
        assertEquals(TreeSnapshot.of(dir.resolve("before/field/1.1-2")).get("icon-120.png"),
                TreeSnapshot.of(pub.resolve("field/1.1-2")).get("icon-120.png"));

        JsonListing.Listing listing = JsonListing.read(Files.readAllBytes(pub.resolve("releases.json")));
        var field = listing.apps().stream().filter(a -> a.bundleIdentifier().equals(BUNDLE_ID)).findFirst().orElseThrow();
        var pruned = field.releases().stream().filter(r -> r.build().equals("2")).findFirst().orElseThrow();
        assertEquals("ipa-pruned", pruned.state());
        assertTrue(pruned.stateReason().startsWith("removed on "), pruned.stateReason());
        assertNull(pruned.installUrl());
        assertNull(pruned.ipaUrl());
        assertEquals(Files.size(dir.resolve("before/field/1.1-2/Field.ipa")), pruned.size());
        var kept = field.releases().stream().filter(r -> r.build().equals("3")).findFirst().orElseThrow();
        assertEquals("installable", kept.state());
        assertNotNull(kept.installUrl());

        String app = Files.readString(pub.resolve("apps/" + BUNDLE_ID + "/index.html"));
        assertTrue(app.contains("Version 1.1") && app.contains("No longer available"), app);

        // Pages that show no pruned release do not change.
        for (String unchanged : List.of("field/1.2-3/index.html", "expenses/2.1-21/index.html")) {
            assertEquals(Files.readString(dir.resolve("before").resolve(unchanged)), Files.readString(pub.resolve(unchanged)), unchanged);
        }
    }

    @Test
    void historyPagesThatShowNoPrunedReleaseStayByteIdentical() throws Exception {
        // Unsigned builds, which are quick to make, published with the profile check off.
        TestSite nightly = TestSite.at(dir.resolve("nightly")).siteYaml("title: Nightlies\nbase_url: https://apps.example.com/ios/\n"
                + "checks:\n  missing_profile: false\n");
        for (int n = 1; n <= 55; n++) {
            Instant date = TODAY.minus(Duration.ofDays(200 - n));
            nightly.release("field/" + n, "Field.ipa", TestIpa.app("Field", BUNDLE_ID).version("1.0", String.valueOf(n)).time(date));
        }
        site = nightly;
        build("before");
        // Builds 1 to 50 are history page 1, 51 to 55 page 2; the five oldest lose their .ipa.
        assertEquals(Main.OK, run("--keep", "50"), err.toString());
        build("after");
        Path history = Path.of("apps", BUNDLE_ID, "history");
        String page1 = Files.readString(dir.resolve("after").resolve(history).resolve("1/index.html"));
        assertTrue(page1.contains("No longer available (removed on "), page1);
        assertEquals(Files.readString(dir.resolve("before").resolve(history).resolve("2/index.html")),
                Files.readString(dir.resolve("after").resolve(history).resolve("2/index.html")));
        assertEquals(Files.readString(dir.resolve("before/field/6/index.html")), Files.readString(dir.resolve("after/field/6/index.html")));
    }

    @Test
    void olderThanUsesTheReleaseDateAndBothRulesMustAgree() throws Exception {
        assertEquals(Main.OK, run("--older-than", "30"), err.toString());
        assertEquals(without("field/1.0-1", "field/1.1-2", "expenses/2.0-20"), withIpa(), out.toString());

        assertEquals(Main.OK, run("--older-than", "30", "--keep", "1"), err.toString());
        assertEquals(without("field/1.0-1", "field/1.1-2", "expenses/2.0-20"), withIpa(), "nothing more: the nightlies are young");
    }

    @Test
    void keepCountsPerAppAndChannelAndAgeNarrowsIt() throws Exception {
        assertEquals(Main.OK, run("--keep", "2", "--older-than", "50"), err.toString());
        assertEquals(without("field/1.0-1"), withIpa(), out.toString());
    }

    @Test
    void channelLimitsThePruneToThatChannel() throws Exception {
        assertEquals(Main.OK, run("--keep", "1", "--channel", "nightly", "--json"), err.toString());
        assertEquals(without("field/1.2.1-4", "field/1.2.1-5", "field/1.2.1-6"), withIpa(), out.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals(3, json.get("removed").size(), out.toString());
        assertEquals("field/1.2.1-4", json.get("removed").get(0).get("sitePath").asText());
        assertEquals("nightly", json.get("policy").get("channels").get(0).asText());
        assertTrue(json.get("gitAdd").asText().startsWith("git add -A "), out.toString());

        assertEquals(Main.FAILED, run("--keep", "1", "--channel", "nighlty"));
        assertTrue(err.toString().contains("did you mean 'nightly'?"), err.toString());
    }

    @Test
    void theSiteYamlPolicyLetsCiRunPlainPrune() throws Exception {
        Files.writeString(site.root().resolve("site.yaml"), "prune:\n  keep: 2\n  channels: [nightly]\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Main.OK, run(), err.toString());
        assertEquals(without("field/1.2.1-4", "field/1.2.1-5"), withIpa(), out.toString());
        assertTrue(out.toString().startsWith("Policy (site.yaml): keep the newest 2"), out.toString());
    }

    @Test
    void withoutAPolicyNothingIsDeleted() throws Exception {
        Map<String, String> before = TreeSnapshot.of(site.root().resolve("content"));
        assertEquals(Main.FAILED, run());
        assertTrue(err.toString().contains("--keep N") && err.toString().contains("prune: {keep: 30"), err.toString());
        assertEquals(before, TreeSnapshot.of(site.root().resolve("content")));
        assertEquals(Main.USAGE, run("--keep", "0"));
    }

    @Test
    void aBadPolicyInSiteYamlIsAnErrorWithItsLineAndChangesNothing() throws Exception {
        Map<String, String> before = TreeSnapshot.of(site.root().resolve("content"));
        String yaml = Files.readString(site.root().resolve("site.yaml"));
        int line = (int) yaml.lines().count() + 2;
        for (String[] bad : List.of(
                new String[] {"prune:\n  keep: 0\n", "'keep' must be 1 or more"},
                new String[] {"prune:\n  kep: 3\n", "did you mean 'keep'?"},
                new String[] {"prune:\n  keep: many\n", "'keep' must be a whole number"},
                new String[] {"prune:\n  keep: 3\n  channels: [nighly]\n", "did you mean 'nightly'?"})) {
            Files.writeString(site.root().resolve("site.yaml"), yaml + bad[0]);
            assertEquals(Main.FAILED, run(), bad[0]);
            int at = bad[0].contains("channels") ? line + 1 : line;
            assertTrue(err.toString().contains("site.yaml:" + at + ": error: ") && err.toString().contains(bad[1]), err.toString());
            assertEquals(before, TreeSnapshot.of(site.root().resolve("content")));
        }
        Files.writeString(site.root().resolve("site.yaml"), yaml + "prune:\n  channels: [nightly]\n");
        assertEquals(Main.FAILED, run());
        assertTrue(err.toString().contains("site.yaml:" + (line - 1) + ": error: 'prune' needs 'keep'"), err.toString());
    }

    @Test
    void aRerunFinishesAPruneThatStoppedBeforeDeletingTheIpa() throws Exception {
        byte[] ipa = Files.readAllBytes(content("field/1.2.1-5/Field.ipa"));
        assertEquals(Main.OK, run("--keep", "1", "--channel", "nightly"), err.toString());
        String recorded = Files.readString(content("field/1.2.1-5/index.md"));
        // As if the prune had stopped between writing index.md and deleting the .ipa.
        Files.write(content("field/1.2.1-5/Field.ipa"), ipa);

        BuildResult built = build("between");
        assertTrue(Files.exists(dir.resolve("between/field/1.2.1-5/manifest.plist")), "still installable while the .ipa is there");
        assertTrue(built.warnings().stream().map(Diagnostic::message).anyMatch(m -> m.contains("run otapress prune to finish")),
                built.warnings().toString());

        assertEquals(Main.OK, run("--keep", "100"), err.toString());
        assertTrue(out.toString().contains("already records the removal"), out.toString());
        assertFalse(Files.exists(content("field/1.2.1-5/Field.ipa")));
        assertEquals(recorded, Files.readString(content("field/1.2.1-5/index.md")), "recorded once");
        build("after");
        assertFalse(Files.exists(dir.resolve("after/field/1.2.1-5/manifest.plist")));
    }

    @Test
    void aBlockForOtherBytesIsLeftAloneWithAWarning() throws Exception {
        assertEquals(Main.OK, run("--keep", "1", "--channel", "nightly"), err.toString());
        // A different build put back into a pruned folder: its block no longer describes it.
        site.release("field/1.2.1-5", "Field.ipa", TestIpa.app("Field", BUNDLE_ID).version("1.2.1", "5").enterpriseSigned()
                .time(TODAY.minus(Duration.ofDays(30))));
        assertEquals(Main.OK, run("--keep", "1", "--channel", "nightly"), err.toString());
        assertTrue(Files.exists(content("field/1.2.1-5/Field.ipa")));
        assertTrue(err.toString().contains("for other bytes") && err.toString().contains("leaves this release alone"), err.toString());
    }

    @Test
    void aPrunedRecommendedBuildIsWarnedAbout() throws Exception {
        assertEquals(Main.OK, run("--keep", "1", "--channel", "stable"), err.toString());
        // Removing the newest stable release by hand leaves a pruned one in front.
        try (Stream<Path> files = Files.walk(content("field/1.2-3"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        BuildResult built = build("after");
        assertTrue(built.warnings().stream().anyMatch(w -> w.message().contains("its .ipa was pruned")
                && w.file().equals(content("field/1.1-2"))), built.warnings().toString());
    }

    @Test
    void addRefusesToFileAPrunedBuildAgain() throws Exception {
        Path copy = Files.copy(content("field/1.1-2/Field.ipa"), dir.resolve("Field.ipa"));
        assertEquals(Main.OK, run("--keep", "1"), err.toString());
        Map<String, String> before = TreeSnapshot.of(site.root().resolve("content"));
        err = new StringWriter();
        assertEquals(Main.FAILED, Main.run(new String[] {"add", copy.toString(), "-s", site.root().toString(), "-c", "stable"},
                new PrintWriter(out), new PrintWriter(err)));
        assertTrue(err.toString().contains("whose .ipa otapress prune removed"), err.toString());
        assertEquals(before, TreeSnapshot.of(site.root().resolve("content")));
    }

    @Test
    void aPrunedRecordMissingAFactIsAnErrorNamingTheFile() throws Exception {
        assertEquals(Main.OK, run("--keep", "1", "--channel", "nightly"), err.toString());
        Path notes = content("field/1.2.1-6/index.md");
        String text = Files.readString(notes);
        Files.writeString(notes, text.replaceAll("  sha256: \"[0-9a-f]+\"\n", ""));
        BuildException e = assertThrows(BuildException.class, () -> build("broken"));
        Diagnostic d = e.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(notes, d.file());
        assertTrue(d.line() > 1 && d.message().contains("'sha256'"), d.format());

        Map<String, String> before = TreeSnapshot.of(site.root().resolve("content"));
        assertEquals(Main.FAILED, run("--keep", "1"));
        assertTrue(err.toString().contains(notes.toString()) && err.toString().contains("sha256"), err.toString());
        assertEquals(before, TreeSnapshot.of(site.root().resolve("content")));
    }
}
