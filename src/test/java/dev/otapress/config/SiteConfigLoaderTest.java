package dev.otapress.config;

import dev.otapress.BuildException;
import dev.otapress.Diagnostic;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteConfigLoaderTest {
    private static final Path FILE = Path.of("site.yaml");
    private final SiteConfigLoader loader = new SiteConfigLoader();

    private SiteConfig parse(String yaml) throws BuildException {
        return loader.parse(FILE, yaml, null);
    }

    private String errors(String yaml) {
        BuildException e = assertThrows(BuildException.class, () -> parse(yaml));
        return String.join("\n", e.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void readsTheRequiredKeysAndAddsTheTrailingSlash() throws Exception {
        SiteConfig c = parse("title: Acme\nbase_url: https://intranet.example.com/mobile/ios\n");
        assertEquals("Acme", c.title());
        assertEquals("https://intranet.example.com/mobile/ios/", c.baseUrl().toString());
        assertEquals("default", c.theme());
        assertFalse(c.markdown().unsafeHtml());
        assertTrue(c.channels().isEmpty());
    }

    @Test
    void refusesHttpAndSaysWhy() {
        String msg = errors("title: Acme\nbase_url: http://apps.example.com/\n");
        assertTrue(msg.startsWith("site.yaml:2: error: 'base_url' must start with https://"), msg);
        assertTrue(msg.contains("iOS installs apps over the air only over HTTPS"), msg);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"https://h.example//ios/", "https://h.example/a/../b/",
            "https://h.example/a%00b/", "https://h.example/a%2Fb/", "https://h.example/a%3Bb/", "https://h.example/a%60b/"})
    void refusesBaseUrlsNoServerConfigCanCarryWithTheLine(String url) {
        String msg = errors("title: A\nbase_url: " + url + "\n");
        assertTrue(msg.startsWith("site.yaml:2: error: 'base_url' "), msg);
    }

    @Test
    void normalisesPercentEscapes() throws Exception {
        assertEquals("https://h.example/mobile%20apps/~x/",
                new SiteConfigLoader().parse(java.nio.file.Path.of("site.yaml"), "title: A\nbase_url: https://h.example/mobile%20apps/%7Ex\n", null)
                        .baseUrl().toString());
    }

    @Test
    void refusesARelativeBaseUrl() {
        assertTrue(errors("title: A\nbase_url: /ios/\n").contains("absolute https URL"));
    }

    @Test
    void namesAnUnknownKeyItsLineAndTheClosestKnownKey() {
        String msg = errors("title: Acme\nbase_url: https://a.example/\nthem: dark\n");
        assertTrue(msg.contains("site.yaml:3: error: unknown key 'them'; did you mean 'theme'?"), msg);
    }

    @Test
    void namesAnUnknownNestedKey() {
        String msg = errors("title: A\nbase_url: https://a.example/\nmarkdown:\n  unsafe_htm: true\n");
        assertTrue(msg.contains("site.yaml:4: error: unknown key 'unsafe_htm' under 'markdown'; did you mean 'unsafe_html'?"), msg);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        BuildException e = assertThrows(BuildException.class, () -> parse("tittle: A\nbase_url: http://a.example/\n"));
        assertEquals(3, e.diagnostics().size(), e.getMessage()); // unknown key, missing title, http
    }

    @Test
    void reportsInvalidYamlWithItsLine() {
        String msg = errors("title: A\nbase_url: [unclosed\n");
        assertTrue(msg.startsWith("site.yaml:"), msg);
        assertTrue(msg.contains("invalid YAML"), msg);
    }

    @Test
    void refusesAListWhereAMappingBelongs() {
        assertTrue(errors("- title\n- base_url\n").contains("expected 'key: value' lines"));
    }

    @Test
    void anEmptyFileSaysWhatIsMissing() {
        String msg = errors("");
        assertTrue(msg.contains("'title' is missing") && msg.contains("'base_url' is missing"), msg);
    }

    @Test
    void readsChannelsAndChecks() throws Exception {
        SiteConfig c = parse("title: A\nbase_url: https://a.example/\nchannels:\n  - name: stable\n  - name: beta\n    label: Pilot\n"
                + "checks:\n  expired_profile: false\n  expiry_warning_days: 10\n");
        assertEquals("Stable", c.channels().get(0).label());
        assertEquals("Pilot", c.channels().get(1).label());
        assertFalse(c.checks().expiredProfile());
        assertTrue(c.checks().appStoreBuild());
        assertEquals(10, c.checks().warningDays());
    }

    @Test
    void theCommandLineBaseUrlWins() throws Exception {
        SiteConfig c = loader.parse(FILE, "title: A\nbase_url: https://a.example/\n", "https://staging.example/x");
        assertEquals("https://staging.example/x/", c.baseUrl().toString());
    }
}
