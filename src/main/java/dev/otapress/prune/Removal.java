package dev.otapress.prune;

import dev.otapress.content.ReleaseSource;
import dev.otapress.site.Release;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One .ipa that prune removes (or, in a dry run, would remove).
 *
 * @param release    the release as the build reads it today
 * @param source     its folder
 * @param ipa        the file
 * @param why        the rule that lets it go, in words ("beyond the newest 30 of nightly")
 * @param unfinished its index.md already records the removal: an earlier prune stopped before deleting it
 */
public record Removal(Release release, ReleaseSource source, Path ipa, String why, boolean unfinished) {
    public Removal {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ipa, "ipa");
        Objects.requireNonNull(why, "why");
    }

    public long size() {
        return release.facts().ipa().size();
    }
}
