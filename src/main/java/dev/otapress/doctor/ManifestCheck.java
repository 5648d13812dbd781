package dev.otapress.doctor;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import dev.otapress.ipa.PlistParser;
import dev.otapress.ipa.Plists;
import dev.otapress.media.MediaTypes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A release's manifest.plist: served directly as XML, a plist, and about the release the listing names. */
final class ManifestCheck {

    private final Fetcher fetcher;

    ManifestCheck(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    Optional<Manifest> check(String label, URI url, ListedRelease release, List<CheckResult> results) {
        Response response = fetcher.get(url, Fetcher.Body.MANIFEST);
        String reach = label + ": manifest answers 200 over HTTPS without a redirect";
        if (!response.ok()) {
            results.add(CheckResult.fail(reach, url + " answered " + response.describe(), response.fix("manifest")));
            return Optional.empty();
        }
        results.add(CheckResult.pass(reach, url.toString()));

        String type = response.contentType();
        String typeName = label + ": manifest is served as " + ServerFixes.MANIFEST_TYPE;
        // Apple recommends text/xml; application/xml works as well, so it is not a fault.
        if (type.equals(ServerFixes.MANIFEST_TYPE) || type.equals(MediaTypes.XML.name())) {
            results.add(CheckResult.pass(typeName, type));
        } else {
            results.add(CheckResult.fail(typeName, "Content-Type: " + (type.isEmpty() ? "(none)" : type),
                    new ServerFixes(response.server()).manifestType()));
        }

        String parseName = label + ": manifest parses and matches the listing";
        Optional<Manifest> manifest = parse(response.body());
        if (manifest.isEmpty()) {
            results.add(CheckResult.fail(parseName, "not a property list with items[0].metadata",
                    "deploy the manifest.plist that 'otapress build' writes, byte for byte"));
            return Optional.empty();
        }
        Manifest m = manifest.get();
        List<String> mismatches = new ArrayList<>();
        if (m.bundleIdentifier().isEmpty()) mismatches.add("bundle-identifier is missing");
        if (!release.bundleIdentifier().isEmpty() && !m.bundleIdentifier().equals(release.bundleIdentifier())) {
            mismatches.add("bundle-identifier " + m.bundleIdentifier() + " but listed " + release.bundleIdentifier());
        }
        if (!release.version().isEmpty() && !m.version().equals(release.version())) {
            mismatches.add("bundle-version " + m.version() + " but listed " + release.version());
        }
        if (m.asset("software-package").isEmpty()) mismatches.add("no software-package asset with an absolute url");
        if (mismatches.isEmpty()) {
            results.add(CheckResult.pass(parseName, m.bundleIdentifier() + " " + m.version()));
        } else {
            results.add(CheckResult.fail(parseName, String.join("; ", mismatches),
                    "the deployed manifest is stale or foreign: rebuild and redeploy public/ as one unit"));
        }
        return manifest;
    }

    /** What a manifest says, or empty when the bytes are not a manifest. Never throws. */
    static Optional<Manifest> parse(byte[] bytes) {
        NSObject parsed;
        try {
            parsed = PlistParser.parse(bytes);
        } catch (Exception | StackOverflowError e) {
            // dd-plist reports malformed input with several unrelated exception types.
            return Optional.empty();
        }
        if (!(parsed instanceof NSDictionary root) || !(root.get("items") instanceof NSArray items) || items.count() == 0
                || !(items.objectAtIndex(0) instanceof NSDictionary item) || !(item.get("metadata") instanceof NSDictionary metadata)) {
            return Optional.empty();
        }
        List<Manifest.Asset> assets = new ArrayList<>();
        if (item.get("assets") instanceof NSArray list) {
            for (NSObject asset : list.getArray()) {
                if (asset instanceof NSDictionary dict) {
                    ListedRelease.uri(exact(dict, "url")).ifPresent(u -> assets.add(new Manifest.Asset(exact(dict, "kind"), u)));
                }
            }
        }
        return Optional.of(new Manifest(exact(metadata, "bundle-identifier"), exact(metadata, "bundle-version"), assets));
    }

    /** The value exactly as deployed (a manifest is compared as iOS compares it), or "" when absent. */
    private static String exact(NSDictionary dict, String key) {
        return Objects.requireNonNullElse(Plists.string(dict, key), "");
    }

    /** The parts of a manifest the check compares. */
    record Manifest(String bundleIdentifier, String version, List<Asset> assets) {
        Manifest {
            assets = List.copyOf(assets);
        }

        record Asset(String kind, URI url) {
        }

        /** The first asset of this kind, as iOS would use it. */
        Optional<URI> asset(String kind) {
            return assets.stream().filter(a -> a.kind().equals(kind)).map(Asset::url).findFirst();
        }
    }
}
