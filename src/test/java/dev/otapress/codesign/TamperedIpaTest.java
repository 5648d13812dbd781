package dev.otapress.codesign;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestProfiles;
import dev.otapress.testing.TestSite;
import dev.otapress.testing.TreeSnapshot;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real, intactly signed IPA changed after signing in each of the ways CI pipelines change them:
 * every copy is refused by {@code build} (exit 1, the file named, the output untouched) and
 * reported by {@code inspect --json}; the untouched original builds.
 */
class TamperedIpaTest {

    private static final Path ORIGINAL = SignatureGroundTruthTest.FIXTURES.resolve("app_info/embedded.ipa");
    private static final String APP = "Payload/Demo.app/";
    /** The fixture's profile expired in 2020; the seal is what is under test here. */
    private static final String SITE_YAML = "title: Field Portal\nbase_url: https://apps.example.com/ios/\n"
            + "checks:\n  expired_profile: false\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void fixturePresent() {
        assumeTrue(Files.isRegularFile(ORIGINAL), "real-world fixtures not found at " + ORIGINAL.toAbsolutePath() + "; skipping");
    }

    /** One way to tamper: what it changes, what build names, and the problem inspect reports. */
    enum Tamper {
        INFO_PLIST_EDITED(APP + "Info.plist no longer matches", "Info.plist does not match the code directory"),
        RESOURCE_CHANGED(APP + "Base.lproj/Main.storyboardc/Info.plist was changed", "changed Base.lproj/Main.storyboardc/Info.plist"),
        FILE_REMOVED(APP + "Base.lproj/LaunchScreen.storyboardc/UIViewController-01J-lp-oVM.nib was removed",
                "missing Base.lproj/LaunchScreen.storyboardc/UIViewController-01J-lp-oVM.nib"),
        FILE_ADDED(APP + "config.json was added", "added config.json"),
        CODE_BYTE_CHANGED("code page 2 of " + APP + "'s executable no longer matches", "code page 2 of the executable does not match the code directory"),
        PROFILE_REPLACED(APP + "embedded.mobileprovision was changed", "changed embedded.mobileprovision");

        final String buildSays;
        final String inspectSays;

        Tamper(String buildSays, String inspectSays) {
            this.buildSays = buildSays;
            this.inspectSays = inspectSays;
        }
    }

    @Test
    void theUntouchedOriginalBuildsAndInspectsAsValid() throws Exception {
        TestSite site = site(ORIGINAL);
        Run build = run("build", "--site", site.root().toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(Files.isRegularFile(site.out().resolve("1.0/manifest.plist")));
        String page = Files.readString(site.out().resolve("1.0/index.html"));
        assertTrue(page.contains("signed by Niceliving Beijing Technology Co. Ltd. (72LA85G59H)"), page);
        // A second build takes the IPA's facts, its seal included, from the cache.
        Run again = run("build", "--site", site.root().toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(page, Files.readString(site.out().resolve("1.0/index.html")));
        JsonNode sig = inspect(ORIGINAL);
        assertEquals("valid", sig.get("status").asText(), sig.toString());
        assertTrue(sig.get("signerMatchesProfile").asBoolean(), sig.toString());
        assertEquals("72LA85G59H", sig.get("teamIdentifier").asText());
    }

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void aCopyChangedAfterSigningIsRefusedAndReported(Tamper tamper) throws Exception {
        TestSite site = site(ORIGINAL);
        Run first = run("build", "--site", site.root().toString());
        assertEquals(0, first.code(), first.err());
        Map<String, String> before = TreeSnapshot.of(site.out());

        Path ipa = site.root().resolve("content/1.0/Demo.ipa");
        tampered(tamper, ipa);
        Run build = run("build", "--site", site.root().toString());
        assertEquals(1, build.code(), build.err());
        assertTrue(build.err().contains("Demo.ipa"), build.err());
        assertTrue(build.err().contains(tamper.buildSays), build.err());
        assertTrue(build.err().contains("integrity could not be verified"), build.err());
        assertEquals(before, TreeSnapshot.of(site.out()), "the previous output stays as it was");

        JsonNode sig = inspect(ipa);
        assertEquals("invalid", sig.get("status").asText(), sig.toString());
        assertTrue(sig.get("problems").toString().contains(tamper.inspectSays), sig.toString());
        if (tamper == Tamper.PROFILE_REPLACED) {
            assertFalse(sig.get("signerMatchesProfile").asBoolean(), sig.toString());
            assertTrue(sig.get("teamMismatch").asText().contains("ZZZZZ99999"), sig.toString());
            assertTrue(build.err().contains("not one of the embedded provisioning profile's DeveloperCertificates"), build.err());
        }
    }

    @Test
    void addRefusesWhatTheBuildRefuses() throws Exception {
        TestSite site = TestSite.at(dir.resolve("add")).siteYaml(SITE_YAML);
        Path tampered = Files.copy(ORIGINAL, dir.resolve("Demo.ipa"));
        tampered(Tamper.FILE_ADDED, tampered);
        Run refused = run("add", "--site", site.root().toString(), tampered.toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains(Tamper.FILE_ADDED.buildSays), refused.err());
        assertEquals(Map.of(), TreeSnapshot.of(site.root().resolve("content")), "nothing was filed");

        Run added = run("add", "--site", site.root().toString(), ORIGINAL.toString());
        assertEquals(0, added.code(), added.err());
    }

    @Test
    void teamPinningAcceptsThePinnedTeamAndRefusesAnother() throws Exception {
        TestSite pinned = site(ORIGINAL);
        pinned.siteYaml(SITE_YAML + "team_ids: [72LA85G59H]\n");
        Run ok = run("build", "--site", pinned.root().toString());
        assertEquals(0, ok.code(), ok.err());

        TestSite other = TestSite.at(dir.resolve("other"));
        other.siteYaml(SITE_YAML + "team_ids:\n  - ABCDE12345\n  - FGHIJ67890\n");
        Files.createDirectories(other.root().resolve("content/1.0"));
        Files.copy(ORIGINAL, other.root().resolve("content/1.0/Demo.ipa"));
        Run refused = run("build", "--site", other.root().toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains("Demo.ipa"), refused.err());
        assertTrue(refused.err().contains("72LA85G59H") && refused.err().contains("ABCDE12345, FGHIJ67890"), refused.err());
        assertFalse(Files.exists(other.out().resolve("1.0/manifest.plist")));
    }

    @Test
    void underPinningABuildWithNoTeamIsRefused() throws Exception {
        TestSite site = TestSite.at(dir.resolve("unsigned"));
        site.siteYaml(SITE_YAML + "team_ids: [ABCDE12345]\n");
        site.release("1.0", "Field.ipa", TestIpa.app("Field", "com.example.field").version("1.0", "1").enterpriseSigned());
        Run refused = run("build", "--site", site.root().toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains("Field.ipa") && refused.err().contains("not signed by any team"), refused.err());
    }

    @Test
    void aMistypedTeamIdIsAConfigurationError() throws Exception {
        TestSite site = site(ORIGINAL);
        site.siteYaml(SITE_YAML + "team_ids: [acme]\n");
        Run r = run("build", "--site", site.root().toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("site.yaml:5") && r.err().contains("ten-character team ids"), r.err());
    }

    @Test
    void theSealCheckCanBeTurnedOff() throws Exception {
        TestSite site = site(ORIGINAL);
        tampered(Tamper.FILE_ADDED, site.root().resolve("content/1.0/Demo.ipa"));
        site.siteYaml(SITE_YAML + "  code_seal: false\n");
        Run r = run("build", "--site", site.root().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("config.json was added"), r.err());
    }

    private TestSite site(Path ipa) throws IOException {
        TestSite site = TestSite.at(dir.resolve("site-" + System.nanoTime())).siteYaml(SITE_YAML);
        Files.createDirectories(site.root().resolve("content/1.0"));
        Files.copy(ipa, site.root().resolve("content/1.0/Demo.ipa"));
        return site;
    }

    private static JsonNode inspect(Path ipa) throws IOException {
        Run r = run("inspect", "--json", ipa.toString());
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out()).get(0).get("codeSignature");
    }

    /** Rewrites {@code ipa} in place as the tampering makes it. */
    private static void tampered(Tamper tamper, Path ipa) throws Exception {
        Path copy = ipa.resolveSibling("tampered.tmp");
        switch (tamper) {
            case INFO_PLIST_EDITED -> rewrite(ipa, copy, APP + "Info.plist", bytes -> {
                try {
                    NSDictionary info = (NSDictionary) PropertyListParser.parse(bytes);
                    info.put("CFBundleDisplayName", "Demo (QA)");
                    return info.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, null);
            case RESOURCE_CHANGED -> rewrite(ipa, copy, APP + "Base.lproj/Main.storyboardc/Info.plist", bytes -> {
                byte[] changed = bytes.clone();
                changed[changed.length - 1] ^= 1;
                return changed;
            }, null);
            case FILE_REMOVED -> rewrite(ipa, copy, APP + "Base.lproj/LaunchScreen.storyboardc/UIViewController-01J-lp-oVM.nib",
                    bytes -> null, null);
            case FILE_ADDED -> rewrite(ipa, copy, null, null, Map.entry(APP + "config.json", "{\"server\":\"qa\"}".getBytes(StandardCharsets.UTF_8)));
            case CODE_BYTE_CHANGED -> rewrite(ipa, copy, APP + "Demo", bytes -> {
                byte[] changed = bytes.clone();
                changed[2 * 4096 + 17] ^= 0x40;
                return changed;
            }, null);
            case PROFILE_REPLACED -> rewrite(ipa, copy, APP + "embedded.mobileprovision", bytes ->
                    TestProfiles.enterprise("Other Company In-House").team("ZZZZZ99999").appId("*").cms(), null);
        }
        Files.move(copy, ipa, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies the zip, replacing (or, when the function gives null, dropping) one entry and adding another. */
    private static void rewrite(Path source, Path target, String name, UnaryOperator<byte[]> change,
                                Map.Entry<String, byte[]> added) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(source).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (!e.getName().equals(name)) {
                    try (InputStream raw = zip.getRawInputStream(e)) {
                        out.addRawArchiveEntry(e, raw);
                    }
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = change.apply(in.readAllBytes());
                }
                if (bytes == null) continue;
                out.putArchiveEntry(new ZipArchiveEntry(name));
                out.write(bytes);
                out.closeArchiveEntry();
            }
            if (added != null) {
                out.putArchiveEntry(new ZipArchiveEntry(added.getKey()));
                out.write(added.getValue());
                out.closeArchiveEntry();
            }
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
