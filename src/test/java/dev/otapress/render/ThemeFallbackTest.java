package dev.otapress.render;

import dev.otapress.cli.Main;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A site's own theme takes the templates it lacks from the built-in theme, and says which. */
class ThemeFallbackTest {

    @TempDir
    Path dir;

    private TestSite site(String theme) throws Exception {
        TestSite site = TestSite.at(dir.resolve("site"))
                .siteYaml("title: Test Portal\nbase_url: https://apps.example.com/ios/\ntheme: " + theme + "\n");
        site.release("releases/1.0", "Field.ipa", TestIpa.app("Field", "com.example.field").version("1.0", "10").enterpriseSigned());
        return site;
    }

    /** The built-in templates, as the repository holds them (the jar carries the same files). */
    private static List<String> builtInTemplates() throws Exception {
        try (Stream<Path> list = Files.list(Path.of("themes/default/templates"))) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftlh")).sorted().toList();
        }
    }

    private static int build(TestSite site, StringWriter err) {
        return Main.run(new String[] {"build", "--site", site.root().toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
    }

    @Test
    void aThemeWithoutSomeTemplatesUsesTheBuiltInOnesAndNamesThem() throws Exception {
        TestSite site = site("mine");
        site.file("themes/mine/templates/index.ftlh", "<!doctype html><title>${site.title}</title><p>my own home</p>\n");
        site.file("themes/mine/static/mine.css", "body { color: teal }\n");
        StringWriter err = new StringWriter();

        assertEquals(0, build(site, err), err.toString());

        String warning = err.toString();
        assertTrue(warning.contains("themes/mine/templates"), warning);
        List<String> lacking = builtInTemplates().stream().filter(t -> !t.equals("index.ftlh")).toList();
        assertTrue(warning.contains("has no templates " + String.join(", ", lacking) + ": using the built-in theme's"), warning);
        assertFalse(warning.contains("index.ftlh"), "the theme's own index.ftlh is not a fallback: " + warning);
        Path out = site.out();
        assertTrue(Files.readString(out.resolve("index.html")).contains("my own home"));
        assertTrue(Files.readString(out.resolve("releases/1.0/index.html")).contains("com.example.field"),
                "the release page comes from the built-in template");
        // The built-in templates link the built-in stylesheet, so it is published beneath the theme's own files.
        assertTrue(Files.isRegularFile(out.resolve("assets/style.css")));
        assertTrue(Files.isRegularFile(out.resolve("assets/mine.css")));
    }

    @Test
    void aCompleteThemeTakesNothingFromTheBuiltInOne() throws Exception {
        TestSite site = site("full");
        for (String t : builtInTemplates()) {
            site.file("themes/full/templates/" + t, "<p>${site.title}</p>\n");
        }
        site.file("themes/full/static/full.css", "body { color: navy }\n");
        StringWriter err = new StringWriter();

        assertEquals(0, build(site, err), err.toString());

        assertFalse(err.toString().contains("built-in theme"), err.toString());
        assertFalse(Files.exists(site.out().resolve("assets/style.css")), "no built-in assets for a complete theme");
        assertTrue(Files.isRegularFile(site.out().resolve("assets/full.css")));
    }
}
