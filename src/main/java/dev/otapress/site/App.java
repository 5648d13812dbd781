package dev.otapress.site;

import java.util.List;
import java.util.Objects;

/** All releases of one bundle identifier, newest first; the name is the newest release's. */
public record App(String bundleIdentifier, String name, List<Release> releases) {
    public App {
        Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
        Objects.requireNonNull(name, "name");
        releases = List.copyOf(releases);
        if (releases.isEmpty()) throw new IllegalArgumentException("an app has at least one release");
    }

    public Release latest() {
        return releases.get(0);
    }
}
