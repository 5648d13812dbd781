package dev.otapress.doctor;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import dev.otapress.ipa.PlistParser;
import dev.otapress.ipa.Plists;
import dev.otapress.site.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a deployed portal the way an iPhone will use it: trusted TLS, a listing, and for every
 * release a reachable XML manifest that matches the listing, an .ipa that answers HEAD directly
 * with the right type and size, and an install link that decodes to the manifest URL. Problems
 * are returned as data, each with its fix; nothing is printed here.
 */
public final class PortalDoctor {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EXPIRY_MARGIN = Duration.ofDays(30);

    private final PortalTrust trust;
    private final Clock clock;
    private final HttpClient http;

    public PortalDoctor(PortalTrust trust, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Never follow redirects: the install daemon does not, so a redirect is itself a fault.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .sslContext(trust.sslContext())
                .build();
    }

    /** Runs every check; with {@code latestOnly} only the newest release of each app is checked. */
    public List<CheckResult> check(URI portal, boolean latestOnly) {
        List<CheckResult> results = new ArrayList<>();
        URI base = withTrailingSlash(portal);
        if (!"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            results.add(CheckResult.fail("portal URL is https", base.toString(),
                    "iOS installs only over HTTPS: give the portal's https:// URL (base_url in site.yaml)"));
            return results;
        }
        if (!checkTls(base, results)) return results;

        Optional<List<ListedRelease>> listed = listing(base, results);
        if (listed.isEmpty()) return results;
        List<ListedRelease> releases = latestOnly ? newestPerApp(listed.get()) : listed.get();
        for (ListedRelease release : releases) checkRelease(release, results);
        return List.copyOf(results);
    }

    // ---- TLS ----

    private boolean checkTls(URI base, List<CheckResult> results) {
        String host = base.getHost();
        int port = base.getPort() < 0 ? 443 : base.getPort();
        List<X509Certificate[]> presented = new ArrayList<>();
        String refusal = null;
        try (SSLSocket socket = (SSLSocket) trust.sslContext(presented).getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            SSLParameters params = socket.getSSLParameters();
            if (!isIpAddress(host)) params.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(params);
            socket.startHandshake();
        } catch (IOException e) {
            refusal = e.getMessage();
        }
        String name = "TLS certificate of " + host + " is trusted";
        if (presented.isEmpty()) {
            results.add(CheckResult.fail(name, "no TLS connection to " + host + ":" + port + ": " + refusal,
                    "serve the portal over HTTPS on " + host + ":" + port + " (iOS refuses plain http for installs)"));
            return false;
        }
        X509Certificate leaf = presented.get(presented.size() - 1)[0];
        if (refusal != null) {
            results.add(CheckResult.fail(name, leaf.getSubjectX500Principal().getName() + ": " + refusal,
                    "use a certificate from a CA the devices trust; for an internal CA, install its root on the devices "
                            + "(profile or MDM, then enable it under Settings › General › About › Certificate Trust Settings) "
                            + "and run the check with --ca-file ROOT.pem"));
        } else {
            results.add(CheckResult.pass(name, "issued by " + leaf.getIssuerX500Principal().getName()));
        }
        String hostName = "TLS certificate is valid for " + host;
        boolean hostOk = matchesHost(leaf, host);
        if (hostOk) {
            results.add(CheckResult.pass(hostName, ""));
        } else {
            results.add(CheckResult.fail(hostName, "subject alternative names: " + altNames(leaf),
                    "get a certificate whose subject alternative names include " + host
                            + " (iOS ignores the common name)"));
        }
        Instant notAfter = leaf.getNotAfter().toInstant();
        String expiryName = "TLS certificate does not expire within 30 days";
        if (notAfter.isAfter(clock.instant().plus(EXPIRY_MARGIN))) {
            results.add(CheckResult.pass(expiryName, "valid until " + notAfter));
        } else {
            results.add(CheckResult.fail(expiryName, "valid until " + notAfter,
                    "renew the certificate before " + notAfter + "; installs fail the moment it expires"));
        }
        // Without trust for this host every later request fails the same way, so stop here.
        return refusal == null && hostOk;
    }

    private static boolean isIpAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static boolean matchesHost(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (List<?> san : subjectAltNames(cert)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
            if (type == 7 && isIpAddress(h) && sameAddress(value, h)) return true;
            if (type == 2 && !isIpAddress(h)) {
                if (value.equals(h)) return true;
                if (value.startsWith("*.") && h.indexOf('.') > 0 && h.substring(h.indexOf('.')).equals(value.substring(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (IOException e) {
            return false;
        }
    }

    private static Collection<List<?>> subjectAltNames(X509Certificate cert) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static String altNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        for (List<?> san : subjectAltNames(cert)) names.add(String.valueOf(san.get(1)));
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    // ---- the listing ----

    private Optional<List<ListedRelease>> listing(URI base, List<CheckResult> results) {
        URI json = base.resolve(dev.otapress.render.Urls.LISTING);
        String name = "listing " + json + " is readable";
        Response response = fetch("GET", json);
        if (response.error().isEmpty() && response.status() == 200) {
            try {
                List<ListedRelease> releases = parseListing(new ObjectMapper().readTree(response.body()));
                results.add(CheckResult.pass(name, releases.size() + " release(s)"));
                return Optional.of(releases);
            } catch (IOException | IllegalArgumentException e) {
                results.add(CheckResult.fail(name, "not the listing otapress writes: " + e.getMessage(),
                        "deploy the releases.json that 'otapress build' writes to public/"));
                return Optional.empty();
            }
        }
        // Portals built by other tools, or older builds: the install links on the home page are enough.
        Response home = fetch("GET", base);
        if (home.error().isEmpty() && home.status() == 200) {
            List<ListedRelease> releases = new ArrayList<>();
            for (Element a : Jsoup.parse(new String(home.body(), java.nio.charset.StandardCharsets.UTF_8), base.toString())
                    .select("a[href^=itms-services:]")) {
                String link = a.attr("href");
                releases.add(new ListedRelease("", "", "", "", link,
                        InstallLink.parse(link).manifestUrl().flatMap(PortalDoctor::uri).orElse(null), null, OptionalLong.empty()));
            }
            if (!releases.isEmpty()) {
                results.add(CheckResult.pass("install links found on " + base,
                        releases.size() + " link(s); " + json + " answered " + response.describe()));
                return Optional.of(releases);
            }
        }
        results.add(CheckResult.fail(name, json + " answered " + response.describe() + "; " + base + " answered "
                        + home.describe() + " without itms-services links",
                response.status() / 100 == 3 ? new ServerFixes(response.server()).redirect("listing")
                        : new ServerFixes(response.server()).notFound("listing releases.json")));
        return Optional.empty();
    }

    private static List<ListedRelease> parseListing(JsonNode root) {
        JsonNode apps = root.path("apps");
        if (!apps.isArray()) throw new IllegalArgumentException("no 'apps' array");
        List<ListedRelease> releases = new ArrayList<>();
        for (JsonNode app : apps) {
            for (JsonNode r : app.path("releases")) {
                // A release kept for its history (expired profile, pruned IPA) has nothing to install.
                if (!r.path("state").asText("installable").equals("installable")) continue;
                String installUrl = r.path("installUrl").asText("");
                if (installUrl.isEmpty()) throw new IllegalArgumentException("a release without installUrl");
                JsonNode size = r.path("size");
                releases.add(new ListedRelease(app.path("name").asText(""), app.path("bundleIdentifier").asText(""),
                        r.path("version").asText(""), r.path("build").asText(""), installUrl,
                        uri(r.path("manifestUrl").asText("")).orElse(null), uri(r.path("ipaUrl").asText("")).orElse(null),
                        size.canConvertToLong() ? OptionalLong.of(size.asLong()) : OptionalLong.empty()));
            }
        }
        return releases;
    }

    private static List<ListedRelease> newestPerApp(List<ListedRelease> releases) {
        Map<String, ListedRelease> newest = new LinkedHashMap<>();
        for (ListedRelease r : releases) {
            newest.merge(r.appKey(), r, (a, b) -> new Version(b.version()).compareTo(new Version(a.version())) > 0 ? b : a);
        }
        return List.copyOf(newest.values());
    }

    // ---- one release ----

    private void checkRelease(ListedRelease release, List<CheckResult> results) {
        String label = release.label();
        InstallLink link = InstallLink.parse(release.installUrl());
        URI manifestUrl = release.manifestUrl() != null ? release.manifestUrl()
                : link.manifestUrl().flatMap(PortalDoctor::uri).orElse(null);
        checkInstallLink(label, link, release, results);
        if (manifestUrl == null) return;

        Response manifest = fetch("GET", manifestUrl);
        Optional<NSDictionary> plist = checkManifest(label, manifestUrl, manifest, release, results);
        if (plist.isEmpty()) return;

        Optional<URI> packageUrl = assetUrl(plist.get(), "software-package");
        URI ipaUrl = packageUrl.orElse(release.ipaUrl());
        if (ipaUrl == null) return;
        if (release.ipaUrl() != null && packageUrl.isPresent() && !release.ipaUrl().equals(packageUrl.get())) {
            results.add(CheckResult.fail(label + ": manifest names the listed .ipa", "manifest: " + packageUrl.get()
                    + ", listing: " + release.ipaUrl(), "rebuild and redeploy the portal so manifest and listing agree"));
        }
        checkIpa(label, ipaUrl, release, results);
        for (String kind : List.of("display-image", "full-size-image")) {
            assetUrl(plist.get(), kind).ifPresent(url -> {
                Response image = fetch("HEAD", url);
                String name = label + ": " + kind + " answers 200";
                if (image.ok()) results.add(CheckResult.pass(name, url.toString()));
                else results.add(CheckResult.fail(name, url + " answered " + image.describe(),
                        image.status() / 100 == 3 ? new ServerFixes(image.server()).redirect(kind)
                                : new ServerFixes(image.server()).notFound(kind)));
            });
        }
    }

    private static void checkInstallLink(String label, InstallLink link, ListedRelease release, List<CheckResult> results) {
        String name = label + ": install link decodes to the manifest URL";
        String fix = "compute the link once (itms-services://?action=download-manifest&url= plus the manifest URL "
                + "percent-encoded as one query value) and let the template escape it exactly once; rebuild with otapress";
        if (link.doubleEscaped()) {
            results.add(CheckResult.fail(name, "the link contains 'amp;' (HTML-escaped twice): iOS sees a parameter "
                    + "named amp;url and does nothing", fix));
        } else if (!link.hasDownloadAction() || link.manifestUrl().isEmpty()) {
            results.add(CheckResult.fail(name, "not an itms-services download-manifest link with a url parameter: "
                    + link.link(), fix));
        } else if (release.manifestUrl() != null && !link.manifestUrl().get().equals(release.manifestUrl().toString())) {
            results.add(CheckResult.fail(name, "decodes to " + link.manifestUrl().get() + ", listed manifest is "
                    + release.manifestUrl(), fix));
        } else if (!link.manifestUrl().get().startsWith("https://") || uri(link.manifestUrl().get()).isEmpty()) {
            results.add(CheckResult.fail(name, "decodes to " + link.manifestUrl().get()
                    + ", which is not a valid https URL", fix));
        } else {
            results.add(CheckResult.pass(name, link.manifestUrl().get()));
        }
    }

    private Optional<NSDictionary> checkManifest(String label, URI url, Response response, ListedRelease release,
                                                 List<CheckResult> results) {
        ServerFixes fixes = new ServerFixes(response.server());
        String reach = label + ": manifest answers 200 over HTTPS without a redirect";
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            results.add(CheckResult.fail(reach, url.toString(), "set base_url in site.yaml to the https URL and rebuild"));
            return Optional.empty();
        }
        if (!response.ok()) {
            results.add(CheckResult.fail(reach, url + " answered " + response.describe(),
                    response.status() / 100 == 3 ? fixes.redirect("manifest") : fixes.notFound("manifest")));
            return Optional.empty();
        }
        results.add(CheckResult.pass(reach, url.toString()));

        String type = response.contentType();
        String typeName = label + ": manifest is served as text/xml";
        if (type.equals("text/xml") || type.equals("application/xml")) {
            results.add(CheckResult.pass(typeName, type));
        } else {
            results.add(CheckResult.fail(typeName, "Content-Type: " + (type.isEmpty() ? "(none)" : type),
                    fixes.manifestType()));
        }

        String parseName = label + ": manifest parses and matches the listing";
        NSDictionary root;
        try {
            NSObject parsed = PlistParser.parse(response.body());
            if (!(parsed instanceof NSDictionary dict)) throw new IllegalArgumentException("the root is not a dict");
            root = dict;
        } catch (Exception e) {
            // dd-plist reports malformed input with several unrelated exception types.
            results.add(CheckResult.fail(parseName, "not a property list: " + e.getMessage(),
                    "deploy the manifest.plist that 'otapress build' writes, byte for byte"));
            return Optional.empty();
        }
        NSDictionary metadata = firstItem(root).map(item -> item.get("metadata"))
                .filter(NSDictionary.class::isInstance).map(NSDictionary.class::cast).orElse(null);
        if (metadata == null) {
            results.add(CheckResult.fail(parseName, "no items[0].metadata dict",
                    "deploy the manifest.plist that 'otapress build' writes"));
            return Optional.empty();
        }
        String bundleId = string(metadata, "bundle-identifier");
        String version = string(metadata, "bundle-version");
        List<String> mismatches = new ArrayList<>();
        if (bundleId.isEmpty()) mismatches.add("bundle-identifier is missing");
        if (!release.bundleIdentifier().isEmpty() && !bundleId.equals(release.bundleIdentifier())) {
            mismatches.add("bundle-identifier " + bundleId + " but listed " + release.bundleIdentifier());
        }
        if (!release.version().isEmpty() && !version.equals(release.version())) {
            mismatches.add("bundle-version " + version + " but listed " + release.version());
        }
        if (assetUrl(root, "software-package").isEmpty()) mismatches.add("no software-package asset with an https url");
        if (mismatches.isEmpty()) {
            results.add(CheckResult.pass(parseName, bundleId + " " + version));
        } else {
            results.add(CheckResult.fail(parseName, String.join("; ", mismatches),
                    "the deployed manifest is stale or foreign: rebuild and redeploy public/ as one unit"));
        }
        return Optional.of(root);
    }

    private void checkIpa(String label, URI url, ListedRelease release, List<CheckResult> results) {
        Response head = fetch("HEAD", url);
        ServerFixes fixes = new ServerFixes(head.server());
        String reach = label + ": .ipa answers HEAD with 200 without a redirect";
        if (!head.ok()) {
            results.add(CheckResult.fail(reach, url + " answered " + head.describe(),
                    head.status() / 100 == 3 ? fixes.redirect(".ipa") : fixes.notFound(".ipa")));
            return;
        }
        results.add(CheckResult.pass(reach, url.toString()));
        String type = head.contentType();
        String typeName = label + ": .ipa is served as application/octet-stream";
        if (type.equals("application/octet-stream")) results.add(CheckResult.pass(typeName, type));
        else results.add(CheckResult.fail(typeName, "Content-Type: " + (type.isEmpty() ? "(none)" : type), fixes.ipaType()));

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

    // ---- plist helpers ----

    private static Optional<NSDictionary> firstItem(NSDictionary root) {
        if (root.get("items") instanceof NSArray items && items.count() > 0
                && items.objectAtIndex(0) instanceof NSDictionary item) {
            return Optional.of(item);
        }
        return Optional.empty();
    }

    private static Optional<URI> assetUrl(NSDictionary root, String kind) {
        Optional<NSDictionary> item = firstItem(root);
        if (item.isEmpty() || !(item.get().get("assets") instanceof NSArray assets)) return Optional.empty();
        for (NSObject asset : assets.getArray()) {
            if (asset instanceof NSDictionary dict && kind.equals(string(dict, "kind"))) {
                return uri(string(dict, "url")).filter(u -> "https".equalsIgnoreCase(u.getScheme()));
            }
        }
        return Optional.empty();
    }

    private static String string(NSDictionary dict, String key) {
        return Objects.requireNonNullElse(Plists.string(dict, key), "");
    }

    // ---- HTTP ----

    private static Optional<URI> uri(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    private Response fetch(String method, URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body(), Optional.empty());
        } catch (IOException e) {
            return Response.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.failed("interrupted");
        }
    }
}
