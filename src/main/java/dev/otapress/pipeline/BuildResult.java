package dev.otapress.pipeline;

import dev.otapress.Diagnostic;
import dev.otapress.render.IconCount;
import dev.otapress.site.Site;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished build: the model, where it went, and the warnings worth printing.
 *
 * @param sources the folders the releases were read from
 */
public record BuildResult(Site site, Path outDir, int files, long bytes, int skippedDrafts, List<Diagnostic> warnings,
                          IconCount icons, ReleaseSources sources) {
    public BuildResult {
        warnings = List.copyOf(warnings);
    }
}
