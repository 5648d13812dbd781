package dev.otapress.media;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media types and header values the portal is served with have one home, this package: the
 * server configs, {@code check}, {@code serve} and {@code deploy} read them from it. A second copy
 * elsewhere (a string that is exactly a media type or a header value) fails here.
 */
class OneMediaTableTest {
    private static final Path MAIN = Path.of("src/main/java/dev/otapress");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern HEADER_VALUE = Pattern.compile(
            "(text|application|image|font|video|audio)/[a-z0-9.+-]+(; ?charset=[a-z0-9-]+)?|no-cache|nosniff|attachment"
                    + "|public, max-age=.*|sandbox.*", Pattern.CASE_INSENSITIVE);

    @Test
    void noMediaTypeOrHeaderValueOutsideTheTable() throws IOException {
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.startsWith(MAIN.resolve("media"))) continue;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) continue;
                    Matcher m = LITERAL.matcher(line);
                    while (m.find()) {
                        if (HEADER_VALUE.matcher(m.group(1)).matches()) copies.add(file + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), copies, "take these from dev.otapress.media (MediaTypes, HttpRules, Served, Caching)");
    }

    /** Templates link feeds, listings and icons with a type: it comes from the model ({@code page.types}). */
    @Test
    void noMediaTypeInTheTemplates() throws IOException {
        Pattern type = Pattern.compile("\\b(text|application|image|font|video|audio)/[a-z0-9.+-]+", Pattern.CASE_INSENSITIVE);
        List<String> copies = new ArrayList<>();
        for (Path root : List.of(Path.of("themes"), Path.of("src/main/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(ftlh|ftl|html)")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = type.matcher(lines.get(i));
                        while (m.find()) copies.add(file + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(Files.isRegularFile(Path.of("themes/default/templates/layout.ftlh")), "the templates moved: scan their new home");
        assertEquals(List.of(), copies, "take media types from the model's page.types (render.PageModel.TypesView)");
    }

    @Test
    void theProbeFindsACopy() {
        assertTrue(HEADER_VALUE.matcher("text/xml").matches());
        assertTrue(HEADER_VALUE.matcher("text/html; charset=utf-8").matches());
        assertTrue(HEADER_VALUE.matcher("public, max-age=60").matches());
        assertFalse(HEADER_VALUE.matcher("# Caddy would sniff an .ipa as application/zip").matches());
    }

    @Test
    void everySuffixHasOneTypeAndGeneratedNamesKeepTheirRules() {
        assertEquals(MediaTypes.PLIST, MediaTypes.forName("releases/1.0/Extra.PLIST"));
        assertEquals(MediaTypes.UNKNOWN, MediaTypes.forName("README"));
        assertEquals(MediaTypes.UNKNOWN, MediaTypes.forName("x.unknown"));
        Served manifest = HttpRules.forPath("releases/1.0/manifest.plist");
        assertEquals("text/xml", manifest.contentType());
        assertFalse(manifest.attachment());
        assertEquals(Caching.NO_CACHE, manifest.caching());
        Served extra = HttpRules.forPath("releases/1.0/extra.plist");
        assertTrue(extra.attachment());
        assertEquals(ContentSecurityPolicy.INERT, extra.contentSecurityPolicy());
        assertTrue(HttpRules.forPath("").page());
        assertTrue(HttpRules.forPath("releases/1.0/").page());
        assertFalse(HttpRules.forPath("releases/1.0/notes.html").page());
        assertTrue(HttpRules.forPath("releases/1.0/notes.html").attachment());
        assertEquals(Caching.IMMUTABLE, HttpRules.forPath("releases/1.0/App.IPA").caching());
        assertFalse(HttpRules.forPath("releases/1.0/shot.png").attachment());
        assertEquals("image/svg+xml", HttpRules.forPath("assets/favicon.svg").contentType());
        for (HttpRules.NameRule rule : HttpRules.GENERATED) assertTrue(HttpRules.isReservedName(rule.fileName().toUpperCase()));
    }
}
