package dev.otapress.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a release's index.md records, under {@code pruned:}, of a build whose .ipa
 * {@code otapress prune} removed: what its page and its row in the history show, so the release
 * stays in the portal without the file: the facts of {@code site.ReleaseFacts}. Kinds (device
 * families, bundle kinds, profile types) are kept as ids, so content/ knows nothing of the IPA reader.
 *
 * @param removed        when the .ipa was removed
 * @param file           the .ipa's file name
 * @param date           the release's date when it was pruned (front matter's date, else the .ipa's own
 *                       time); the release date when front matter gives none
 * @param minimumOs      MinimumOSVersion, or null
 * @param deviceFamilies UIDeviceFamily ids ({@code iphone}, {@code ipad})
 * @param includes       the nested bundles
 * @param profile        the embedded profile's facts, or null when the build had none
 * @param signedBy       the team that signed it, "Name (TEAMID)", or null when that was not known for sure
 * @param icon           a PNG file in the release folder holding the app's icon, or null
 */
public record PrunedBuild(
        Instant removed,
        String file,
        long size,
        String sha256,
        String bundleId,
        String version,
        String build,
        String name,
        Instant date,
        String minimumOs,
        List<String> deviceFamilies,
        List<Included> includes,
        Profile profile,
        String signedBy,
        String icon) {

    /** The front matter key that marks a release whose .ipa was removed. */
    public static final String KEY = "pruned";

    /** A nested bundle: {@code type} is its kind's id ({@code app-extension}). */
    public record Included(String bundleId, String type) {
        public Included {
            Objects.requireNonNull(bundleId, "bundleId");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The profile facts pages show; {@code type} is the profile type's id ({@code ad-hoc}).
     *
     * @param team TeamName, or null
     */
    public record Profile(String type, String name, String team, Instant expires, int devices) {
        public Profile {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expires, "expires");
            if (devices < 0) throw new IllegalArgumentException("devices must be >= 0: " + devices);
        }
    }

    public PrunedBuild {
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        if (size < 0) throw new IllegalArgumentException("size must be >= 0: " + size);
        deviceFamilies = List.copyOf(deviceFamilies);
        includes = List.copyOf(includes);
    }
}
