package dev.otapress.prune;

import dev.otapress.Diagnostic;
import dev.otapress.config.PrunePolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What prune would do to a site: nothing is changed until {@link PruneApplier} applies it.
 *
 * @param siteDir     the site
 * @param policy      the rules applied
 * @param fromSiteYaml whether the rules are site.yaml's (else the command line's)
 * @param removals    the .ipa files that go, by site path
 * @param warnings    what the user should know (a channel no release uses, a stale record)
 */
public record PrunePlan(Path siteDir, PrunePolicy policy, boolean fromSiteYaml, List<Removal> removals, List<Diagnostic> warnings) {
    public PrunePlan {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(policy, "policy");
        removals = List.copyOf(removals);
        warnings = List.copyOf(warnings);
    }

    /** The bytes the removals free in the working tree. */
    public long bytes() {
        return removals.stream().mapToLong(Removal::size).sum();
    }
}
