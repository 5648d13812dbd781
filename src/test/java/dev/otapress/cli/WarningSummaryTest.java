package dev.otapress.cli;

import dev.otapress.Diagnostic;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarningSummaryTest {
    @Test
    void warningsOfOneKindAreCountedAfterTheFirstFewWhateverTheirDatesAndCounts() {
        List<Diagnostic> warnings = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            warnings.add(Diagnostic.warning(Path.of("content/r" + i + "/App.ipa"), "is an ad hoc build for " + (i % 40 + 1)
                    + " registered devices; other devices cannot install it"));
        }
        warnings.add(Diagnostic.warning(Path.of("content/x/App.ipa"), "has a provisioning profile that expires on 2 Dec 2026 (in 11 days)"));
        warnings.add(Diagnostic.error(Path.of("content/y/App.ipa"), "is not a zip"));
        warnings.add(Diagnostic.error(Path.of("content/z/App.ipa"), "is not a zip"));

        List<Diagnostic> shown = WarningSummary.of(warnings);
        assertEquals(3 + 1 + 1 + 2, shown.size(), shown.toString());
        assertEquals("… and 997 more releases with this kind of warning; --verbose lists them", shown.get(3).message());
        assertTrue(shown.get(4).message().startsWith("has a provisioning profile"));
        assertEquals(2, shown.stream().filter(Diagnostic::isError).count(), "errors are never summarised");
    }

    @Test
    void aFewOfAKindAreAllShown() {
        List<Diagnostic> warnings = new ArrayList<>();
        for (int i = 0; i < 4; i++) warnings.add(Diagnostic.warning(null, "expires on " + i + " Dec"));
        assertEquals(warnings, WarningSummary.of(warnings));
    }
}
