package dev.otapress.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigsTest {

    private static final URI BASE = URI.create("https://intranet.example.com/mobile/ios/");
    private final ServerConfigs configs = new ServerConfigs(BASE);

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void everySnippetIsDeterministicAndSaysWhereItGoes(ServerKind kind) {
        String text = configs.render(kind);
        assertEquals(text, new ServerConfigs(BASE).render(kind));
        String firstComment = kind == ServerKind.IIS ? text.lines().skip(2).findFirst().orElseThrow()
                : text.lines().findFirst().orElseThrow();
        assertTrue(firstComment.contains("otapress") && firstComment.contains(BASE.toString()), firstComment);
        assertTrue(text.contains("text/xml"), text);
        assertTrue(text.contains("application/octet-stream"), text);
    }

    @Test
    void prefixedRulesNameThePrefix() {
        assertTrue(configs.render(ServerKind.NGINX).contains("location ^~ /mobile/ios/ {"));
        assertTrue(configs.render(ServerKind.APACHE).contains("<LocationMatch \"^/mobile/ios/.*\\.plist$\">"));
        assertTrue(configs.render(ServerKind.CADDY).contains("handle /mobile/ios/* {"));
        assertTrue(configs.render(ServerKind.NETLIFY).contains("/mobile/ios/*.plist\n  Content-Type: text/xml\n  Cache-Control: no-cache"));
        assertTrue(configs.render(ServerKind.S3).contains("\"s3://$BUCKET/mobile/ios/\""));
    }

    @Test
    void nginxSetsOneTypePerLocationBecauseATypesBlockReplacesTheMap() {
        String nginx = configs.render(ServerKind.NGINX);
        assertTrue(nginx.contains("location ~* \\.plist$ {\n        types { } default_type text/xml;"), nginx);
        assertTrue(nginx.contains("location ~* \\.ipa$ {\n        types { } default_type application/octet-stream;"), nginx);
        // The http->https redirect is offered, never active: every line mentioning it is a comment.
        nginx.lines().filter(l -> l.contains("return 301")).forEach(l -> assertTrue(l.startsWith("#"), l));
    }

    @Test
    void htaccessKeepsHeaderDirectivesInsideIfModule() {
        String htaccess = file(configs.webRootFiles(), ".htaccess");
        int open = htaccess.indexOf("<IfModule mod_headers.c>");
        int close = htaccess.indexOf("</IfModule>");
        assertTrue(open >= 0 && close > open, htaccess);
        Matcher header = Pattern.compile("(?m)^\\s*Header ").matcher(htaccess);
        while (header.find()) assertTrue(header.start() > open && header.start() < close, htaccess);
        assertTrue(htaccess.contains("AddType text/xml .plist"));
        htaccess.lines().filter(l -> l.contains("Rewrite")).forEach(l -> assertTrue(l.startsWith("#"), l));
    }

    @Test
    void netlifyRulesNeverSetCacheControlTwiceForOnePath() {
        // Netlify joins repeated headers with a comma; the catch-all rule must not carry Cache-Control.
        String headers = file(configs.webRootFiles(), "_headers");
        String catchAll = headers.substring(headers.indexOf("/mobile/ios/*\n"), headers.indexOf("\n\n", headers.indexOf("/mobile/ios/*\n")));
        assertFalse(catchAll.contains("Cache-Control"), catchAll);
        assertTrue(catchAll.contains("Content-Security-Policy: " + ServerConfigs.CONTENT_SECURITY_POLICY));
    }

    @Test
    void webConfigIsWellFormedXmlWithTheMimeMaps() throws Exception {
        String xml = file(configs.webRootFiles(), "web.config");
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var maps = doc.getElementsByTagName("mimeMap");
        assertEquals(2, maps.getLength());
        assertEquals("text/xml", ((org.w3c.dom.Element) maps.item(0)).getAttribute("mimeType"));
        assertEquals("DisableCache", ((org.w3c.dom.Element) doc.getElementsByTagName("clientCache").item(0))
                .getAttribute("cacheControlMode"));
    }

    @Test
    void filesAreListedInAFixedOrder() {
        assertEquals(List.of(".htaccess", "_headers", "web.config"), configs.webRootFiles().stream().map(TextFile::path).toList());
        assertEquals(List.of("nginx.conf", "apache.conf", "Caddyfile", "s3.md"),
                configs.serverConfigFiles().stream().map(TextFile::path).toList());
    }

    @Test
    void aRootPortalUsesTheSlashPrefix() {
        String nginx = new ServerConfigs(URI.create("https://apps.example.com")).render(ServerKind.NGINX);
        assertTrue(nginx.contains("location ^~ / {"), nginx);
    }

    @Test
    void refusesBaseUrlsThatCannotServeInstalls() {
        assertThrows(IllegalArgumentException.class, () -> new ServerConfigs(URI.create("http://example.com/")));
        assertThrows(IllegalArgumentException.class, () -> new ServerConfigs(URI.create("/relative/")));
        assertThrows(IllegalArgumentException.class, () -> new ServerConfigs(URI.create("https://example.com/a%20b/")));
    }

    @Test
    void cliNamesRoundTrip() {
        for (ServerKind kind : ServerKind.values()) assertEquals(kind, ServerKind.fromCliName(kind.cliName()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerKind.fromCliName("lighttpd"));
        assertTrue(e.getMessage().contains("nginx|apache|caddy|iis|netlify|s3"), e.getMessage());
    }

    private static String file(List<TextFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }
}
