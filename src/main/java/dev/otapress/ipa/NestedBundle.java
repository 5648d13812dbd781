package dev.otapress.ipa;

import java.util.Objects;

/**
 * A bundle nested in the app: an extension, a framework, a watch app or an App Clip. Each needs
 * its own provisioning, and a mismatch there is a common reason for an install to fail.
 *
 * @param bundleIdentifier its CFBundleIdentifier
 * @param type             what kind of bundle it is, from the folder it sits in
 * @param name             CFBundleDisplayName, CFBundleName, CFBundleExecutable or the folder name
 */
public record NestedBundle(String bundleIdentifier, Kind type, String name) {

    public enum Kind {
        APP_EXTENSION("app-extension", "PlugIns", ".appex"),
        FRAMEWORK("framework", "Frameworks", ".framework"),
        WATCH_APP("watch-app", "Watch", ".app"),
        APP_CLIP("app-clip", "AppClips", ".app");

        private final String id;
        private final String folder;
        private final String suffix;

        Kind(String id, String folder, String suffix) {
            this.id = id;
            this.folder = folder;
            this.suffix = suffix;
        }

        /** The name used in JSON ({@code "app-extension"}). */
        public String id() {
            return id;
        }

        /** The folder of the .app that holds bundles of this kind ({@code PlugIns}). */
        public String folder() {
            return folder;
        }

        /** The bundle folder's extension ({@code .appex}). */
        public String suffix() {
            return suffix;
        }
    }

    public NestedBundle {
        Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
