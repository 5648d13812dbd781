package dev.otapress.add;

import dev.otapress.Diagnostic;

import java.nio.file.Path;
import java.util.List;

/**
 * A build filed (or found filed already, byte for byte: a CI rerun).
 *
 * @param folder        the release folder under content/
 * @param sitePath      that folder relative to content/
 * @param pageUrl       the release page's https URL once built and deployed
 * @param alreadyFiled  true when the same bytes were already there and nothing was written
 * @param warnings      what the build will warn about this release
 */
public record Added(Path folder, String sitePath, String pageUrl, String bundleIdentifier, String version, String build,
                    String channel, boolean alreadyFiled, List<Diagnostic> warnings) {
    public Added {
        warnings = List.copyOf(warnings);
    }
}
