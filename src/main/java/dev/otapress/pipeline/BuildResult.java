package dev.otapress.pipeline;

import dev.otapress.Diagnostic;
import dev.otapress.render.IconCount;
import dev.otapress.site.Site;

import java.nio.file.Path;
import java.util.List;

/** A finished build: the model, where it went, and the warnings worth printing. */
public record BuildResult(Site site, Path outDir, int files, long bytes, int skippedDrafts, List<Diagnostic> warnings,
                          IconCount icons) {
    public BuildResult {
        warnings = List.copyOf(warnings);
    }
}
