package dev.otapress.doctor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One listed release, checked as the device will use it: link, manifest, .ipa and icons. */
final class ReleaseCheck {

    private final Fetcher fetcher;
    private final ManifestCheck manifests;
    private final DownloadCheck downloads;

    ReleaseCheck(Fetcher fetcher) {
        this.fetcher = fetcher;
        this.manifests = new ManifestCheck(fetcher);
        this.downloads = new DownloadCheck(fetcher);
    }

    /** The release's results, or empty when the run's deadline passed before it was started. */
    Optional<List<CheckResult>> check(ListedRelease release) {
        if (fetcher.remaining().isZero()) return Optional.empty();
        List<CheckResult> results = new ArrayList<>();
        String label = release.label();
        if (release.notInstallable().isPresent()) {
            // The portal says so itself (an expired profile…): the page shows no install link, which is right.
            results.add(CheckResult.pass(label + ": listed as not installable", release.notInstallable().get()));
            return Optional.of(results);
        }
        InstallLink link = InstallLink.parse(release.installUrl());
        URI manifestUrl = release.manifestUrl() != null ? release.manifestUrl()
                : link.manifestUrl().flatMap(ListedRelease::uri).orElse(null);
        InstallLinkCheck.check(label, link, release, results);

        // URLs the listing names elsewhere are reported once and never requested.
        List<String> offHost = new ArrayList<>();
        for (URI url : new URI[] {manifestUrl, release.ipaUrl()}) {
            if (url != null) fetcher.hosts().refusal(url).ifPresent(why -> offHost.add(url + " (" + why + ")"));
        }
        if (!offHost.isEmpty()) {
            results.add(CheckResult.fail(label + ": listed URLs are on the checked hosts", String.join("; ", offHost),
                    HostPolicy.offHostFix()));
        }
        if (manifestUrl == null || fetcher.hosts().refusal(manifestUrl).isPresent()) return Optional.of(results);

        Optional<ManifestCheck.Manifest> manifest = manifests.check(label, manifestUrl, release, results);
        if (manifest.isEmpty()) return Optional.of(results);

        Optional<URI> packageUrl = manifest.get().asset("software-package");
        URI ipaUrl = packageUrl.orElse(release.ipaUrl());
        if (release.ipaUrl() != null && packageUrl.isPresent() && !release.ipaUrl().equals(packageUrl.get())) {
            results.add(CheckResult.fail(label + ": manifest names the listed .ipa", "manifest: " + packageUrl.get()
                    + ", listing: " + release.ipaUrl(), "rebuild and redeploy the portal so manifest and listing agree"));
        }
        boolean reported = ipaUrl != null && ipaUrl.equals(release.ipaUrl()) && fetcher.hosts().refusal(ipaUrl).isPresent();
        if (ipaUrl != null && !reported) downloads.ipa(label, ipaUrl, release, results);
        for (String kind : List.of("display-image", "full-size-image")) {
            manifest.get().asset(kind).ifPresent(url -> downloads.image(label, kind, url, results));
        }
        return Optional.of(results);
    }
}
