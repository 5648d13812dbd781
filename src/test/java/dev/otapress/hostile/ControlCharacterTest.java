package dev.otapress.hostile;

import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Control characters pasted into titles and notes or carried by an IPA never make an XML file
 * ill-formed: free text loses them, identity fields (which the manifest must repeat exactly)
 * are refused. Each XML file is read back with the JDK's DOM parser, not the writer's library.
 */
class ControlCharacterTest {
    @TempDir
    Path dir;

    private static final String ANSI_NOTES = "Fixed the crash \u001b[31mERROR\u001b[0m from CI.\n\nForm feed\u000c and NUL\u0000 and bell\u0007.\n";

    private TestSite site(String title) throws IOException {
        return TestSite.at(dir.resolve("site"))
                .siteYaml("title: \"" + title + "\"\nbase_url: https://apps.example.com/ios/\n");
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The plist DOCTYPE names Apple's DTD; well-formedness needs no network.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    private static List<Path> xmlFiles(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".plist")).sorted().toList();
        }
    }

    @Test
    void controlCharactersInTitlesNotesAndAppNamesLeaveEveryXmlFileWellFormed() throws Exception {
        TestSite site = site("Portal\\x0c \\e[1mbold\\e[0m");
        site.release("app/1.0", "App.ipa", HostileInputTest.goodIpa("Esc\u001b]0;pwned\u0007 App\u0001", "com.example.app"));
        site.notes("app/1.0", "---\ntitle: \"Title\\x1b[32m green\\u0008\"\n---\n" + ANSI_NOTES);
        HostileInputTest.Outcome built = HostileInputTest.build(site.root());
        assertEquals(0, built.code(), built.err());

        List<Path> files = xmlFiles(site.out());
        assertTrue(files.stream().anyMatch(p -> p.endsWith("feed.xml")), files.toString());
        assertTrue(files.stream().anyMatch(p -> p.endsWith("manifest.plist")), files.toString());
        for (Path file : files) {
            Document doc = parse(file);
            String text = doc.getDocumentElement().getTextContent();
            assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'), file + ": " + text);
            // The escape sequence goes as a whole, not only its ESC.
            assertFalse(text.contains("[31m") || text.contains("[1m") || text.contains("]0;pwned"), file + ": " + text);
        }
        String feed = parse(site.out().resolve("feed.xml")).getDocumentElement().getTextContent();
        assertTrue(feed.contains("Portal bold"), feed);
        assertTrue(feed.contains("ERROR"), feed);
        String manifest = parse(site.out().resolve("app/1.0/manifest.plist")).getDocumentElement().getTextContent();
        assertTrue(manifest.contains("Esc App"), manifest);
    }

    @Test
    void aControlCharacterInTheVersionOrBuildIsRefusedNamingTheIpa() throws Exception {
        for (String[] version : List.of(new String[] {"1.0\u001b[2J", "1"}, new String[] {"1.0", "7\u0000"})) {
            TestSite site = site("Portal");
            site.release("app/1.0", "App.ipa", HostileInputTest.goodIpa("App", "com.example.app").version(version[0], version[1]));
            HostileInputTest.Outcome built = HostileInputTest.build(site.root());
            assertEquals(1, built.code(), built.err());
            assertTrue(built.err().contains("App.ipa"), built.err());
            assertTrue(built.err().contains("which a manifest cannot carry"), built.err());
            assertFalse(built.err().contains("\u001b") || built.err().contains("\u0000"), "escaped for the terminal: " + built.err());
            assertFalse(built.err().contains("unexpected failure"), built.err());
            try (Stream<Path> walk = Files.walk(site.root())) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
