package dev.otapress.doctor;

import dev.otapress.render.JsonListing;
import dev.otapress.render.Urls;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the portal lists: {@code releases.json}, read through the records that write it
 * ({@link JsonListing}), or, for portals built by other tools, the install links on the home page.
 */
final class ListingCheck {

    private final Fetcher fetcher;

    ListingCheck(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    Optional<List<ListedRelease>> read(URI base, List<CheckResult> results) {
        URI json = base.resolve(Urls.LISTING);
        String name = "listing " + json + " is readable";
        Response response = fetcher.get(json, Fetcher.Body.LISTING);
        if (response.ok()) {
            try {
                List<ListedRelease> releases = releases(response.body());
                long offered = releases.stream().filter(r -> r.notInstallable().isEmpty()).count();
                results.add(CheckResult.pass(name, releases.size() + " release(s)"
                        + (offered == releases.size() ? "" : ", " + offered + " installable")));
                return Optional.of(releases);
            } catch (IOException e) {
                results.add(CheckResult.fail(name, "not the listing otapress writes: " + firstLine(e.getMessage()),
                        "deploy the releases.json that 'otapress build' writes to public/"));
                return Optional.empty();
            }
        }
        if (response.failure() != Response.Failure.NONE) {
            // Too slow, too large or unreachable: the listing is there but unusable, and the home
            // page of the same host would only spend another timeout.
            results.add(CheckResult.fail(name, json + " answered " + response.describe(), response.fix("listing releases.json")));
            return Optional.empty();
        }
        // Portals built by other tools, older builds or a listing left out of a deploy: the install
        // links on the home page and the app and history pages it leads to stand in for it.
        Response home = fetcher.get(base, Fetcher.Body.PAGE);
        if (home.ok()) {
            HomePageLinks.Found found = HomePageLinks.releases(fetcher, base, home.body());
            if (!found.releases().isEmpty()) {
                results.add(CheckResult.pass("install links found on " + base, found.releases().size() + " link(s) on "
                        + found.pagesRead() + " page(s): the home page and the app and history pages it leads to; "
                        + json + " answered " + response.describe()));
                if (found.unread() > 0) {
                    results.add(CheckResult.fail("every page that lists releases is read", found.pagesRead() + " pages read, "
                            + "at least " + found.unread() + " more found and not read", "raise the limit with --max-pages, or deploy the"
                            + " releases.json that 'otapress build' writes, which lists every release in one file"));
                }
                return Optional.of(found.releases());
            }
        }
        results.add(CheckResult.fail(name, json + " answered " + response.describe() + "; " + base + " answered "
                + home.describe() + " without itms-services links", response.fix("listing releases.json")));
        return Optional.empty();
    }

    /** The releases of a releases.json; IOException for anything that is not one. */
    static List<ListedRelease> releases(byte[] json) throws IOException {
        JsonListing.Listing listing;
        try {
            listing = JsonListing.read(json);
        } catch (RuntimeException e) {
            // Nulls where records are expected, numbers out of range: still not a listing.
            throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        List<ListedRelease> releases = new ArrayList<>();
        for (JsonListing.AppEntry app : listing.apps()) {
            for (JsonListing.ReleaseEntry r : app.releases()) {
                Optional<String> notInstallable = r.installable() ? Optional.empty()
                        : Optional.of(r.stateReason() != null ? r.state() + ": " + r.stateReason() : Objects.toString(r.state()));
                releases.add(new ListedRelease(app.name(), app.bundleIdentifier(), r.version(), r.build(), notInstallable,
                        r.installUrl(), ListedRelease.uri(r.manifestUrl()).orElse(null), ListedRelease.uri(r.ipaUrl()).orElse(null),
                        r.size() > 0 ? OptionalLong.of(r.size()) : OptionalLong.empty(),
                        ListedRelease.uri(r.pageUrl()).orElse(null)));
            }
        }
        return releases;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
