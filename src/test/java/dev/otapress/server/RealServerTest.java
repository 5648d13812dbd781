package dev.otapress.server;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.otapress.media.ContentSecurityPolicy;
import dev.otapress.media.HttpRules;
import dev.otapress.media.Served;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Serves a portal under /mobile/ios/ from each real server with the generated configuration, and
 * checks what an iPhone depends on over HTTPS, never following redirects.
 */
class RealServerTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = RealServer.Setup.class, names = {"NGINX", "APACHE_CONF", "APACHE_HTACCESS", "CADDY"})
    void servesThePortalTheWayIosNeedsIt(RealServer.Setup setup) throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"));
        try (RealServer server = RealServer.start(setup, tmp.resolve("server"), cert)) {
            HttpClient http = HttpClient.newBuilder().sslContext(cert.sslContext())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            Client client = new Client(http, server);

            for (TestPortal.Release release : server.portal().releases()) {
                HttpResponse<byte[]> manifest = client.send("GET", release.manifestUrl(), Optional.empty());
                assertEquals(200, manifest.statusCode(), client.explain(release.manifestUrl(), manifest));
                assertTrue(List.of("text/xml", "application/xml").contains(mediaType(manifest)),
                        client.explain(release.manifestUrl(), manifest));
                assertTrue(header(manifest, "cache-control").contains("no-cache"), client.explain(release.manifestUrl(), manifest));

                HttpResponse<byte[]> head = client.send("HEAD", release.ipaUrl(), Optional.empty());
                assertEquals(200, head.statusCode(), client.explain(release.ipaUrl(), head));
                assertEquals("application/octet-stream", mediaType(head), client.explain(release.ipaUrl(), head));
                assertEquals(String.valueOf(release.ipa().length), header(head, "content-length"), client.explain(release.ipaUrl(), head));
                assertTrue(header(head, "cache-control").contains("immutable"), client.explain(release.ipaUrl(), head));

                HttpResponse<byte[]> get = client.send("GET", release.ipaUrl(), Optional.empty());
                assertEquals(200, get.statusCode());
                assertEquals("application/octet-stream", mediaType(get));
                assertEquals(String.valueOf(release.ipa().length), header(get, "content-length"));
                assertArrayEquals(release.ipa(), get.body());

                HttpResponse<byte[]> range = client.send("GET", release.ipaUrl(), Optional.of("bytes=1000-1999"));
                assertEquals(206, range.statusCode(), client.explain(release.ipaUrl(), range));
                assertArrayEquals(Arrays.copyOfRange(release.ipa(), 1000, 2000), range.body());
                assertEquals("bytes 1000-1999/" + release.ipa().length, header(range, "content-range"));

                HttpResponse<byte[]> icon = client.send("GET", release.smallIconUrl(), Optional.empty());
                assertEquals(200, icon.statusCode(), client.explain(release.smallIconUrl(), icon));
                assertTrue(header(icon, "cache-control").contains("max-age="), client.explain(release.smallIconUrl(), icon));

                assertPage(client, release.pageUrl());
            }
            assertPage(client, server.baseUrl());
            assertPage(client, server.baseUrl().resolve("index.html"));

            HttpResponse<byte[]> listing = client.send("GET", server.baseUrl().resolve("releases.json"), Optional.empty());
            assertEquals(200, listing.statusCode());
            assertTrue(header(listing, "cache-control").contains("no-cache"), client.explain(server.baseUrl(), listing));
            assertInstallLinksLeadStraightToFiles(client, listing.body());
            assertAuthorFilesAreInert(client, server.baseUrl().resolve(TestPortal.SIDE_FOLDER + "/"));
        }
    }

    /** A path prefix with a space and non-ASCII letters reaches each config decoded and quoted, and still matches. */
    @ParameterizedTest
    @EnumSource(value = RealServer.Setup.class, names = {"NGINX", "APACHE_CONF", "APACHE_HTACCESS", "CADDY"})
    void aPrefixWithASpaceIsMatched(RealServer.Setup setup) throws Exception {
        TestCertificate cert = TestCertificate.create(tmp.resolve("tls"));
        try (RealServer server = RealServer.start(setup, tmp.resolve("server"), cert, "/mobile apps/büro (1)/")) {
            HttpClient http = HttpClient.newBuilder().sslContext(cert.sslContext())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            Client client = new Client(http, server);
            assertTrue(server.baseUrl().toString().contains("/mobile%20apps/b%C3%BCro%20%281%29/"), server.baseUrl().toString());
            assertPage(client, server.baseUrl());
            TestPortal.Release release = server.portal().releases().get(0);
            HttpResponse<byte[]> manifest = client.send("GET", release.manifestUrl(), Optional.empty());
            assertEquals("text/xml", mediaType(manifest), client.explain(release.manifestUrl(), manifest));
            HttpResponse<byte[]> ipa = client.send("HEAD", release.ipaUrl(), Optional.empty());
            assertTrue(header(ipa, "cache-control").contains("immutable"), client.explain(release.ipaUrl(), ipa));
            assertAuthorFilesAreInert(client, server.baseUrl().resolve(TestPortal.SIDE_FOLDER + "/"));
        }
    }

    /** Every file an author put beside a release: the inert policy, and documents as downloads. */
    private static void assertAuthorFilesAreInert(Client client, URI folder) throws Exception {
        for (String name : TestPortal.ACTIVE_SIDE_FILES.keySet()) {
            URI url = folder.resolve(name);
            HttpResponse<byte[]> answer = client.send("GET", url, Optional.empty());
            assertEquals(200, answer.statusCode(), client.explain(url, answer));
            Served expected = HttpRules.forPath(TestPortal.SIDE_FOLDER + "/" + name);
            assertEquals(expected.contentType(), header(answer, "content-type"), client.explain(url, answer));
            assertEquals(ContentSecurityPolicy.INERT, header(answer, "content-security-policy"), client.explain(url, answer));
            assertEquals("nosniff", header(answer, "x-content-type-options"), client.explain(url, answer));
            assertEquals(expected.attachment() ? "attachment" : "", header(answer, "content-disposition"), client.explain(url, answer));
            assertEquals("no-cache", header(answer, "cache-control"), client.explain(url, answer));
        }
        for (String image : TestPortal.IMAGES) {
            URI url = folder.resolve(image);
            HttpResponse<byte[]> answer = client.send("GET", url, Optional.empty());
            assertEquals(200, answer.statusCode(), client.explain(url, answer));
            assertTrue(mediaType(answer).startsWith("image/"), client.explain(url, answer));
            assertEquals(ContentSecurityPolicy.INERT, header(answer, "content-security-policy"), client.explain(url, answer));
        }
        // The generated manifest beside them stays inline: a name rule, not the .plist type rule.
        URI manifest = folder.resolve("manifest.plist");
        HttpResponse<byte[]> answer = client.send("GET", manifest, Optional.empty());
        assertEquals("text/xml", header(answer, "content-type"), client.explain(manifest, answer));
        assertEquals("", header(answer, "content-disposition"), client.explain(manifest, answer));
        URI feed = folder.resolve("../../feed.xml");
        HttpResponse<byte[]> atom = client.send("GET", feed, Optional.empty());
        assertEquals("application/atom+xml; charset=utf-8", header(atom, "content-type").replace("UTF-8", "utf-8"), client.explain(feed, atom));
    }

    /** Follows every install link the way iOS does: decode url= once, fetch, then every asset. */
    private static void assertInstallLinksLeadStraightToFiles(Client client, byte[] listingJson) throws Exception {
        JsonNode root = new ObjectMapper().readTree(listingJson);
        int links = 0;
        for (JsonNode release : root.path("apps").get(0).path("releases")) {
            String link = release.path("installUrl").asText();
            assertFalse(link.contains("amp;"), link);
            String prefix = "itms-services://?action=download-manifest&url=";
            assertTrue(link.startsWith(prefix), link);
            URI manifestUrl = URI.create(java.net.URLDecoder.decode(link.substring(prefix.length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8));
            assertEquals(release.path("manifestUrl").asText(), manifestUrl.toString());
            HttpResponse<byte[]> manifest = client.send("GET", manifestUrl, Optional.empty());
            assertEquals(200, manifest.statusCode(), client.explain(manifestUrl, manifest));
            NSDictionary plist = (NSDictionary) PropertyListParser.parse(manifest.body());
            NSDictionary item = (NSDictionary) ((NSArray) plist.get("items")).objectAtIndex(0);
            NSObject[] assets = ((NSArray) item.get("assets")).getArray();
            assertEquals(3, assets.length);
            for (NSObject asset : assets) {
                URI url = URI.create(((NSDictionary) asset).get("url").toJavaObject().toString());
                HttpResponse<byte[]> answer = client.send("GET", url, Optional.empty());
                assertEquals(200, answer.statusCode(), client.explain(url, answer));
            }
            links++;
        }
        assertEquals(2, links);
    }

    private static void assertPage(Client client, URI url) throws Exception {
        HttpResponse<byte[]> page = client.send("GET", url, Optional.empty());
        assertEquals(200, page.statusCode(), client.explain(url, page));
        assertEquals("text/html", mediaType(page), client.explain(url, page));
        assertTrue(header(page, "cache-control").contains("no-cache"), client.explain(url, page));
        assertEquals(ContentSecurityPolicy.PAGE, header(page, "content-security-policy"), client.explain(url, page));
        assertEquals("nosniff", header(page, "x-content-type-options"), client.explain(url, page));
        assertEquals("", header(page, "content-disposition"), client.explain(url, page));
    }

    private static String header(HttpResponse<?> response, String name) {
        return String.join(", ", response.headers().allValues(name));
    }

    private static String mediaType(HttpResponse<?> response) {
        return header(response, "content-type").split(";")[0].trim();
    }

    private record Client(HttpClient http, RealServer server) {
        HttpResponse<byte[]> send(String method, URI url, Optional<String> range) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            range.ifPresent(r -> request.header("Range", r));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        String explain(URI url, HttpResponse<?> response) {
            return method(response) + " " + url + " -> " + response.statusCode() + " " + response.headers().map()
                    + "\n" + server.log();
        }

        private static String method(HttpResponse<?> response) {
            return response.request().method();
        }
    }
}
