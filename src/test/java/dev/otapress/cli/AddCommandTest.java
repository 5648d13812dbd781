package dev.otapress.cli;

import dev.otapress.cache.FileStamp;
import dev.otapress.cache.IpaCache;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** otapress add, as CI runs it after the archive and export, and then the build. */
class AddCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private TestSite site() throws Exception {
        return TestSite.at(dir.resolve("site")).siteYaml("title: Acme\nbase_url: https://apps.example.com/ios/\n"
                + "channels:\n  - name: stable\n  - name: beta\n");
    }

    private Path ipa(String name, TestIpa ipa) throws Exception {
        return ipa.writeTo(dir.resolve("export").resolve(name));
    }

    private static TestIpa field(String version, String build) {
        return TestIpa.app("Field Service", "com.acme.field").version(version, build).enterpriseSigned();
    }

    @Test
    void addedBuildIsListedByTheNextBuildWithItsChannel() throws Exception {
        TestSite site = site();
        Path notes = Files.writeString(dir.resolve("notes.md"), "- Faster sync\n");
        Path file = ipa("Field Service.ipa", field("1.4.0", "141"));
        assertEquals(Main.OK, run("add", file.toString(), "-s", site.root().toString(), "--notes", notes.toString(),
                "--channel", "beta", "--date", "2026-11-17", "--title", "Field \"1.4\" sign-off"), err.toString());
        Path folder = site.root().resolve("content/field-service/1.4.0-141");
        assertTrue(Files.isRegularFile(folder.resolve("Field Service.ipa")), out.toString());
        assertEquals(Files.size(file), Files.size(folder.resolve("Field Service.ipa")));
        String index = Files.readString(folder.resolve("index.md"));
        assertTrue(index.contains("channel: \"beta\"") && index.contains("- Faster sync"), index);
        assertTrue(out.toString().contains("https://apps.example.com/ios/field-service/1.4.0-141/"), out.toString());
        assertTrue(out.toString().contains("git add "), out.toString());

        assertEquals(Main.OK, run("build", "-s", site.root().toString()), err.toString());
        String json = Files.readString(site.root().resolve("public/releases.json"));
        assertTrue(json.contains("\"channel\":\"beta\"") || json.contains("\"channel\" : \"beta\""), json);
        assertTrue(Files.readString(site.root().resolve("public/field-service/1.4.0-141/index.html"))
                .contains("Field &quot;1.4&quot; sign-off"));
    }

    @Test
    void theNextBuildOfTheSameAppGoesIntoTheFolderThatHoldsItsReleases() throws Exception {
        TestSite site = site();
        site.release("apps/field", "F.ipa", field("1.0", "1"));
        assertEquals(Main.OK, run("add", ipa("F.ipa", field("1.1", "2")).toString(), "-s", site.root().toString(), "--json"),
                err.toString());
        assertTrue(Files.isDirectory(site.root().resolve("content/apps/1.1-2")), out.toString());
        assertTrue(out.toString().startsWith("{\"folder\":"), out.toString());
        assertTrue(out.toString().contains("\"sitePath\":\"apps/1.1-2\""), out.toString());
    }

    @Test
    void theSameBytesAgainIsANoOpAndOtherBytesAreRefused() throws Exception {
        TestSite site = site();
        Path file = ipa("F.ipa", field("2.0", "20"));
        assertEquals(Main.OK, run("add", file.toString(), "-s", site.root().toString()), err.toString());
        Map<String, String> before = TreeSnapshot.of(site.root().resolve("content"));
        assertEquals(Main.OK, run("add", file.toString(), "-s", site.root().toString()), err.toString());
        assertTrue(out.toString().startsWith("Already filed"), out.toString());
        Path other = ipa("G.ipa", field("2.0", "20").put("Extra", "different bytes"));
        assertEquals(Main.FAILED, run("add", other.toString(), "-s", site.root().toString()));
        assertTrue(err.toString().contains("bump CFBundleVersion"), err.toString());
        assertEquals(before, TreeSnapshot.of(site.root().resolve("content")));
    }

    @Test
    void aRefusedAddLeavesContentByteIdentical() throws Exception {
        TestSite site = site();
        site.release("field/1.0-1", "F.ipa", field("1.0", "1"));
        Map<String, String> before = TreeSnapshot.of(site.root().resolve("content"));
        Path appStore = ipa("A.ipa", TestIpa.app("Field Service", "com.acme.field").version("3.0", "30")
                .embeddedProfile(TestProfiles.appStore("Acme App Store").cms()));
        assertEquals(Main.FAILED, run("add", appStore.toString(), "-s", site.root().toString()));
        String refusal = err.toString();
        assertEquals(before, TreeSnapshot.of(site.root().resolve("content")));

        // The same message as the build's, which reads the same IPA from a release folder.
        site.release("field/3.0-30", "A.ipa", TestIpa.app("Field Service", "com.acme.field").version("3.0", "30")
                .embeddedProfile(TestProfiles.appStore("Acme App Store").cms()));
        assertEquals(Main.FAILED, run("build", "-s", site.root().toString()));
        String buildError = err.toString().lines().filter(l -> l.contains("error:")).findFirst().orElseThrow();
        // The build adds which release it is; the check's own message is the same.
        String message = buildError.substring(buildError.indexOf("error:")).replaceFirst(" \\(it is the newest .*", "");
        assertTrue(refusal.contains(message), refusal + "\nvs\n" + buildError);
    }

    @Test
    void anUnknownChannelAndABadDateAreRefusedBeforeAnythingIsWritten() throws Exception {
        TestSite site = site();
        Path file = ipa("F.ipa", field("1.0", "1"));
        assertEquals(Main.FAILED, run("add", file.toString(), "-s", site.root().toString(), "--channel", "betta"));
        assertTrue(err.toString().contains("did you mean 'beta'?"), err.toString());
        assertEquals(Main.FAILED, run("add", file.toString(), "-s", site.root().toString(), "--date", "17/11/2026"));
        assertTrue(err.toString().contains("'date' must be a date"), err.toString());
        assertEquals(Map.of(), TreeSnapshot.of(site.root().resolve("content")));
    }

    @Test
    void aVersionThatCannotBeAFolderNameIsRefused() throws Exception {
        TestSite site = site();
        Path file = ipa("F.ipa", field("../1.0", "1"));
        assertEquals(Main.FAILED, run("add", file.toString(), "-s", site.root().toString()));
        assertTrue(err.toString().contains("cannot name a release folder"), err.toString());
        assertEquals(Map.of(), TreeSnapshot.of(site.root().resolve("content")));
        assertFalse(Files.exists(site.root().resolve("1.0-1")));
    }

    @Test
    void filedReleasesAreReadOnceAndThenKnownFromTheBuildsCache() throws Exception {
        TestSite site = site();
        Path filed = site.release("field/1.0-1", "F.ipa", field("1.0", "1"));
        assertNull(IpaCache.of(site.root()).byStamp(filed, FileStamp.of(filed)));
        assertEquals(Main.OK, run("add", ipa("F.ipa", field("1.1", "2")).toString(), "-s", site.root().toString()),
                err.toString());
        IpaInfo cached = IpaCache.of(site.root()).byStamp(filed, FileStamp.of(filed));
        assertNotNull(cached, "add cached what the filed release's .ipa yielded");
        assertEquals(new IpaReader().read(filed).sha256(), cached.sha256());
    }

    @Test
    void addLooksFiledReleasesUpByTheirStampBeforeReadingThem() throws Exception {
        TestSite site = site();
        Path filed = site.release("field/1.0-1", "F.ipa", field("1.0", "1"));
        assertEquals(Main.OK, run("build", "-s", site.root().toString()), err.toString());
        // The cache vouches, by the file's stamp, for other bytes than the file holds: add must
        // believe it (it did not read the file), so the same build again looks like other bytes.
        IpaInfo real = IpaCache.of(site.root()).byStamp(filed, FileStamp.of(filed));
        assertNotNull(real, "the build cached the release");
        IpaInfo other = new IpaInfo(filed, real.size(), "0".repeat(64), real.infoPlistPath(), real.infoPlistTime(), real.app(),
                real.profile(), real.icon(), real.extensions(), real.codeSignature(), real.warnings());
        IpaCache cache = IpaCache.of(site.root());
        cache.put(filed, FileStamp.of(filed), other);
        cache.save(false);

        Path same = Files.copy(filed, dir.resolve("same.ipa"));
        assertEquals(Main.FAILED, run("add", same.toString(), "-s", site.root().toString()));
        assertTrue(err.toString().contains("with other bytes"), err.toString());
    }
}
