package dev.otapress.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One release bundle found under content/: a folder that holds an .ipa, or whose index.md records
 * the build that {@code otapress prune} removed from it.
 *
 * @param folder     the bundle folder on disk
 * @param sitePath   the folder relative to content/, '/'-separated, e.g. {@code releases/1.4.0}
 * @param ipa        the .ipa in it, or null for a pruned release
 * @param notes      its index.md, or null when it has none
 * @param assets     other files in the folder (screenshots for the notes…), copied as they are
 */
public record ReleaseSource(Path folder, String sitePath, Path ipa, Path notes, List<Path> assets) {
    public ReleaseSource {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(sitePath, "sitePath");
        if (ipa == null && notes == null) throw new IllegalArgumentException("a release folder without an .ipa records it in index.md");
        if (sitePath.isEmpty() || sitePath.startsWith("/") || sitePath.endsWith("/")) {
            throw new IllegalArgumentException("sitePath must be a relative folder path: '" + sitePath + "'");
        }
        assets = List.copyOf(assets);
    }
}
