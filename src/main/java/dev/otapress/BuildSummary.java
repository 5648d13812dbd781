package dev.otapress;

import java.util.List;
import java.util.Objects;

/**
 * What a finished build tells its user, and all of it: a build found up to date prints the summary
 * its last real build left, word for word.
 *
 * @param releases      releases published
 * @param apps          apps they belong to
 * @param files         files in it
 * @param bytes         their total size
 * @param skippedDrafts drafts left out (no --drafts)
 * @param warnings      every warning of the build, in order
 * @param iconFiles     icon files published
 * @param iconScalings  how many times an icon was scaled to make them
 * @param listing       each release published, for --verbose
 */
public record BuildSummary(int releases, int apps, int files, long bytes, int skippedDrafts,
                           List<Diagnostic> warnings, int iconFiles, int iconScalings, List<Listed> listing) {

    /** One published release as --verbose lists it. */
    public record Listed(String sitePath, String bundleIdentifier, String version, String build) {
        public Listed {
            Objects.requireNonNull(sitePath, "sitePath");
            Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(build, "build");
        }
    }

    public BuildSummary {
        warnings = List.copyOf(warnings);
        listing = List.copyOf(listing);
    }

    /** The same summary without these warnings. */
    public BuildSummary without(List<Diagnostic> dropped) {
        return new BuildSummary(releases, apps, files, bytes, skippedDrafts,
                warnings.stream().filter(d -> !dropped.contains(d)).toList(), iconFiles, iconScalings, listing);
    }

    /** The same summary with these warnings first. */
    public BuildSummary with(List<Diagnostic> first) {
        List<Diagnostic> all = new java.util.ArrayList<>(first);
        all.addAll(warnings);
        return new BuildSummary(releases, apps, files, bytes, skippedDrafts, all, iconFiles, iconScalings, listing);
    }
}
