package dev.otapress.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path goodIpa() throws Exception {
        return TestIpa.app("Field", "com.example.field").version("2.1", "21")
                .put("CFBundleDisplayName", "Field & Co")
                .iconFiles("AppIcon60x60").icon("AppIcon60x60@2x.png", TestPng.solidCgbi(120, 0xFF3366CC))
                .embeddedProfile(TestProfiles.adHoc("Field Ad Hoc", 4).appId("com.example.*")
                        // inspect judges expiry by today's date: far from it, so no "expires soon" warning
                        .dates(Instant.parse("2026-01-01T09:00:00Z"), Instant.parse("2036-01-01T09:00:00Z")).cms())
                .nestedBundle("PlugIns/Share.appex", "com.example.field.share", "2.1")
                .writeTo(dir.resolve("Field.ipa"));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void printsJsonWithExactlyTheDocumentedKeysInOrder() throws Exception {
        Path good = goodIpa();
        Path bad = Files.write(dir.resolve("broken.ipa"), new byte[] {1, 2, 3});
        Run r = run("inspect", "--json", good.toString(), bad.toString());
        assertEquals(Main.FAILED, r.code(), r.err());
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertEquals(2, array.size());

        JsonNode ipa = array.get(0);
        assertEquals(List.of("file", "size", "sha256", "bundleIdentifier", "version", "build", "name", "minimumOSVersion",
                "deviceFamilies", "platform", "sdk", "xcode", "icon", "provisioning", "codeSignature", "extensions", "warnings"),
                keys(ipa));
        assertEquals(good.toString(), ipa.get("file").asText());
        assertEquals(Files.size(good), ipa.get("size").asLong());
        assertEquals("com.example.field", ipa.get("bundleIdentifier").asText());
        assertEquals("2.1", ipa.get("version").asText());
        assertEquals("21", ipa.get("build").asText());
        assertEquals("Field & Co", ipa.get("name").asText());
        assertEquals("[\"iphone\",\"ipad\"]", ipa.get("deviceFamilies").toString());
        assertEquals(List.of("source", "width", "height", "cgbi"), keys(ipa.get("icon")));
        assertEquals("Payload/Field.app/AppIcon60x60@2x.png", ipa.get("icon").get("source").asText());
        assertTrue(ipa.get("icon").get("cgbi").asBoolean());
        JsonNode profile = ipa.get("provisioning");
        assertEquals(List.of("type", "name", "teamName", "teamIdentifier", "uuid", "created", "expires", "devices",
                "platforms", "apsEnvironment", "getTaskAllow"), keys(profile));
        assertEquals("ad-hoc", profile.get("type").asText());
        assertEquals("2036-01-01T09:00:00Z", profile.get("expires").asText());
        assertEquals(4, profile.get("devices").asInt());
        assertTrue(profile.get("apsEnvironment").isNull());
        JsonNode signature = ipa.get("codeSignature");
        assertEquals(List.of("status", "problems", "format", "teamIdentifier", "signer", "signerMatchesProfile", "teamMismatch"),
                keys(signature));
        // Test IPAs carry a profile but no code signature: unsigned, not broken.
        assertEquals("unsigned", signature.get("status").asText());
        assertEquals(List.of("bundleIdentifier", "type", "name"), keys(ipa.get("extensions").get(0)));
        assertEquals("app-extension", ipa.get("extensions").get(0).get("type").asText());
        // An ad hoc build always carries the warning that only registered devices can install it,
        // and a test IPA the one that it has no code signature.
        assertEquals(2, ipa.get("warnings").size(), ipa.get("warnings").toString());
        assertTrue(ipa.get("warnings").get(1).asText().contains("no code signature"), ipa.get("warnings").toString());
        assertTrue(ipa.get("warnings").get(0).asText().contains("ad hoc build for 4 registered devices"), ipa.get("warnings").toString());

        JsonNode error = array.get(1);
        assertEquals(List.of("file", "error"), keys(error));
        assertTrue(error.get("error").asText().contains("zip"), error.toString());
    }

    @Test
    void jsonIsTheSameOnEveryRun() throws Exception {
        Path good = goodIpa();
        assertEquals(run("inspect", "--json", good.toString()).out(), run("inspect", "--json", good.toString()).out());
    }

    @Test
    void printsAReadableSummaryAndNamesFailingFiles() throws Exception {
        Path good = goodIpa();
        Path wrapped = TestIpa.app("Field", "com.example.field").version("1.0", "1").wrappedIn("build")
                .writeTo(dir.resolve("wrapped.ipa"));
        Run r = run("inspect", good.toString(), wrapped.toString());
        assertEquals(Main.FAILED, r.code());
        assertTrue(r.out().contains("Field & Co (com.example.field)"), r.out());
        assertTrue(r.out().contains("Ad Hoc: Field Ad Hoc"), r.out());
        assertTrue(r.out().contains("AppIcon60x60@2x.png, 120x120"), r.out());
        assertTrue(r.err().contains(wrapped + ": error: ") && r.err().contains("re-zip"), r.err());
    }

    @Test
    void succeedsWhenEveryFileReads() throws Exception {
        assertEquals(Main.OK, run("inspect", goodIpa().toString()).code());
    }

    @Test
    void inspectsAProvisioningProfile() throws Exception {
        Path profile = Files.write(dir.resolve("x.mobileprovision"),
                TestProfiles.development("Dev", 2).put("TeamName", null).cmsIndefiniteLength());
        Run text = run("inspect", profile.toString());
        assertEquals(Main.OK, text.code(), text.err());
        assertTrue(text.out().contains("Development: Dev"), text.out());
        Run json = run("inspect", "--json", profile.toString());
        JsonNode node = new ObjectMapper().readTree(json.out()).get(0);
        assertEquals("development", node.get("provisioning").get("type").asText());
        assertTrue(node.get("provisioning").get("teamName").isNull());
        Path empty = Files.write(dir.resolve("empty.mobileprovision"), new byte[0]);
        Run failed = run("inspect", empty.toString());
        assertEquals(Main.FAILED, failed.code());
        assertTrue(failed.err().contains("empty"), failed.err());
    }

    @Test
    void withoutFilesItIsAUsageError() {
        assertEquals(Main.USAGE, run("inspect").code());
    }

    @Test
    void terminalEscapesFromTheArchiveArePrintedVisiblyNotObeyed() throws Exception {
        Path ipa = TestIpa.app("Field", "com.example.field").version("2.1", "21")
                // Retitles the window, clears the screen, hides text, and reorders the rest of the line.
                .put("CFBundleDisplayName", "\u001b]0;pwned\u0007Field\u001b[2J\u001b[8m\u202egnp.exe")
                .iconFiles("\u001b[31mRed")
                .writeTo(dir.resolve("Field\u001b[1m.ipa"));
        Run r = run("inspect", ipa.toString());
        assertEquals(Main.OK, r.code(), r.err());
        String all = r.out() + r.err();
        assertFalse(all.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), all);
        assertTrue(r.out().contains("\\x1b]0;pwned\\x07Field\\x1b[2J\\x1b[8m\\u202egnp.exe"), r.out());
        assertTrue(r.out().contains("Field\\x1b[1m.ipa"), r.out());
        assertTrue(r.out().contains("warning: Info.plist declares the icon '\\x1b[31mRed'"), r.out());
    }
}
