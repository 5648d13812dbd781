package dev.otapress;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Facts that once lived in several places, and drifted, have one home each. A second copy (a
 * literal file name, another UTF-8 decoder, another channel pattern...) fails here with the place
 * to take it from. Media types and header values: {@code media.OneMediaTableTest}.
 */
class OneHomeTest {
    private static final Path MAIN = Path.of("src/main/java/dev/otapress");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A fact, how a copy of it looks, and the file that is its home. */
    private record Fact(String what, Predicate<String> literal, Pattern code, String home) {
        static Fact literal(String what, Predicate<String> literal, String home) {
            return new Fact(what, literal, null, home);
        }

        static Fact code(String what, String regex, String home) {
            return new Fact(what, null, Pattern.compile(regex), home);
        }
    }

    private static final Set<String> GENERATED_NAMES = Set.of("index.html", "manifest.plist", "releases.json", "feed.xml");

    private static final List<Fact> FACTS = List.of(
            Fact.literal("names of generated files", s -> GENERATED_NAMES.contains(s) || s.matches("icon-\\d*(\\.png)?")
                    || s.matches("(?s).*\\bicon-\\d+\\.png.*"),
                    "media/HttpRules.java"),
            Fact.literal("output folders", s -> s.equals("assets/") || s.equals("apps/"), "render/Urls.java"),
            Fact.literal("the channel-name rule", s -> s.contains("[a-z0-9][a-z0-9_-]*"), "config/SiteConfig.java"),
            Fact.code("strict UTF-8 decoding", "CodingErrorAction\\.REPORT|UTF_8\\.newDecoder\\(", "Utf8.java"),
            Fact.code("a channel's default label", "toUpperCase\\([^)]*charAt\\(0\\)|substring\\(0, 1\\)\\.toUpperCase",
                    "config/SiteConfig.java"),
            Fact.code("the \"expires soon\" rule", "expires\\(\\)\\.isBefore\\(", "ipa/ProvisioningProfile.java"),
            Fact.code("reading text out of a plist", "static String string\\(NS|firstNonBlank\\(", "ipa/Plists.java"),
            Fact.code("the icon size cap", "ICON_BYTES", "ipa/Icon.java"),
            Fact.literal("the install link's scheme and parameters", s -> s.contains("itms-services:")
                    || s.contains("download-manifest") || s.matches("(?s).*\\b(url|action)=.*"), "render/ItmsServices.java"));

    @Test
    void eachFactHasOneHome() throws IOException {
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) continue;
                    for (Fact fact : FACTS) {
                        if (file.equals(MAIN.resolve(fact.home()))) continue;
                        if (copyOf(fact, line)) {
                            copies.add(file + ":" + (i + 1) + ": " + fact.what() + " belong in " + fact.home() + ": " + line);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), copies);
    }

    /** site.yaml's model says which checks run; how an .ipa is checked is the ipa package's business. */
    @Test
    void theConfigurationKnowsNothingOfTheIpaReader() throws IOException {
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN.resolve("config"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("dev.otapress.ipa.")) uses.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), uses);
    }

    private static boolean copyOf(Fact fact, String line) {
        if (fact.code() != null) return fact.code().matcher(line).find();
        Matcher m = LITERAL.matcher(line);
        while (m.find()) if (fact.literal().test(m.group(1))) return true;
        return false;
    }

    @Test
    void everyHomeExistsAndTheProbesFindACopy() {
        for (Fact fact : FACTS) assertTrue(Files.isRegularFile(MAIN.resolve(fact.home())), fact.home());
        assertTrue(copyOf(FACTS.get(0), "Path p = out.resolve(\"releases.json\");"));
        assertTrue(copyOf(FACTS.get(0), "return folder + \"icon-\" + px + \".png\";"));
        assertFalse(copyOf(FACTS.get(0), "String text = \"see releases.json for the list\";"));
        assertTrue(copyOf(FACTS.get(0), "rule(s, p + \"*/icon-57.png\", null, Caching.LONG);"));
        assertTrue(copyOf(FACTS.get(3), "var d = StandardCharsets.UTF_8.newDecoder();"));
        assertTrue(copyOf(FACTS.get(5), "boolean soon = p.expires().isBefore(now.plus(days));"));
        Fact install = FACTS.get(FACTS.size() - 1);
        assertTrue(copyOf(install, "String PREFIX = \"itms-services://?\";"));
        assertTrue(copyOf(install, "return link.contains(\"&action=download-manifest\");"));
        assertTrue(copyOf(install, "Pattern.compile(\"(?:^|&)url=\");"));
        assertFalse(copyOf(install, "entry(x, 5, \"url\", asset[1]);"));
    }
}
