package dev.otapress.doctor;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/** The files a manifest points at: the .ipa (HEAD with its type and size) and the icons. */
final class DownloadCheck {

    private final Fetcher fetcher;

    DownloadCheck(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    void ipa(String label, URI url, ListedRelease release, List<CheckResult> results) {
        Response head = fetcher.head(url);
        String reach = label + ": .ipa answers HEAD with 200 without a redirect";
        if (!head.ok()) {
            results.add(CheckResult.fail(reach, url + " answered " + head.describe(), head.fix(".ipa")));
            return;
        }
        results.add(CheckResult.pass(reach, url.toString()));
        String type = head.contentType();
        String typeName = label + ": .ipa is served as " + ServerFixes.IPA_TYPE;
        if (type.equals(ServerFixes.IPA_TYPE)) results.add(CheckResult.pass(typeName, type));
        else results.add(CheckResult.fail(typeName, "Content-Type: " + (type.isEmpty() ? "(none)" : type),
                new ServerFixes(head.server()).ipaType()));

        OptionalLong length = head.contentLength();
        String lengthName = label + ": .ipa Content-Length matches the listed size";
        if (length.isEmpty()) {
            results.add(CheckResult.fail(lengthName, "HEAD answered without Content-Length",
                    "serve the .ipa as a static file (no on-the-fly compression or chunked proxying) so HEAD carries its size"));
        } else if (release.size().isPresent() && length.getAsLong() != release.size().getAsLong()) {
            results.add(CheckResult.fail(lengthName, "Content-Length " + length.getAsLong() + ", listed "
                    + release.size().getAsLong(), "upload the .ipa again: the deployed file is not the one the portal lists"));
        } else {
            results.add(CheckResult.pass(lengthName, length.getAsLong() + " bytes"));
        }
    }

    void image(String label, String kind, URI url, List<CheckResult> results) {
        Response image = fetcher.head(url);
        String name = label + ": " + kind + " answers 200";
        if (image.ok()) results.add(CheckResult.pass(name, url.toString()));
        else results.add(CheckResult.fail(name, url + " answered " + image.describe(), image.fix(kind)));
    }
}
