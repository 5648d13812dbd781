package dev.otapress.deploy;

import java.util.List;
import java.util.Objects;

/**
 * A whole deploy: the portal's store, and the download host's store when the binaries have one.
 *
 * @param downloads null when the binaries go with the pages
 */
public record DeployPlan(StorePlan pages, StorePlan downloads) {
    public DeployPlan {
        Objects.requireNonNull(pages, "pages");
    }

    public List<StorePlan> stores() {
        return downloads == null ? List.of(pages) : List.of(pages, downloads);
    }

    public int uploads() {
        return stores().stream().mapToInt(s -> s.uploads().size()).sum();
    }

    public long uploadBytes() {
        return stores().stream().mapToLong(StorePlan::uploadBytes).sum();
    }

    public int unchanged() {
        return stores().stream().mapToInt(StorePlan::unchanged).sum();
    }

    public int deletions() {
        return stores().stream().mapToInt(s -> s.deletions().size()).sum();
    }
}
