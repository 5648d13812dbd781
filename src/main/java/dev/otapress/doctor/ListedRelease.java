package dev.otapress.doctor;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A release as the portal announces it. From {@code releases.json} every field is known; from the
 * fallback (install links scraped from the home page) only the install link is, so the others are
 * empty strings, a null URL or an empty size.
 */
record ListedRelease(String appName, String bundleIdentifier, String version, String build,
                     String installUrl, URI manifestUrl, URI ipaUrl, OptionalLong size) {

    ListedRelease {
        appName = appName == null ? "" : appName;
        bundleIdentifier = bundleIdentifier == null ? "" : bundleIdentifier;
        version = version == null ? "" : version;
        build = build == null ? "" : build;
        Objects.requireNonNull(installUrl, "installUrl");
        Objects.requireNonNull(size, "size");
    }

    /** How the checklist names this release. */
    String label() {
        if (!appName.isEmpty() || !version.isEmpty()) return (appName + " " + version).trim();
        return installUrl;
    }

    /** Groups releases of one app for --latest. */
    String appKey() {
        return bundleIdentifier.isEmpty() ? appName : bundleIdentifier;
    }
}
