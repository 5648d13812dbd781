package dev.otapress;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model and the renderer get what pages show ({@code site.ReleaseFacts}), not where it was
 * read from: a release folder ({@code content.ReleaseSource}) or all an .ipa yielded
 * ({@code ipa.IpaInfo}, with its path, warnings and signature). The pipeline keeps those for the
 * steps that copy files; render asks it through {@code render.SourceFiles}.
 */
class LayersTest {
    private static final Path MAIN = Path.of("src/main/java/dev/otapress");
    private static final List<String> SHOWN_NOT_READ = List.of("site", "render");
    private static final Pattern SOURCE_TYPES = Pattern.compile(
            "\\b(ReleaseSource|IpaInfo)\\b|dev\\.otapress\\.(codesign|content)\\.");

    @Test
    void theModelAndTheRendererKnowNothingOfWhereAReleaseWasRead() throws IOException {
        List<String> uses = new ArrayList<>();
        for (String pkg : SHOWN_NOT_READ) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (uses(lines.get(i))) uses.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), uses, "take what pages show from site.ReleaseFacts, files to copy from render.SourceFiles");
    }

    private static boolean uses(String line) {
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) return false;
        return SOURCE_TYPES.matcher(code).find();
    }

    @Test
    void theProbeFindsAUse() {
        assertTrue(uses("import dev.otapress.content.ReleaseSource;"));
        assertTrue(uses("import dev.otapress.ipa.IpaInfo;"));
        assertTrue(uses("        dev.otapress.ipa.IpaInfo info = r.ipa();"));
        assertTrue(uses("import dev.otapress.codesign.CodeSignature;"));
        assertFalse(uses(" * not {@link IpaInfo}, whose path..."));
        assertFalse(uses("import dev.otapress.site.ReleaseFacts;"));
    }
}
