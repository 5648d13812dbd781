package dev.otapress.server;

import dev.otapress.config.BaseUrl;
import dev.otapress.media.ContentSecurityPolicy;
import dev.otapress.media.HttpRules;
import dev.otapress.media.MediaType;
import dev.otapress.media.MediaTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigsTest {

    private static final BaseUrl BASE = BaseUrl.of("https://intranet.example.com/mobile/ios/");
    private static final List<String> SIDE_FILES = List.of("releases/1.0/diagram.svg", "releases/1.0/notes.html",
            "releases/2.0 beta & #1 ü %/extra.plist", "releases/1.0/shot.png");
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

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"NGINX", "APACHE", "CADDY"})
    void everyTypeOfTheRegistryIsInTheConfigsThatSetTypes(ServerKind kind) {
        String text = configs.render(kind);
        for (MediaType t : MediaTypes.ALL) {
            if (t == MediaTypes.UNKNOWN) continue;
            assertTrue(text.contains(t.contentType()), kind + " lacks " + t.contentType());
        }
        assertTrue(text.contains(ContentSecurityPolicy.INERT) || kind == ServerKind.S3 && text.contains("sandbox"), text);
    }

    @Test
    void prefixedRulesNameThePrefix() {
        assertTrue(configs.render(ServerKind.NGINX).contains("location ^~ \"/mobile/ios/\" {"));
        assertTrue(configs.render(ServerKind.APACHE).contains("<Location \"/mobile/ios/\">"));
        assertTrue(configs.render(ServerKind.CADDY).contains("handle \"/mobile/ios/*\" {"));
        assertTrue(configs.render(ServerKind.NETLIFY).contains("/mobile/ios/*.plist\n  Content-Type: text/xml\n  Cache-Control: no-cache"));
        assertTrue(configs.render(ServerKind.S3).contains("'s3://'\"$BUCKET\"'/mobile/ios/'"));
    }

    @Test
    void offeredRedirectsAreCommentsOnly() {
        configs.render(ServerKind.NGINX).lines().filter(l -> l.contains("return 301")).forEach(l -> assertTrue(l.startsWith("#"), l));
        file(configs.webRootFiles(List.of()), ".htaccess").lines().filter(l -> l.contains("Rewrite"))
                .forEach(l -> assertTrue(l.startsWith("#"), l));
    }

    @Test
    void htaccessSendsHeadersWithoutIfModuleSoAMissingModuleFailsLoudly() {
        String htaccess = file(configs.webRootFiles(List.of()), ".htaccess");
        assertFalse(htaccess.contains("<IfModule"), htaccess);
        assertTrue(htaccess.contains("AddType \"text/xml\" .plist"), htaccess);
        assertTrue(htaccess.contains("Header always set Content-Security-Policy \"" + ContentSecurityPolicy.INERT + "\""), htaccess);
    }

    /** Netlify's format: a path line, then indented "Name: value" lines; blocks apart by blank lines. */
    @Test
    void netlifyHeadersParseAndSideFilesGetBothPolicies() {
        String text = file(configs.webRootFiles(SIDE_FILES), "_headers");
        Map<String, Map<String, List<String>>> rules = parseHeaders(text);
        Map<String, List<String>> catchAll = rules.get("/mobile/ios/*");
        assertFalse(catchAll.containsKey("Cache-Control"), catchAll.toString());
        assertEquals(List.of(ContentSecurityPolicy.PAGE), catchAll.get("Content-Security-Policy"));
        Map<String, List<String>> plist = rules.get("/mobile/ios/releases/2.0%20beta%20%26%20%231%20%C3%BC%20%25/extra.plist");
        assertEquals(List.of(ContentSecurityPolicy.INERT), plist.get("Content-Security-Policy"), text);
        assertEquals(List.of("attachment"), plist.get("Content-Disposition"));
        Map<String, List<String>> png = rules.get("/mobile/ios/releases/1.0/shot.png");
        assertFalse(png.containsKey("Content-Disposition"));
        // Cache-Control is set by rules that never overlap: each pattern-set path matches one at most.
        List<String> cacheRules = rules.entrySet().stream().filter(e -> e.getValue().containsKey("Cache-Control")).map(Map.Entry::getKey).toList();
        assertEquals(List.of("/mobile/ios/*.html", "/mobile/ios/releases.json", "/mobile/ios/*.plist", "/mobile/ios/*.ipa",
                "/mobile/ios/*/icon-57.png", "/mobile/ios/*/icon-512.png", "/mobile/ios/*/icon-120.png",
                "/mobile/ios/*/icon-180.png"), cacheRules);
    }

    @Test
    void webConfigIsWellFormedXmlWithEveryMimeMapAndInertSideFiles() throws Exception {
        Document doc = parse(file(configs.webRootFiles(SIDE_FILES), "web.config"));
        NodeList maps = doc.getElementsByTagName("mimeMap");
        Map<String, String> byExtension = new LinkedHashMap<>();
        for (int i = 0; i < maps.getLength(); i++) {
            Element e = (Element) maps.item(i);
            byExtension.put(e.getAttribute("fileExtension"), e.getAttribute("mimeType"));
        }
        assertEquals("text/xml", byExtension.get(".plist"));
        assertEquals("application/octet-stream", byExtension.get(".ipa"));
        assertEquals("image/svg+xml", byExtension.get(".svg"));
        NodeList locations = doc.getElementsByTagName("location");
        assertEquals(SIDE_FILES.size(), locations.getLength());
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < locations.getLength(); i++) {
            Element location = (Element) locations.item(i);
            paths.add(location.getAttribute("path"));
            String csp = null;
            NodeList adds = location.getElementsByTagName("add");
            for (int j = 0; j < adds.getLength(); j++) {
                Element add = (Element) adds.item(j);
                if (add.getAttribute("name").equals("Content-Security-Policy")) csp = add.getAttribute("value");
            }
            assertEquals(ContentSecurityPolicy.INERT, csp, location.getAttribute("path"));
        }
        assertEquals(SIDE_FILES, paths);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x---y.example.com/a---b/", "https://h.example/--/-/", "https://h.example/x-/"})
    void webConfigStaysWellFormedWithDashesInTheBaseUrl(String base) throws Exception {
        for (TextFile f : new ServerConfigs(BaseUrl.of(base)).webRootFiles(List.of())) {
            if (f.path().equals("web.config")) parse(f.content());
        }
    }

    @Test
    void everyConfigSendsGeneratedFilesByTheirExactNames() {
        String nginx = configs.render(ServerKind.NGINX);
        for (HttpRules.NameRule rule : HttpRules.GENERATED) {
            assertTrue(nginx.contains("location ~ \"/" + rule.fileName().replace(".", "\\\\.") + "$\""), rule.fileName() + "\n" + nginx);
        }
        // The feed is the one generated name whose type differs from its suffix's.
        assertTrue(nginx.contains("types { } default_type \"application/atom+xml; charset=utf-8\";"), nginx);
    }

    @Test
    void filesAreListedInAFixedOrder() {
        assertEquals(List.of(".htaccess", "_headers", "web.config"),
                configs.webRootFiles(List.of()).stream().map(TextFile::path).toList());
        assertEquals(List.of("nginx.conf", "apache.conf", "Caddyfile", "s3.md"),
                configs.serverConfigFiles().stream().map(TextFile::path).toList());
    }

    @Test
    void aRootPortalUsesTheSlashPrefix() {
        String nginx = new ServerConfigs(BaseUrl.of("https://apps.example.com")).render(ServerKind.NGINX);
        assertTrue(nginx.contains("location ^~ \"/\" {"), nginx);
    }

    @Test
    void aSpaceInTheBaseUrlIsQuotedForEachServer() {
        ServerConfigs spaced = new ServerConfigs(BaseUrl.of("https://apps.example.com/mobile%20apps/"));
        assertTrue(spaced.render(ServerKind.NGINX).contains("location ^~ \"/mobile apps/\" {"));
        assertTrue(spaced.render(ServerKind.APACHE).contains("<Location \"/mobile apps/\">"));
        assertTrue(spaced.render(ServerKind.CADDY).contains("handle \"/mobile apps/*\" {"));
        assertTrue(spaced.render(ServerKind.NETLIFY).contains("/mobile%20apps/*.ipa\n"));
        assertTrue(spaced.render(ServerKind.S3).contains("'/mobile apps/'"));
        for (ServerKind kind : ServerKind.values()) assertFalse(spaced.render(kind).contains("\0"), kind.toString());
    }

    @Test
    void cliNamesRoundTrip() {
        for (ServerKind kind : ServerKind.values()) assertEquals(kind, ServerKind.fromCliName(kind.cliName()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ServerKind.fromCliName("lighttpd"));
        assertTrue(e.getMessage().contains("nginx|apache|caddy|iis|netlify|s3"), e.getMessage());
    }

    static Map<String, Map<String, List<String>>> parseHeaders(String text) {
        Map<String, Map<String, List<String>>> rules = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                current = null;
                continue;
            }
            if (!line.startsWith(" ")) {
                assertTrue(line.startsWith("/") && !line.contains(" "), "a path line: " + line);
                assertFalse(rules.containsKey(line), "path listed twice: " + line);
                current = new LinkedHashMap<>();
                rules.put(line, current);
                continue;
            }
            assertTrue(current != null, "a header outside a rule: " + line);
            int colon = line.indexOf(':');
            assertTrue(colon > 0 && line.startsWith("  "), "a header line: " + line);
            current.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return rules;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String file(List<TextFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }
}
