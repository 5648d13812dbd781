package dev.otapress.ipa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the reader against what Python's zipfile and plistlib read in the real-world fixtures
 * (groundtruth.json, next to them). Skipped where the shared fixtures are not present.
 */
class FixtureGroundTruthTest {

    static final Path FIXTURES = Path.of("../shared/fixtures");

    private static JsonNode groundTruth;
    private static String missing;

    @BeforeAll
    static void load() throws Exception {
        Path truth = FIXTURES.resolve("groundtruth.json");
        if (!Files.isRegularFile(truth)) {
            // A skip deep in a test report is easy to miss, and a clone without the fixtures beside
            // it must not look as if the real-world IPAs had been checked: one line on stderr, and
            // each factory reports one skipped test rather than passing with none.
            missing = "SKIPPED FixtureGroundTruthTest: no " + truth.toAbsolutePath().normalize()
                    + " (the real-world fixtures belong in ../shared/fixtures beside the clone)";
            System.err.println(missing);
            return;
        }
        groundTruth = new ObjectMapper().readTree(truth.toFile());
    }

    private static List<DynamicTest> skippedWithoutFixtures() {
        return List.of(DynamicTest.dynamicTest("fixtures missing", () -> assumeTrue(false, missing)));
    }

    @TestFactory
    List<DynamicTest> everyIpaReadsAsThePythonReferenceDoes() {
        if (groundTruth == null) {
            return skippedWithoutFixtures();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = groundTruth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("kind").asText().equals("ipa")) {
                tests.add(DynamicTest.dynamicTest(e.getKey(), () -> checkIpa(e.getKey(), e.getValue())));
            }
        }
        assertFalse(tests.isEmpty(), "groundtruth.json lists no IPAs");
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyProfileReadsAsThePythonReferenceDoes() {
        if (groundTruth == null) {
            return skippedWithoutFixtures();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = groundTruth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("kind").asText().equals("mobileprovision")) {
                tests.add(DynamicTest.dynamicTest(e.getKey(), () -> checkProfile(e.getKey(), e.getValue())));
            }
        }
        assertFalse(tests.isEmpty(), "groundtruth.json lists no profiles");
        return tests;
    }

    private static void checkIpa(String file, JsonNode truth) throws Exception {
        Path path = FIXTURES.resolve(file);
        IpaReader reader = new IpaReader();
        if (textOrNull(truth, "error") != null) {
            IpaException e = assertThrows(IpaException.class, () -> reader.read(path));
            String expected = truth.get("error").asText().startsWith("not a zip") ? "zip" : "Payload/<Name>.app/Info.plist";
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            return;
        }
        if (truth.path("layout").asText().equals("wrapped-in-folder")) {
            IpaException e = assertThrows(IpaException.class, () -> reader.read(path));
            assertTrue(e.getMessage().contains("re-zip"), e.getMessage());
            return;
        }
        if (textOrNull(truth, "CFBundleShortVersionString") == null && textOrNull(truth, "CFBundleVersion") == null) {
            IpaException e = assertThrows(IpaException.class, () -> reader.read(path));
            assertTrue(e.getMessage().contains("CFBundleShortVersionString"), e.getMessage());
            return;
        }

        IpaInfo info = reader.read(path);
        assertEquals(truth.get("size").asLong(), info.size());
        assertEquals(truth.get("sha256").asText(), info.sha256());
        AppInfo app = info.app();
        assertEquals(truth.get("CFBundleIdentifier").asText(), app.bundleIdentifier());
        assertEquals(truth.get("CFBundleShortVersionString").asText(), app.version());
        assertEquals(truth.get("CFBundleVersion").asText(), app.build());
        assertEquals(firstText(truth, "CFBundleDisplayName", "CFBundleName", "CFBundleExecutable"), app.name());
        assertEquals(textOrNull(truth, "MinimumOSVersion"), app.minimumOSVersion());
        List<DeviceFamily> families = new ArrayList<>();
        truth.path("UIDeviceFamily").forEach(n -> families.add(DeviceFamily.ofCode(n.asInt())));
        if (families.isEmpty()) families.add(DeviceFamily.IPHONE);
        assertEquals(families, app.deviceFamilies());

        JsonNode profileTruth = truth.path("mobileprovision");
        if (truth.path("embedded_mobileprovision").asBoolean()) {
            assertNotNull(info.profile(), "embedded profile not read; warnings: " + info.warnings());
            assertProfile(profileTruth, info.profile());
        } else {
            assertNull(info.profile());
        }

        if (truth.path("icon_files").isEmpty()) {
            assertNull(info.icon());
        } else {
            assertNotNull(info.icon(), "no icon; warnings: " + info.warnings());
            int widest = 0;
            for (JsonNode f : truth.get("icon_files")) widest = Math.max(widest, f.get("width").asInt());
            assertEquals(widest, info.icon().width());
            assertTrue(CgbiPng.isPng(info.icon().png()));
            assertFalse(new CgbiPng().header(info.icon().png()).cgbi(), "the icon handed out must be a standard PNG");
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(info.icon().png()));
            assertNotNull(image, "ImageIO cannot decode the converted icon");
            assertEquals(widest, image.getWidth());
        }
        for (JsonNode missing : truth.path("declared_icons_without_file")) {
            assertTrue(info.warnings().stream().anyMatch(w -> w.contains("'" + missing.asText() + "'")), info.warnings().toString());
        }

        List<String> nestedIds = new ArrayList<>();
        truth.path("nested_bundles").forEach(n -> nestedIds.add(n.get("CFBundleIdentifier").asText()));
        assertEquals(nestedIds.stream().sorted().toList(),
                info.extensions().stream().map(NestedBundle::bundleIdentifier).sorted().toList());
    }

    private static void checkProfile(String file, JsonNode truth) throws Exception {
        byte[] bytes = Files.readAllBytes(FIXTURES.resolve(file));
        ProvisioningProfileReader reader = new ProvisioningProfileReader();
        if (textOrNull(truth, "error") != null) {
            IpaException e = assertThrows(IpaException.class, () -> reader.read(bytes));
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
            return;
        }
        ProvisioningProfile profile = reader.read(bytes);
        assertProfile(truth, profile);
        assertEquals(textOrNull(truth, "warning") != null, !profile.warnings().isEmpty(), profile.warnings().toString());
    }

    private static void assertProfile(JsonNode truth, ProvisioningProfile p) {
        String type = switch (truth.get("profile_type").asText()) {
            case "adhoc" -> "ad-hoc";
            case "appstore" -> "app-store";
            default -> truth.get("profile_type").asText();
        };
        assertEquals(type, p.type().id());
        assertEquals(truth.get("Name").asText(), p.name());
        assertEquals(textOrNull(truth, "TeamName"), p.teamName());
        assertEquals(truth.get("TeamIdentifier").get(0).asText(), p.teamIdentifier());
        assertEquals(truth.get("UUID").asText(), p.uuid());
        assertEquals(Instant.parse(truth.get("CreationDate").asText()), p.created());
        assertEquals(Instant.parse(truth.get("ExpirationDate").asText()), p.expires());
        assertEquals(truth.path("ProvisionedDevices_count").asInt(0), p.devices());
        assertEquals(truth.get("application-identifier").asText(), p.applicationIdentifier());
        assertEquals(truth.path("get-task-allow").asBoolean(false), p.getTaskAllow());
        assertEquals(textOrNull(truth, "aps-environment"), p.apsEnvironment());
        List<String> platforms = new ArrayList<>();
        truth.path("Platform").forEach(n -> platforms.add(n.asText()));
        assertEquals(platforms, p.platforms());
        // Hand-made fixtures hold placeholder bytes instead of certificates; Apple's signed ones are real.
        int certificates = truth.path("DeveloperCertificates_count").asInt(0);
        if ("cms".equals(textOrNull(truth, "container")) && textOrNull(truth, "warning") == null) {
            assertEquals(certificates, p.certificateExpiries().size());
        } else {
            assertTrue(p.certificateExpiries().size() <= certificates);
        }
    }

    private static String textOrNull(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String firstText(JsonNode node, String... keys) {
        for (String key : keys) {
            String v = textOrNull(node, key);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }
}
