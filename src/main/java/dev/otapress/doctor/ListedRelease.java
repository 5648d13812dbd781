package dev.otapress.doctor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A release as the portal announces it. From {@code releases.json} every field is known; from the
 * fallback (install links scraped from the home page) only the install link is, so the others are
 * empty strings, a null URL or an empty size.
 *
 * @param notInstallable empty for a release the portal offers for installing; otherwise why not
 *                       (an expired profile…), which the check reports without failing
 * @param pageUrl        the release's page as the listing names it, or null
 */
record ListedRelease(String appName, String bundleIdentifier, String version, String build,
                     Optional<String> notInstallable, String installUrl, URI manifestUrl, URI ipaUrl, OptionalLong size,
                     URI pageUrl) {

    ListedRelease {
        appName = appName == null ? "" : appName;
        bundleIdentifier = bundleIdentifier == null ? "" : bundleIdentifier;
        version = version == null ? "" : version;
        build = build == null ? "" : build;
        installUrl = installUrl == null ? "" : installUrl;
        Objects.requireNonNull(notInstallable, "notInstallable");
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

    /** An absolute URL, or empty for anything else (a listing is data from the server being checked). */
    static Optional<URI> uri(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
