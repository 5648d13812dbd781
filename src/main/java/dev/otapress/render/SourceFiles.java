package dev.otapress.render;

import dev.otapress.site.Release;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the files the portal copies as they are lie on disk: each release's .ipa and the other
 * files of its folder. The pipeline knows them; only the output kinds that copy files ask, since
 * pages show the model ({@link dev.otapress.site.ReleaseFacts}), not where it was read from.
 */
public interface SourceFiles {
    /** The release's .ipa, or null when it was pruned (then the release is not installable). */
    Path ipa(Release release);

    /** The other files of its folder (screenshots, a PDF the notes link to), copied beside its page. */
    List<Path> assets(Release release);
}
