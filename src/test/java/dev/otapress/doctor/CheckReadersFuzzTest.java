package dev.otapress.doctor;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What {@code check} reads comes from the server being checked: a releases.json is a list of
 * releases or an IOException with a message, a manifest is a manifest or empty; any other
 * throwable is a finding. Seeds are in {@code CheckReadersFuzzTestInputs/}.
 */
class CheckReadersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void listing(byte[] bytes) {
        try {
            List<ListedRelease> releases = ListingCheck.releases(bytes);
            for (ListedRelease r : releases) assertNotNull(r.label());
        } catch (IOException e) {
            assertNotNull(e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void manifest(byte[] bytes) {
        assertNotNull(ManifestCheck.parse(bytes));
    }
}
