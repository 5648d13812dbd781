package dev.otapress.site;

import dev.otapress.ipa.ProvisioningProfile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the portal prints about one build, and nothing of where it was read from: pages, feeds,
 * listings and manifests are made from these facts alone. The pipeline reads them from the .ipa;
 * a release whose .ipa is gone can carry the same facts from elsewhere (front matter).
 *
 * @param app     what the app says about itself
 * @param ipa     the .ipa file as published
 * @param profile the embedded provisioning profile, or null when the build carries none
 */
public record ReleaseFacts(App app, Ipa ipa, Profile profile) {

    public ReleaseFacts {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(ipa, "ipa");
    }

    /**
     * @param minimumOSVersion MinimumOSVersion, or null when unknown
     * @param devices          the device families' names as people read them ("iPhone", "iPad")
     * @param nested           the bundles inside the app (extensions, frameworks, watch apps)
     */
    public record App(String bundleIdentifier, String name, String version, String build, String minimumOSVersion,
                      List<String> devices, List<Nested> nested) {
        public App {
            Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(build, "build");
            devices = List.copyOf(devices);
            nested = List.copyOf(nested);
        }
    }

    /** @param kind its kind's id, e.g. {@code app-extension} */
    public record Nested(String bundleIdentifier, String kind) {
        public Nested {
            Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * @param fileName the .ipa's file name, which the published copy keeps
     * @param size     its size in bytes
     * @param sha256   lower-case hex SHA-256 of the file
     */
    public record Ipa(String fileName, long size, String sha256) {
        public Ipa {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(sha256, "sha256");
            if (size < 0) throw new IllegalArgumentException("size must be >= 0: " + size);
        }
    }

    /**
     * @param teamName  TeamName, or null
     * @param devices   how many devices the profile lists
     * @param deviceIds the UDIDs it lists (for the page's device check)
     * @param signedBy  the team that signed an intact build, as "Name (TEAMID)"; null when not known for sure
     */
    public record Profile(ProvisioningProfile.Type type, String name, String teamName, Instant expires, int devices,
                          List<String> deviceIds, String signedBy) {
        public Profile {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expires, "expires");
            deviceIds = List.copyOf(deviceIds);
        }

        public boolean isExpiredAt(Instant when) {
            return ProvisioningProfile.isExpiredAt(expires, when);
        }

        public boolean expiresWithin(Instant when, int days) {
            return ProvisioningProfile.expiresWithin(expires, when, days);
        }
    }
}
