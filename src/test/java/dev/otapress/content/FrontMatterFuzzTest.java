package dev.otapress.content;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.otapress.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notes files are written by hand: whatever they hold, the parser answers with a result or with
 * diagnostics, never with an exception. Seeds are in {@code FrontMatterFuzzTestInputs/}.
 */
class FrontMatterFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void frontMatter(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Diagnostic> diagnostics = new ArrayList<>();
        NotesFile notes = new FrontMatterParser().parse(Path.of("content/app/1.0/index.md"), text, diagnostics);
        if (notes == null) {
            assertTrue(diagnostics.stream().anyMatch(Diagnostic::isError), "a refusal always says why");
        }
    }
}
