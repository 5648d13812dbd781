package dev.otapress.codesign;

import dev.otapress.cli.Main;
import dev.otapress.ipa.IpaReader;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestProfiles;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signatures made in the test (no real IPA needed): valid ones, foreign signers, and hostile structures. */
class SyntheticSignatureTest {

    private static SignedApp.Identity acme;
    private static SignedApp.Identity other;
    private static final byte[] CODE = new byte[3 * 4096 + 123];
    private static final Map<String, byte[]> RESOURCES = Map.of("config/base.json", "{}".getBytes(StandardCharsets.UTF_8),
            "Assets.car", new byte[] {1, 2, 3});

    @TempDir
    Path dir;

    @BeforeAll
    static void identities() throws Exception {
        acme = SignedApp.Identity.create("ABCDE12345", "Acme Inc");
        other = SignedApp.Identity.create("ZYXWV98765", "Other Ltd");
        for (int i = 0; i < CODE.length; i++) CODE[i] = (byte) (i * 31);
    }

    private static byte[] profile(SignedApp.Identity... certificates) {
        byte[][] certs = new byte[certificates.length][];
        for (int i = 0; i < certs.length; i++) certs[i] = certificates[i].certificate();
        return TestProfiles.enterprise("Acme In-House").dates(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                java.time.Instant.parse("2036-01-01T00:00:00Z")).put("DeveloperCertificates", certs).cms();
    }

    private Path ipa(String name, SignedApp.Identity signer, byte[] profile) throws Exception {
        TestIpa ipa = TestIpa.app("Field", "com.example.field").version("1.0", "1");
        return SignedApp.sign(ipa, "Field", CODE, profile, RESOURCES, signer).writeTo(dir.resolve(name));
    }

    @Test
    void aSignedBuildIsValidAndNamesItsTeam() throws Exception {
        CodeSignature sig = new IpaReader().read(ipa("good.ipa", acme, profile(acme))).codeSignature();
        assertEquals(CodeSignature.Status.VALID, sig.status(), sig.problems().toString());
        assertEquals("ABCDE12345", sig.teamIdentifier());
        assertEquals("Acme Inc", sig.signer().organization());
        assertTrue(sig.signer().signatureValid());
        assertEquals(Boolean.TRUE, sig.signerMatchesProfile());
        assertNull(sig.teamMismatch());
        assertFalse(sig.format().outdated());
    }

    @Test
    void aSignerOutsideTheProfileIsReported() throws Exception {
        CodeSignature sig = new IpaReader().read(ipa("foreign.ipa", other, profile(acme))).codeSignature();
        assertEquals(CodeSignature.Status.VALID, sig.status(), "the seal alone is intact");
        assertEquals(Boolean.FALSE, sig.signerMatchesProfile());
        assertTrue(sig.teamMismatch().contains("ZYXWV98765") && sig.teamMismatch().contains("ABCDE12345"), sig.teamMismatch());
    }

    @Test
    void pinningWorksOnSignedBuildsAndTheBuildRefusesAForeignSigner() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml("title: T\nbase_url: https://apps.example.com/\nteam_ids: [ABCDE12345]\n");
        Files.createDirectories(site.root().resolve("content/1.0"));
        Files.copy(ipa("good.ipa", acme, profile(acme)), site.root().resolve("content/1.0/Field.ipa"));
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"build", "--site", site.root().toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err)), err.toString());
        String page = Files.readString(site.out().resolve("1.0/index.html"));
        assertTrue(page.contains("signed by Acme Inc (ABCDE12345)"), page);

        Files.copy(ipa("foreign.ipa", other, profile(acme, other)), site.root().resolve("content/1.0/Field.ipa"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        err = new StringWriter();
        assertEquals(1, Main.run(new String[] {"build", "--site", site.root().toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err)), err.toString());
        assertTrue(err.toString().contains("ZYXWV98765") && err.toString().contains("team_ids (ABCDE12345)"), err.toString());
    }

    @Test
    void anAdHocSignatureHasNoSigner() throws Exception {
        CodeSignature sig = new IpaReader().read(ipa("adhoc.ipa", null, profile(acme))).codeSignature();
        assertEquals(CodeSignature.Status.VALID, sig.status(), sig.problems().toString());
        assertNull(sig.signer());
    }

    // --- Hostile structures: each is a broken seal with a reason, read in bounded time and memory.

    private static CodeSignature read(byte[] executable, byte[] codeResources) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Info.plist", info());
        files.put("App", executable);
        if (codeResources != null) files.put("_CodeSignature/CodeResources", codeResources);
        return new CodeSignatureReader().read(new MemoryFiles(files));
    }

    static byte[] info() {
        com.dd.plist.NSDictionary d = new com.dd.plist.NSDictionary();
        d.put("CFBundleExecutable", "App");
        return d.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] validExecutable() throws Exception {
        return SignedApp.executable(CODE, info(), emptyResources(), "com.example.app", null);
    }

    private static byte[] emptyResources() throws Exception {
        return SignedApp.codeResources(Map.of());
    }

    @Test
    void theMemoryHelperReadsAValidSignatureAsValid() throws Exception {
        CodeSignature sig = read(validExecutable(), emptyResources());
        assertEquals(CodeSignature.Status.VALID, sig.status(), sig.problems().toString());
    }

    @Test
    @Timeout(20)
    void hostileSignaturesAreBrokenSealsNotCrashes() throws Exception {
        byte[] good = validExecutable();
        int sigOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(32 + 8);
        List<byte[]> hostile = List.of(
                patchLe(good, 32 + 8, 0xfffffff0),                // signature offset past the end
                patchLe(good, 32 + 12, 0x7fffffff),               // a 2 GB signature
                patchLe(good, 32 + 8, 8),                         // signature inside the header
                patchLe(good, 16, 0x7fffffff),                    // two billion load commands
                patchLe(good, 32 + 4, 0),                         // a zero-length load command (would loop)
                patchBe(good, sigOffset + 8, 0x7fffffff),         // a SuperBlob with two billion blobs
                patchBe(good, sigOffset + 16, 0xfffffff0),        // a blob offset outside the SuperBlob
                patchBe(good, sigOffset + 16, 0),                 // a blob that is the index itself
                patchBe(good, sigOffset + 28 + 4, 0x7fffffff),    // a CodeDirectory longer than the SuperBlob
                patchBe(good, sigOffset + 28 + 28, 0x7fffffff),   // two billion code slots
                patchBe(good, sigOffset + 28 + 24, 0x7fffffff),   // two billion special slots
                patchBe(good, sigOffset + 28 + 16, 0),            // hashes before the CodeDirectory
                fat(good, 0x7fffffff),                            // a universal file with two billion slices
                java.util.Arrays.copyOf(good, sigOffset + 20));   // cut inside the signature
        for (byte[] exe : hostile) {
            CodeSignature sig = read(exe, emptyResources());
            assertEquals(CodeSignature.Status.INVALID, sig.status());
            assertFalse(sig.problems().isEmpty());
        }
    }

    @Test
    @Timeout(20)
    void aBacktrackingRuleInCodeResourcesCannotStallTheBuild() throws Exception {
        String evil = new String(SignedApp.codeResources(Map.of()), StandardCharsets.UTF_8)
                .replace("^PkgInfo$", "(.*a){12}$");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Info.plist", info());
        byte[] cr = evil.getBytes(StandardCharsets.UTF_8);
        files.put("_CodeSignature/CodeResources", cr);
        files.put("App", SignedApp.executable(CODE, info(), cr, "com.example.app", null));
        files.put("a".repeat(40) + "!", new byte[0]);  // a name the rule would take minutes on
        CodeSignature sig = new CodeSignatureReader().read(new MemoryFiles(files));
        assertEquals(CodeSignature.Status.INVALID, sig.status());
        assertTrue(sig.problems().toString().contains("takes too long"), sig.problems().toString());
    }

    @Test
    void readingStopsAtTheExpansionBudget() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Info.plist", info());
        byte[] cr = emptyResources();
        files.put("_CodeSignature/CodeResources", cr);
        files.put("App", SignedApp.executable(CODE, info(), cr, "com.example.app", null));
        CodeSignature within = new CodeSignatureReader().read(new MemoryFiles(files), 1 << 20);
        assertEquals(CodeSignature.Status.VALID, within.status(), within.problems().toString());
        CodeSignature beyond = new CodeSignatureReader().read(new MemoryFiles(files), 10_000);
        assertEquals(CodeSignature.Status.INVALID, beyond.status());
        assertTrue(beyond.problems().get(0).contains("expands to more than 10000 bytes"), beyond.problems().toString());
    }

    private static byte[] patchLe(byte[] b, int at, int value) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return c;
    }

    private static byte[] patchBe(byte[] b, int at, int value) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).putInt(at, value);
        return c;
    }

    private static byte[] fat(byte[] slice, int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + 20 + slice.length);
        b.putInt(0xcafebabe).putInt(count).putInt(0x0100000c).putInt(0).putInt(28).putInt(slice.length).putInt(12);
        b.put(slice);
        return b.array();
    }

    /** Files in memory, for small synthetic bundles. */
    record MemoryFiles(Map<String, byte[]> files) implements SealedFiles {
        @Override
        public List<String> names() {
            return List.copyOf(files.keySet());
        }

        @Override
        public InputStream open(String name) throws IOException {
            byte[] b = files.get(name);
            if (b == null) throw new IOException("no " + name);
            return new ByteArrayInputStream(b);
        }

        @Override
        public boolean isSymlink(String name) {
            return false;
        }
    }
}
