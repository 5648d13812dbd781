package dev.otapress.prune;

import dev.otapress.Diagnostic;

import java.time.Instant;
import java.util.List;

/**
 * What a prune did.
 *
 * @param removed the .ipa files removed, each after its index.md recorded it
 * @param at      the removal date written into each index.md
 * @param failure why it stopped before the end (the rest untouched), or null when it finished
 */
public record Pruned(List<Removal> removed, Instant at, Diagnostic failure) {
    public Pruned {
        removed = List.copyOf(removed);
    }

    public long bytes() {
        return removed.stream().mapToLong(Removal::size).sum();
    }
}
