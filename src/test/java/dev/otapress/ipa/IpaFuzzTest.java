package dev.otapress.ipa;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Untrusted bytes reach these readers straight from a user's .ipa: whatever the bytes, the only
 * way out is an {@link IpaException} with a message (any other throwable is a finding).
 * Under {@code mvn test} only the seeds in {@code IpaFuzzTestInputs/} run; {@code bench/fuzz} fuzzes.
 */
class IpaFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void ipaReader(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("otapress-fuzz-", ".ipa");
        try {
            Files.write(file, bytes);
            IpaInfo info = new IpaReader().read(file);
            assertNotNull(info.app().bundleIdentifier());
        } catch (IpaException e) {
            assertNotNull(e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void cgbiPng(byte[] bytes) {
        try {
            byte[] png = new CgbiPng().toStandardPng(bytes);
            assertNotNull(png);
        } catch (IpaException e) {
            assertNotNull(e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void provisioningProfile(byte[] bytes) {
        try {
            ProvisioningProfile profile = new ProvisioningProfileReader().read(bytes);
            assertNotNull(profile);
        } catch (IpaException e) {
            assertNotNull(e.getMessage());
        }
    }
}
