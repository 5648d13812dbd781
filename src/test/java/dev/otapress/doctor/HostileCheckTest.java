package dev.otapress.doctor;

import dev.otapress.cli.Main;
import dev.otapress.server.TestCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code otapress check} against a server that fights back: endless, trickling and silent
 * answers, listings that point at other hosts and other schemes. Every run ends (the limits are
 * lowered by flags so the tests are quick), fails with exit 1, and says what went wrong.
 */
class HostileCheckTest {

    @TempDir
    static Path tmp;
    static TestCertificate cert;

    @BeforeAll
    static void certificate() throws Exception {
        cert = TestCertificate.create(tmp.resolve("tls"));
    }

    private record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run check(String... args) {
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        all.addAll(List.of("--ca-file", cert.certFile().toString()));
        if (!all.contains("--timeout")) all.addAll(List.of("--timeout", "2"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        Run run = new Run(code, out.toString(), err.toString());
        assertFalse(run.all().contains("unexpected failure"), run.all());
        return run;
    }

    private static String installLink(String manifestUrl) {
        return "itms-services://?action=download-manifest&url=" + URLEncoder.encode(manifestUrl, StandardCharsets.UTF_8);
    }

    /** A releases.json as otapress writes it, one app, one release per manifest URL. */
    static String listing(String baseUrl, List<String> manifestUrls, List<String> ipaUrls) {
        StringBuilder releases = new StringBuilder();
        for (int i = 0; i < manifestUrls.size(); i++) {
            if (i > 0) releases.append(",\n");
            String m = manifestUrls.get(i);
            releases.append("{\"version\":\"1.").append(i).append("\",\"build\":\"").append(i).append("\",\"title\":\"t\",")
                    .append("\"date\":\"2026-11-01T00:00:00Z\",\"channel\":\"stable\",\"state\":\"installable\",")
                    .append("\"manifestUrl\":\"").append(m).append("\",\"ipaUrl\":\"").append(ipaUrls.get(i)).append("\",")
                    .append("\"installUrl\":\"").append(installLink(m)).append("\",\"size\":3,\"sha256\":\"00\"}");
        }
        return "{\"schemaVersion\":2,\"title\":\"Hostile\",\"baseUrl\":\"" + baseUrl + "\",\"defaultChannel\":\"stable\","
                + "\"apps\":[{\"bundleIdentifier\":\"com.example.field\",\"name\":\"Field\",\"releases\":[" + releases + "]}]}";
    }

    static String manifest(String ipaUrl) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict><key>items</key><array><dict>"
                + "<key>assets</key><array><dict><key>kind</key><string>software-package</string><key>url</key><string>"
                + ipaUrl + "</string></dict></array><key>metadata</key><dict><key>bundle-identifier</key>"
                + "<string>com.example.field</string><key>bundle-version</key><string>1.0</string><key>kind</key>"
                + "<string>software</string><key>title</key><string>Field</string></dict></dict></array></dict></plist>\n";
    }

    @Test
    void aHomePageWithEndlessFolderLinksCostsABoundedNumberOfRequests() throws Exception {
        StringBuilder home = new StringBuilder("<!doctype html><title>h</title>");
        for (int i = 0; i < 5_000; i++) home.append("<a href=\"p/").append(i).append("/\">").append(i).append("</a>");
        try (HostileServer server = HostileServer.start(cert)) {
            server.on("/releases.json", HostileServer.text("application/json", listing(server.url("/").toString(), List.of(), List.of())))
                    .on("/", HostileServer.text("text/html; charset=utf-8", home.toString()));
            Run run = check(server.url("/").toString());
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().contains("✗ page URLs ending in / are served as pages (" + PageCheck.MAX_LINKED + " of "
                    + (PageCheck.MAX_LINKED + 1) + " page URLs"), run.out());
            assertTrue(server.requests() <= PageCheck.MAX_LINKED + 5, "requests made: " + server.requests());
        }
    }

    @Test
    void aHostThatAnswersMissingPagesWithTheHomePageFails() throws Exception {
        try (HostileServer server = HostileServer.start(cert)) {
            String home = "<!doctype html><title>h</title><link rel=\"canonical\" href=\"" + server.url("/") + "\">"
                    + "<a href=\"rel/1.0/\">1.0</a>";
            server.on("/releases.json", HostileServer.text("application/json", listing(server.url("/").toString(), List.of(), List.of())))
                    .on("/", HostileServer.text("text/html; charset=utf-8", home))
                    // A single-page-app rule, or a CDN error page, answers a folder it does not find with the home page.
                    .on("/rel/1.0/", HostileServer.text("text/html; charset=utf-8", home));
            Run run = check(server.url("/").toString());
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().contains("✗ page URLs ending in / are served as pages (1 of 2 page URLs from the home page, the pages"
                    + " it links and releases.json answered another page: " + server.url("/rel/1.0/") + " answered the page of "
                    + server.url("/") + ")"), run.out());
            assertTrue(run.out().contains("fix: the host answers paths it does not find with another page"), run.out());

            server.on("/rel/1.0/", HostileServer.text("text/html; charset=utf-8", "<!doctype html><title>r</title>"
                    + "<link rel=\"canonical\" href=\"https://apps.example.com/ios/rel/1.0/\">"));
            Run right = check(server.url("/").toString());
            assertTrue(right.out().contains("✓ page URLs ending in / are served as pages (2 page URLs"), "a page built for another"
                    + " base URL (staging) names its own path: " + right.out());
        }
    }

    @Test
    void anEndlessListingIsCutOffAtItsCap() throws Exception {
        try (HostileServer server = HostileServer.start(cert).on("/releases.json", HostileServer.endless())) {
            Run run = check(server.url("/").toString(), "--max-listing-mb", "2", "--timeout", "30");
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().contains("the body is larger than 2 MB (raise the cap with --max-listing-mb)"), run.out());
        }
    }

    @Test
    void aListingThatTricklesOrNeverComesEndsWithinTheRequestTimeout() throws Exception {
        try (HostileServer server = HostileServer.start(cert).on("/releases.json", HostileServer.slow())
                .on("/", HostileServer.silent())) {
            Run run = check(server.url("/").toString());
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().contains("releases.json answered nothing (no complete answer within 2 s (raise it with --timeout))"),
                    run.out());
            assertFalse(run.out().contains(server.url("/") + " answered"), "no second timeout on the home page: " + run.out());
        }
    }

    @Test
    void urlsOnOtherHostsOrSchemesAreReportedAndNeverRequested() throws Exception {
        try (HostileServer other = HostileServer.start(cert).on("/m.plist", HostileServer.text("text/xml", manifest("https://x/a.ipa")));
             HostileServer server = HostileServer.start(cert)) {
            String base = server.url("/").toString();
            String elsewhere = other.url("/m.plist").toString();
            List<String> manifests = List.of(elsewhere, "http://127.0.0.1:" + server.port() + "/m.plist", "file:///etc/passwd",
                    "ftp://127.0.0.1/m.plist", "https://user:pw@127.0.0.1:" + server.port() + "/m.plist", "gopher:x");
            List<String> ipas = List.of(base + "a.ipa", "file:///etc/shadow", base + "a.ipa", "jar:file:/x!/y", base + "a.ipa",
                    "https://169.254.169.254/latest/meta-data/");
            String json = listing(base, manifests, ipas).replace("]}]}",
                    ",{\"version\":\"0.9\",\"build\":\"9\",\"title\":\"old\",\"date\":\"2026-01-01T00:00:00Z\",\"channel\":\"stable\","
                            + "\"state\":\"profile-expired\",\"stateReason\":\"its profile expired on 2 Nov 2026\",\"size\":0}]}]}");
            server.on("/releases.json", HostileServer.text("application/json", json));

            Run run = check(base);
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertEquals(0, other.requests(), "a host only the listing names is never requested:\n" + run.out());
            for (String url : List.of(elsewhere, "file:///etc/passwd", "ftp://127.0.0.1/m.plist", "file:///etc/shadow",
                    "https://169.254.169.254/latest/meta-data/")) {
                assertTrue(run.out().contains(url + " (not requested: "), url + "\n" + run.out());
            }
            assertTrue(run.out().contains("✗ Field 1.0: listed URLs are on the checked hosts"), run.out());
            assertTrue(run.out().contains("is not a checked host (127.0.0.1:" + server.port() + ")"), run.out());
            assertTrue(run.out().contains("the URL carries a user name or password"), run.out());
            assertTrue(run.out().contains("--allow-host HOST"), run.out());
            assertTrue(run.out().contains("✓ Field 0.9: listed as not installable (profile-expired: its profile expired on 2 Nov 2026)"),
                    run.out());

            Run allowed = check(base, "--allow-host", "127.0.0.1:" + other.port());
            assertTrue(other.requests() > 0, "an allowed host is requested:\n" + allowed.out());
            assertTrue(allowed.out().contains("✓ Field 1.0: manifest answers 200"), allowed.out());
        }
    }

    @Test
    void manifestsThatNeverAnswerStopCostingTimeAfterAFew() throws Exception {
        try (HostileServer server = HostileServer.start(cert)) {
            String base = server.url("/").toString();
            List<String> manifests = new ArrayList<>();
            List<String> ipas = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                manifests.add(base + "m" + i + ".plist");
                ipas.add(base + "a" + i + ".ipa");
                server.on("/m" + i + ".plist", HostileServer.silent());
            }
            server.on("/releases.json", HostileServer.text("application/json", listing(base, manifests, ipas)));
            Run run = check(base, "--parallel", "2");
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().contains("no complete answer within 2 s"), run.out());
            assertTrue(run.out().contains("already failed 3 requests (no complete answer within 2 s, or a body over its cap)"), run.out());
            assertTrue(server.requests() < 10, "requests made: " + server.requests());
        }
    }

    @Test
    void anEndlessManifestIsCutOffAtItsCap() throws Exception {
        try (HostileServer server = HostileServer.start(cert)) {
            String base = server.url("/").toString();
            server.on("/m.plist", HostileServer.endless())
                    .on("/releases.json", HostileServer.text("application/json", listing(base, List.of(base + "m.plist"), List.of(base + "a.ipa"))));
            Run run = check(base, "--max-manifest-kb", "64");
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().contains("the body is larger than 64 KB (raise the cap with --max-manifest-kb)"), run.out());
        }
    }

    @Test
    void theRunsDeadlineEndsItAndCountsWhatWasNotChecked() throws Exception {
        try (HostileServer server = HostileServer.start(cert)) {
            String base = server.url("/").toString();
            List<String> manifests = new ArrayList<>();
            List<String> ipas = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                manifests.add(base + "m" + i + ".plist");
                ipas.add(base + "a.ipa");
                server.on("/m" + i + ".plist", HostileServer.slow());
            }
            server.on("/releases.json", HostileServer.text("application/json", listing(base, manifests, ipas)));
            Run run = check(base, "--parallel", "1", "--deadline", "3");
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().matches("(?s).*\\d+ of 20 release\\(s\\) not checked within 3 s.*|(?s).*deadline of 3 s.*"), run.out());
        }
    }

    @Test
    void aServerThatAcceptsAndNeverSpeaksTlsEndsWithinTheTimeout() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Run run = check("https://127.0.0.1:" + mute.getLocalPort() + "/");
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().contains("✗ TLS certificate of 127.0.0.1 is trusted (no TLS connection to 127.0.0.1:"
                    + mute.getLocalPort() + " within 2 s"), run.out());
        }
    }

    @Test
    void withoutUrlItChecksTheSitesOwnBaseUrl() throws Exception {
        try (HostileServer server = HostileServer.start(cert)) {
            Path site = Files.createDirectories(tmp.resolve("site"));
            Files.writeString(site.resolve("site.yaml"), "title: Hostile\nbase_url: " + server.url("/ios/") + "\n");
            Run run = check("--site", site.toString());
            assertEquals(Main.FAILED, run.exitCode(), run.all());
            assertTrue(run.out().contains("listing " + server.url("/ios/releases.json") + " is readable"), run.out());
            assertTrue(server.requests() > 0);

            Run noSite = check("--site", tmp.resolve("tls").toString());
            assertEquals(Main.FAILED, noSite.exitCode(), noSite.all());
            assertTrue(noSite.err().contains("site.yaml"), noSite.err());
            assertTrue(noSite.err().contains("check needs the portal's URL"), noSite.err());
        }
    }

    @Test
    void oddUrlsAndHostNamesAreUsageErrorsOrFailedChecksNeverCrashes() {
        for (String host : List.of("-", "a b", "h/x", "user@h", "h:99999999999", "[zz]", "")) {
            Run run = check("https://127.0.0.1:1/", "--allow-host", host);
            assertEquals(Main.USAGE, run.exitCode(), host + ": " + run.all());
            assertTrue(run.err().contains("--allow-host takes a host name"), host + ": " + run.err());
        }
        for (String url : List.of("https://127.0.0.1:99999/", "https://[::1]:1/", "https://a_b.invalid:1/", "https:///x",
                "ftp://127.0.0.1/", "file:///etc/passwd")) {
            Run run = check(url);
            assertEquals(Main.FAILED, run.exitCode(), url + ": " + run.all());
            assertTrue(run.out().contains("✗ "), url + ": " + run.out());
        }
    }

    @Test
    void theDownloadHostThatSiteYamlNamesIsRequestedAndNoOther() throws Exception {
        try (HostileServer downloads = HostileServer.start(cert).on("/dl/a.ipa", HostileServer.text("application/octet-stream", "abc"));
             HostileServer server = HostileServer.start(cert)) {
            String base = server.url("/").toString();
            String ipa = downloads.url("/dl/a.ipa").toString();
            server.on("/m.plist", HostileServer.text("text/xml", manifest(ipa)))
                    .on("/releases.json", HostileServer.text("application/json", listing(base, List.of(base + "m.plist"), List.of(ipa))));
            Path site = Files.createDirectories(tmp.resolve("cdn-site"));
            Files.writeString(site.resolve("site.yaml"), "title: Hostile\nbase_url: " + base + "\ndownloads_base_url: "
                    + downloads.url("/dl/") + "\n");

            Run alone = check(base);
            assertEquals(Main.FAILED, alone.exitCode(), alone.all());
            assertEquals(0, downloads.requests(), alone.out());
            assertTrue(alone.out().contains("✗ Field 1.0: listed URLs are on the checked hosts (" + ipa), alone.out());

            Run withSite = check(base, "--site", site.toString());
            assertTrue(downloads.requests() > 0, withSite.out());
            assertTrue(withSite.out().contains("✓ Field 1.0: .ipa answers HEAD with 200 without a redirect (" + ipa + ")"), withSite.out());
            assertTrue(withSite.out().contains("✓ Field 1.0: .ipa Content-Length matches the listed size (3 bytes)"), withSite.out());
        }
    }

    /** The whole command in a JVM of 256 MB against a listing that never ends, with the default limits. */
    @Test
    void anEndlessListingEndsCleanlyInA256MbHeapWithTheDefaultLimits() throws Exception {
        try (HostileServer server = HostileServer.start(cert).on("/releases.json", HostileServer.endless())) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "check", server.url("/").toString(), "--ca-file", cert.certFile().toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
            assertEquals(Main.FAILED, p.exitValue(), output);
            assertTrue(output.contains("the body is larger than 32 MB"), output);
            assertFalse(output.contains("OutOfMemoryError") || output.contains("unexpected failure"), output);
        }
    }
}
