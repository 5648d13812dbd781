package dev.otapress.codesign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seal of every real IPA in ../shared/fixtures read as seal.py (an independent Python reader
 * beside them) reads it: status, problems and format. Skipped where the fixtures are absent.
 */
class SignatureGroundTruthTest {

    static final Path FIXTURES = Path.of("../shared/fixtures");
    private static final java.util.regex.Pattern NESTED = java.util.regex.Pattern.compile("[^ ]+\\.(appex|framework|app): ");
    private static JsonNode groundTruth;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(Files.isRegularFile(FIXTURES.resolve("groundtruth.json")),
                "real-world fixtures not found at " + FIXTURES.toAbsolutePath() + "; skipping");
        groundTruth = new ObjectMapper().readTree(FIXTURES.resolve("groundtruth.json").toFile());
    }

    @TestFactory
    List<DynamicTest> everySealReadsAsSealPyReadsIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = groundTruth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().has("code_signature")) {
                tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue().get("code_signature"))));
            }
        }
        assertFalse(tests.isEmpty(), "groundtruth.json records no code_signature");
        return tests;
    }

    private static void check(String file, JsonNode truth) throws Exception {
        CodeSignature sig;
        try (ZipApp app = new ZipApp(FIXTURES.resolve(file))) {
            sig = new CodeSignatureReader().read(app);
        }
        String expected = switch (truth.get("status").asText()) {
            case "intact" -> "valid";
            case "broken" -> "invalid";
            default -> "unsigned";
        };
        assertEquals(expected, sig.status().id(), file + ": " + sig.problems());
        TreeSet<String> problems = new TreeSet<>();
        truth.get("problems").forEach(p -> problems.add(p.asText()));
        // seal.py verifies the main bundle only; the Java reader also verifies each nested bundle's
        // own seal and reports it prefixed with the bundle's folder. Those are compared apart.
        TreeSet<String> main = new TreeSet<>();
        for (String p : sig.problems()) if (!NESTED.matcher(p).lookingAt()) main.add(p);
        assertEquals(problems, main, file);
        JsonNode format = truth.get("format");
        if (format == null) {
            assertNull(sig.format(), file);
        } else {
            assertEquals(format.get("codeDirectoryVersion").asText(), sig.format().versionHex(), file);
            assertEquals(format.get("derEntitlements").asBoolean(), sig.format().derEntitlements(), file);
        }
    }

    /** The nested seals that seal.py leaves out: where a nested executable is missing, the Java reader says so too. */
    @org.junit.jupiter.api.Test
    void nestedBundlesAreVerifiedBeyondSealPy() throws Exception {
        try (ZipApp app = new ZipApp(FIXTURES.resolve("shorebird/base.ipa"))) {
            List<String> problems = new CodeSignatureReader().read(app).problems();
            org.junit.jupiter.api.Assertions.assertTrue(problems.contains("Frameworks/Flutter.framework: main executable missing"),
                    problems.toString());
        }
        try (ZipApp app = new ZipApp(FIXTURES.resolve("app_info/embedded.ipa"))) {
            // Its Notification.appex is sealed file by file by the app and by its own intact seal.
            assertEquals(List.of(), new CodeSignatureReader().read(app).problems());
        }
    }
}
