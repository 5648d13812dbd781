package dev.otapress.cache;

import dev.otapress.Diagnostic;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache and parallelism change no output byte, never serve stale facts, and survive damage. */
class IpaCacheBuildTest {
    /** Each release icon is scaled to every size pages and manifests use. */
    private static final int SIZES = dev.otapress.render.IconSize.values().length;

    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static TestIpa app(String version) {
        return TestIpa.app("Field", "com.example.field").version(version, version.replace(".", "")).enterpriseSigned()
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0xFF2266AA));
    }

    private TestSite site(String name) throws IOException {
        TestSite site = TestSite.at(dir.resolve(name)).defaultSiteYaml();
        for (int i = 1; i <= 6; i++) {
            site.release("releases/1." + i, "Field.ipa", app("1." + i));
            site.notes("releases/1." + i, "---\ndate: 2026-0" + i + "-01\n---\n## 1." + i + "\n\n- fixed sync " + i + "\n");
        }
        return site;
    }

    private static BuildResult build(TestSite site, Path out, BuildOptions options) throws Exception {
        return new SiteBuilder(NOV_2026, options).build(new BuildRequest(site.root(), out, site.root().resolve("server-config"), null, false));
    }

    private static BuildOptions options(int threads, boolean cache) {
        return new BuildOptions(threads, cache);
    }

    @Test
    void cacheAndParallelismChangeNoOutputByte() throws Exception {
        TestSite site = site("site");
        build(site, dir.resolve("plain"), options(1, false));
        Map<String, String> plain = TreeSnapshot.of(dir.resolve("plain"));
        build(site, dir.resolve("cold"), options(4, true));
        assertEquals(plain, TreeSnapshot.of(dir.resolve("cold")), "a cold cache, four threads");
        build(site, dir.resolve("cold"), options(4, true));
        assertEquals(plain, TreeSnapshot.of(dir.resolve("cold")), "a warm cache with hard links, four threads");
        build(site, dir.resolve("warm"), options(1, true));
        assertEquals(plain, TreeSnapshot.of(dir.resolve("warm")), "a warm cache into a new folder, one thread");
    }

    @Test
    void aRebuildLinksUnchangedIpasFromThePreviousOutputAndNeverFromContent() throws Exception {
        TestSite site = site("site");
        build(site, site.out(), options(2, true));
        Path published = site.out().resolve("releases/1.3/Field.ipa");
        Object first = identity(published);
        build(site, site.out(), options(2, true));
        assertEquals(first, identity(published), "the rebuild wrote no .ipa bytes: the same file is linked");
        assertNotEquals(identity(site.root().resolve("content/releases/1.3/Field.ipa")), identity(published),
                "the output never shares a file with content/");

        // A copy in the output edited in place (its stamp changes) is not linked again, but copied afresh.
        byte[] good = Files.readAllBytes(published);
        Files.write(published, new byte[] {1, 2, 3});
        build(site, site.out(), options(2, true));
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(published)));

        build(site, site.out(), options(2, false));
        assertNotEquals(first, identity(published), "--no-cache copies afresh");
    }

    @Test
    void aReplacedIpaWithTheSameSizeAndModificationTimeIsReadAgain() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        byte[] a = padded(app("2.0.1"), 200, 1);
        byte[] b = null;
        for (int pad = 150; pad < 260 && b == null; pad++) {
            byte[] candidate = padded(app("2.0.2"), pad, 2);
            if (candidate.length == a.length) b = candidate;
        }
        assertTrue(b != null, "two IPAs of one size");
        Path ipa = site.root().resolve("content/releases/2.0/Field.ipa");
        Files.createDirectories(ipa.getParent());
        Files.write(ipa, a);
        FileTime time = Files.getLastModifiedTime(ipa);
        assertEquals("2.0.1", build(site, site.out(), options(2, true)).site().releases().get(0).version());

        // Overwritten in place (same inode), with its modification time put back.
        Files.write(ipa, b);
        Files.setLastModifiedTime(ipa, time);
        BuildResult result = build(site, site.out(), options(2, true));
        assertEquals("2.0.2", result.site().releases().get(0).version());
        assertTrue(Files.readString(site.out().resolve("releases/2.0/index.html")).contains("2.0.2"));

        // Replaced by a new file (a new inode), same size and time again.
        Path other = ipa.resolveSibling("new.tmp");
        Files.write(other, a);
        Files.setLastModifiedTime(other, time);
        Files.move(other, ipa, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("2.0.1", build(site, site.out(), options(2, true)).site().releases().get(0).version());
        assertTrue(java.util.Arrays.equals(a, Files.readAllBytes(site.out().resolve("releases/2.0/Field.ipa"))));
    }

    @Test
    void anEditedNotesFileChangesItsPage() throws Exception {
        TestSite site = site("site");
        build(site, site.out(), options(2, true));
        site.notes("releases/1.2", "---\ndate: 2026-02-01\n---\nNow with offline maps\n");
        build(site, site.out(), options(2, true));
        assertTrue(Files.readString(site.out().resolve("releases/1.2/index.html")).contains("Now with offline maps"));
    }

    @Test
    void aFreshCheckoutFindsItsEntriesByHash() throws Exception {
        TestSite site = site("site");
        build(site, site.out(), options(2, true));
        Map<String, String> before = TreeSnapshot.of(site.out());
        // A CI checkout: the same bytes under new inodes and times, the cache restored beside them.
        try (Stream<Path> ipas = Files.walk(site.root().resolve("content"))) {
            for (Path p : ipas.filter(f -> f.toString().endsWith(".ipa")).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                Files.delete(p);
                Files.write(p, bytes);
            }
        }
        deleteTree(site.out());
        BuildResult result = build(site, site.out(), options(2, true));
        assertTrue(result.warnings().stream().noneMatch(d -> d.message().contains("cache")), result.warnings().toString());
        assertEquals(before, TreeSnapshot.of(site.out()));
    }

    @Test
    void aDamagedOrForeignCacheFileIsIgnoredWithAWarning() throws Exception {
        TestSite site = site("site");
        build(site, dir.resolve("first"), options(2, true));
        Map<String, String> expected = TreeSnapshot.of(dir.resolve("first"));
        Path index = cacheFile(site, "index.bin");
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(index, bytes);
        BuildResult result = build(site, dir.resolve("second"), options(2, true));
        List<Diagnostic> warnings = result.warnings().stream().filter(d -> d.message().contains("damaged or foreign cache file")).toList();
        assertEquals(1, warnings.size(), result.warnings().toString());
        assertEquals(expected, TreeSnapshot.of(dir.resolve("second")));
        // Rewritten by that build: the next one is quiet.
        assertTrue(build(site, dir.resolve("third"), options(2, true)).warnings().stream()
                .noneMatch(d -> d.message().contains("cache file")));

        Files.writeString(index, "{\"info\": {\"not\": \"ours\"}}");
        result = build(site, dir.resolve("fourth"), options(2, true));
        assertEquals(1, result.warnings().stream().filter(d -> d.message().contains("damaged or foreign cache file")).count());
        assertEquals(expected, TreeSnapshot.of(dir.resolve("fourth")));
    }

    @Test
    void aDamagedIconFileIsReadAgainFromTheIpa() throws Exception {
        TestSite site = site("site");
        build(site, dir.resolve("first"), options(2, true));
        Map<String, String> expected = TreeSnapshot.of(dir.resolve("first"));
        Path icon;
        try (Stream<Path> walk = Files.walk(site.root().resolve(IpaCache.FOLDER))) {
            icon = walk.filter(p -> p.getParent().getFileName().toString().equals("icons")).findFirst().orElseThrow();
        }
        Files.write(icon, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        BuildResult result = build(site, dir.resolve("second"), options(2, true));
        assertEquals(1, result.warnings().stream().filter(d -> d.message().contains("damaged or foreign cache file")).count(),
                result.warnings().toString());
        assertEquals(expected, TreeSnapshot.of(dir.resolve("second")));
        assertTrue(build(site, dir.resolve("third"), options(2, true)).warnings().stream()
                .noneMatch(d -> d.message().contains("cache file")));
    }

    @Test
    void entriesASuccessfulBuildDidNotUseAreRemovedAndAFailedBuildKeepsThem() throws Exception {
        TestSite site = site("site");
        TestIpa other = TestIpa.app("Field", "com.example.field").version("1.7", "17").enterpriseSigned()
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0xFF882200));
        site.release("releases/1.7", "Field.ipa", other);
        build(site, site.out(), options(2, true));
        assertEquals(2, files(site, "icons").size(), "two distinct icons");
        assertEquals(2 * SIZES * 2, files(site, "scaled").size(), "each scaled to every size, with its hash beside it");
        long indexSize = Files.size(cacheFile(site, "index.bin"));

        // A failed build (broken front matter) keeps every entry.
        deleteTree(site.root().resolve("content/releases/1.7"));
        site.notes("releases/1.1", "---\ndate: [\n---\n");
        assertThrows(dev.otapress.BuildException.class, () -> build(site, site.out(), options(2, true)));
        assertEquals(2, files(site, "icons").size());
        assertEquals(indexSize, Files.size(cacheFile(site, "index.bin")));

        site.notes("releases/1.1", "---\ndate: 2026-01-01\n---\n## 1.1\n");
        build(site, site.out(), options(2, true));
        assertEquals(1, files(site, "icons").size(), "the icon of the removed release is gone");
        assertEquals(SIZES * 2, files(site, "scaled").size());
        assertTrue(Files.size(cacheFile(site, "index.bin")) < indexSize, "its entry is gone");
        BuildResult again = build(site, site.out(), options(2, true));
        assertEquals(0, again.icons().scalings(), "what is kept still serves");
    }

    private static Path cacheFile(TestSite site, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(site.root().resolve(IpaCache.FOLDER))) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    private static List<Path> files(TestSite site, String folder) throws IOException {
        try (Stream<Path> walk = Files.walk(site.root().resolve(IpaCache.FOLDER))) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getParent().getFileName().toString().equals(folder)).toList();
        }
    }

    @Test
    void aDamagedScaledIconIsScaledAgainNeverPublished() throws Exception {
        TestSite site = site("site");
        build(site, dir.resolve("first"), options(2, true));
        Map<String, String> expected = TreeSnapshot.of(dir.resolve("first"));
        List<Path> scaled;
        try (Stream<Path> walk = Files.walk(site.root().resolve(IpaCache.FOLDER))) {
            scaled = walk.filter(p -> p.toString().endsWith(".png") && p.getParent().getFileName().toString().equals("scaled")).toList();
        }
        assertEquals(SIZES, scaled.size(), "one icon, every size: " + scaled);
        BuildResult warm = build(site, dir.resolve("warm"), options(2, true));
        assertEquals(0, warm.icons().scalings(), "a rebuild scales nothing");
        for (Path p : scaled) Files.write(p, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        BuildResult result = build(site, dir.resolve("second"), options(2, true));
        assertEquals(SIZES, result.warnings().stream().filter(d -> d.message().contains("damaged or foreign cache file")).count());
        assertEquals(SIZES, result.icons().scalings());
        assertEquals(expected, TreeSnapshot.of(dir.resolve("second")));
    }

    @Test
    void identicalIconsAreScaledOncePerBuild() throws Exception {
        BuildResult result = build(site("site"), dir.resolve("out"), options(4, false));
        assertEquals(6 * SIZES, result.icons().files());
        assertEquals(SIZES, result.icons().scalings(), "six releases share one icon: one scaling per size");
    }

    @Test
    void aRebuildAcrossAnExpiryDateDecidesTheVerdictAfresh() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).defaultSiteYaml();
        byte[] shortProfile = TestProfiles.enterprise("Acme Short")
                .dates(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")).cms();
        site.release("releases/1.0", "Field.ipa", TestIpa.app("Field", "com.example.field").version("1.0", "10")
                .embeddedProfile(shortProfile));
        site.release("releases/2.0", "Field.ipa", app("2.0"));
        Clock before = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
        Clock after = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);
        BuildRequest request = BuildRequest.of(site.root());
        new SiteBuilder(before, options(2, true)).build(request);
        assertTrue(Files.exists(site.out().resolve("releases/1.0/manifest.plist")), "installable before the date");

        BuildResult result = new SiteBuilder(after, options(2, true)).build(request);
        assertFalse(Files.exists(site.out().resolve("releases/1.0/manifest.plist")), "expired after it, with a warm cache");
        assertTrue(result.site().releases().stream().anyMatch(r -> !r.installable()));
    }

    private static byte[] padded(TestIpa ipa, int pad, long seed) {
        byte[] noise = new byte[pad];
        new Random(seed).nextBytes(noise);
        return ipa.appEntry("Padding.bin", noise).bytes();
    }

    private static Object identity(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
