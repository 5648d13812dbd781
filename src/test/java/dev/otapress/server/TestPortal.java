package dev.otapress.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A built portal laid out by hand, as {@code otapress build} writes it, including a release folder
 * whose name needs percent-encoding in URLs.
 */
public record TestPortal(Path publicDir, URI baseUrl, List<Release> releases) {

    public static final String BUNDLE_ID = "com.example.field";

    public record Release(String folder, String version, URI pageUrl, URI manifestUrl, URI ipaUrl,
                          URI smallIconUrl, URI largeIconUrl, String installUrl, byte[] ipa) {
    }

    public TestPortal {
        releases = List.copyOf(releases);
    }

    /** Writes the portal into {@code publicDir}, with every URL under {@code baseUrl}. */
    public static TestPortal layOut(Path publicDir, URI baseUrl) throws IOException {
        if (!baseUrl.toString().endsWith("/")) throw new IllegalArgumentException("base URL must end with /");
        List<Release> releases = new ArrayList<>();
        releases.add(release(publicDir, baseUrl, "1.4.0", "1.4.0", 70_001, 1));
        releases.add(release(publicDir, baseUrl, "2.0 beta & #1 ü %", "2.0", 33_333, 2));
        TestPortal portal = new TestPortal(publicDir, baseUrl, releases);
        write(publicDir.resolve("index.html"), page("Field releases", releases));
        write(publicDir.resolve("assets/style.css"), "body { font-family: system-ui; }\n");
        write(publicDir.resolve("releases.json"), portal.listingJson());
        return portal;
    }

    private static Release release(Path publicDir, URI base, String folder, String version, int size, long seed)
            throws IOException {
        Path dir = publicDir.resolve("releases").resolve(folder);
        Files.createDirectories(dir);
        byte[] ipa = new byte[size];
        new Random(seed).nextBytes(ipa);
        // A zip's signature, so content sniffing would call it application/zip.
        ipa[0] = 'P'; ipa[1] = 'K'; ipa[2] = 3; ipa[3] = 4;
        Files.write(dir.resolve("Field.ipa"), ipa);
        Files.write(dir.resolve("icon-57.png"), png(57));
        Files.write(dir.resolve("icon-512.png"), png(512));
        URI pageUrl = base.resolve("releases/" + segment(folder) + "/");
        URI manifestUrl = pageUrl.resolve("manifest.plist");
        URI ipaUrl = pageUrl.resolve("Field.ipa");
        URI small = pageUrl.resolve("icon-57.png");
        URI large = pageUrl.resolve("icon-512.png");
        write(dir.resolve("manifest.plist"), manifest(ipaUrl, small, large, version));
        String installUrl = "itms-services://?action=download-manifest&url=" + queryValue(manifestUrl.toString());
        Release release = new Release(folder, version, pageUrl, manifestUrl, ipaUrl, small, large, installUrl, ipa);
        write(dir.resolve("index.html"), page("Field " + version, List.of(release)));
        return release;
    }

    private String listingJson() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("title", "Field releases");
        root.put("baseUrl", baseUrl.toString());
        ObjectNode app = root.putArray("apps").addObject();
        app.put("bundleIdentifier", BUNDLE_ID);
        app.put("name", "Field");
        ArrayNode list = app.putArray("releases");
        for (Release r : releases) {
            ObjectNode n = list.addObject();
            n.put("version", r.version());
            n.put("build", r.version().replace(".", ""));
            n.put("title", "Field " + r.version());
            n.put("date", "2026-11-02");
            n.put("channel", "stable");
            n.put("pageUrl", r.pageUrl().toString());
            n.put("manifestUrl", r.manifestUrl().toString());
            n.put("ipaUrl", r.ipaUrl().toString());
            n.put("installUrl", r.installUrl());
            n.put("size", r.ipa().length);
            n.put("sha256", sha256(r.ipa()));
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String page(String title, List<Release> releases) {
        StringBuilder s = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><link rel=\"stylesheet\" href=\"")
                .append("/assets/style.css\"></head><body>\n");
        for (Release r : releases) {
            s.append("<a class=\"install\" href=\"").append(escape(r.installUrl())).append("\">Install ")
                    .append(escape(r.version())).append("</a>\n");
        }
        return s.append("</body></html>\n").toString();
    }

    private static String manifest(URI ipa, URI small, URI large, String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>items</key>
                  <array>
                    <dict>
                      <key>assets</key>
                      <array>
                        <dict><key>kind</key><string>software-package</string><key>url</key><string>%s</string></dict>
                        <dict><key>kind</key><string>display-image</string><key>url</key><string>%s</string></dict>
                        <dict><key>kind</key><string>full-size-image</string><key>url</key><string>%s</string></dict>
                      </array>
                      <key>metadata</key>
                      <dict>
                        <key>bundle-identifier</key><string>%s</string>
                        <key>bundle-version</key><string>%s</string>
                        <key>kind</key><string>software</string>
                        <key>title</key><string>Field &amp; Co</string>
                      </dict>
                    </dict>
                  </array>
                </dict>
                </plist>
                """.formatted(escape(ipa.toString()), escape(small.toString()), escape(large.toString()), BUNDLE_ID,
                escape(version));
    }

    private static byte[] png(int size) {
        byte[] bytes = new byte[64 + size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    /** Percent-encodes one path segment as UTF-8 (a space is %20, never +). */
    static String segment(String text) {
        return encode(text);
    }

    /** Percent-encodes a whole string as one query value, as the install link needs. */
    static String queryValue(String text) {
        return encode(text);
    }

    private static String encode(String text) {
        StringBuilder s = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0) {
                s.append((char) c);
            } else {
                s.append('%').append(String.format("%02X", c));
            }
        }
        return s.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
