package dev.otapress.link;

import dev.otapress.link.LinkFault.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every broken form of install link people paste, each named and corrected. */
class LinkExplainerTest {
    private static final String MANIFEST = "https://apps.example.com/ios/field/2.0%20beta/manifest.plist";
    private static final String GOOD = "itms-services://?action=download-manifest&url="
            + "https%3A%2F%2Fapps.example.com%2Fios%2Ffield%2F2.0%2520beta%2Fmanifest.plist";
    private static final String ENCODED = "https%3A%2F%2Fapps.example.com%2Fios%2Ffield%2F2.0%2520beta%2Fmanifest.plist";
    private static final String PREFIX = "itms-services://?action=download-manifest&url=";

    static Stream<Arguments> links() {
        return Stream.of(
                arguments(GOOD, Set.of(), MANIFEST),
                arguments("<a class=\"b\" href=\"" + GOOD.replace("&", "&amp;") + "\">Install</a>", Set.of(), MANIFEST),
                arguments("<a href=\"" + GOOD.replace("&", "&amp;amp;") + "\">Install</a>", Set.of(Kind.DOUBLE_ESCAPED), MANIFEST),
                arguments(GOOD.replace("&", "&amp;amp;"), Set.of(Kind.DOUBLE_ESCAPED), MANIFEST),
                arguments("itms-services://?action=download-manifest&amp-url=" + ENCODED, Set.of(Kind.DOUBLE_ESCAPED), MANIFEST),
                arguments(GOOD.replace("&", "&amp;"), Set.of(Kind.ESCAPED_OUTSIDE_HTML), MANIFEST),
                arguments(PREFIX + "https://apps.example.com/ios/R&D/1.0/manifest.plist", Set.of(Kind.UNENCODED_AMPERSAND),
                        "https://apps.example.com/ios/R&D/1.0/manifest.plist"),
                arguments(PREFIX + "https://apps.example.com/ios/build#1/manifest.plist", Set.of(Kind.UNENCODED_HASH),
                        "https://apps.example.com/ios/build%231/manifest.plist"),
                arguments(PREFIX + "https://apps.example.com/ios/manifest.plist?token=abc", Set.of(Kind.UNENCODED_QUESTION_MARK),
                        "https://apps.example.com/ios/manifest.plist?token=abc"),
                arguments(PREFIX + "https://apps.example.com/ios/field/2.0 beta/manifest.plist", Set.of(Kind.UNENCODED_SPACE), MANIFEST),
                arguments(PREFIX + "https://apps.example.com/ios/café/manifest.plist", Set.of(Kind.UNENCODED_NON_ASCII),
                        "https://apps.example.com/ios/caf%C3%A9/manifest.plist"),
                arguments(PREFIX + ENCODED.replace("%2520", "+"), Set.of(Kind.PLUS_FOR_SPACE), MANIFEST),
                arguments(PREFIX + "https://apps.example.com/ios/field/2.0+beta/manifest.plist", Set.of(Kind.PLUS_FOR_SPACE), MANIFEST),
                arguments(PREFIX + "http%3A%2F%2Fapps.example.com%2Fios%2Fmanifest.plist", Set.of(Kind.HTTP_MANIFEST), null),
                arguments(PREFIX + "http://apps.example.com/ios/manifest.plist", Set.of(Kind.HTTP_MANIFEST), null),
                arguments("itms-services://?url=" + ENCODED, Set.of(Kind.MISSING_ACTION), MANIFEST),
                arguments("itms-services://?action=download-manifests&url=" + ENCODED, Set.of(Kind.MISSPELLED_ACTION), MANIFEST),
                arguments("itms-services://?acton=download-manifest&url=" + ENCODED, Set.of(Kind.MISSPELLED_ACTION), MANIFEST),
                arguments("itms-services://?url=" + ENCODED + "&action=download-manifest", Set.of(), MANIFEST),
                arguments("itms-services://itms-services://?action=download-manifest&url=" + ENCODED, Set.of(Kind.DOUBLED_SCHEME), MANIFEST),
                arguments(PREFIX + "https%3A%2F%2F" + ENCODED, Set.of(Kind.DOUBLED_SCHEME), MANIFEST),
                arguments(PREFIX + "https://https://apps.example.com/ios/field/2.0%2520beta/manifest.plist",
                        Set.of(Kind.DOUBLED_SCHEME, Kind.ESCAPES_DECODED_AWAY), MANIFEST.replace("%20", "%2520")),
                arguments("itms-service://?action=download-manifest&url=" + ENCODED, Set.of(Kind.WRONG_SCHEME), MANIFEST),
                arguments(MANIFEST, Set.of(Kind.WRONG_SCHEME), MANIFEST),
                arguments(PREFIX + ENCODED.replace("%", "%25"), Set.of(Kind.ENCODED_TWICE), MANIFEST),
                arguments(PREFIX + MANIFEST, Set.of(Kind.ESCAPES_DECODED_AWAY), MANIFEST),
                arguments(PREFIX + "https%3A%2F%2Fapps.example.com%2F%ZZ", Set.of(Kind.BROKEN_ESCAPE), null),
                arguments("itms-services://?action=download-manifest", Set.of(Kind.MISSING_URL), null),
                arguments("<p>no link here</p>", Set.of(Kind.MISSING_URL), null));
    }

    @ParameterizedTest
    @MethodSource("links")
    void namesEachFaultAndCorrectsTheLink(String text, Set<Kind> faults, String manifest) {
        LinkExplainer.Explanation e = new LinkExplainer().explain(text);
        assertEquals(faults, e.faults().stream().map(LinkFault::kind).collect(Collectors.toSet()), e.faults().toString());
        assertEquals(Optional.ofNullable(manifest), e.corrected().map(InstallLinkForms::manifestUrl));
        e.corrected().ifPresent(c -> {
            // The corrected link, explained again, is correct: the fix is a fixed point.
            assertTrue(new LinkExplainer().explain(c.plain()).correct(), c.plain());
            assertTrue(new LinkExplainer().explain(c.html()).correct(), c.html());
        });
    }

    @ParameterizedTest
    @MethodSource("links")
    void everyFaultSaysWhatToDo(String text, Set<Kind> faults, String manifest) {
        List<LinkFault> found = new LinkExplainer().explain(text).faults();
        for (LinkFault f : found) assertTrue(f.explanation().length() > 30, f.toString());
    }
}
