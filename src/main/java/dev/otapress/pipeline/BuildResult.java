package dev.otapress.pipeline;

import dev.otapress.BuildSummary;
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

    /** The same build with one more warning. */
    BuildResult withWarning(Diagnostic warning) {
        List<Diagnostic> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new BuildResult(site, outDir, files, bytes, skippedDrafts, more, icons, sources);
    }

    /** What the command line prints of this build. */
    public BuildSummary summary() {
        return new BuildSummary(site.releases().size(), site.apps().size(), files, bytes, skippedDrafts, warnings,
                icons.files(), icons.scalings(), site.releases().stream()
                .map(r -> new BuildSummary.Listed(r.sitePath(), r.bundleIdentifier(), r.version(), r.build())).toList());
    }
}
