package dev.otapress.doctor;

import dev.otapress.render.ItmsServices;

import java.util.List;

/** The install link decodes, as iOS decodes it, to the listed manifest URL. */
final class InstallLinkCheck {

    private InstallLinkCheck() {
    }

    static void check(String label, InstallLink link, ListedRelease release, List<CheckResult> results) {
        String name = label + ": install link decodes to the manifest URL";
        String fix = "compute the link once (" + ItmsServices.LINK_START + " plus the manifest URL "
                + "percent-encoded as one query value) and let the template escape it exactly once; rebuild with otapress";
        if (link.doubleEscaped()) {
            results.add(CheckResult.fail(name, "the link contains 'amp;' (HTML-escaped twice): iOS sees a parameter "
                    + "named amp;url and does nothing", fix));
        } else if (!link.hasDownloadAction() || link.manifestUrl().isEmpty()) {
            results.add(CheckResult.fail(name, "not an " + ItmsServices.SCHEME + " " + ItmsServices.DOWNLOAD_MANIFEST
                    + " link with a " + ItmsServices.URL + " parameter: "
                    + link.link(), fix));
        } else if (release.manifestUrl() != null && !link.manifestUrl().get().equals(release.manifestUrl().toString())) {
            results.add(CheckResult.fail(name, "decodes to " + link.manifestUrl().get() + ", listed manifest is "
                    + release.manifestUrl(), fix));
        } else if (!link.manifestUrl().get().startsWith("https://") || ListedRelease.uri(link.manifestUrl().get()).isEmpty()) {
            results.add(CheckResult.fail(name, "decodes to " + link.manifestUrl().get()
                    + ", which is not a valid https URL", fix));
        } else {
            results.add(CheckResult.pass(name, link.manifestUrl().get()));
        }
    }
}
