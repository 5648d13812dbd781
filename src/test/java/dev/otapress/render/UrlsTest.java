package dev.otapress.render;

import dev.otapress.config.BaseUrl;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UrlsTest {
    private final Urls urls = new Urls(BaseUrl.of("https://intranet.example.com/mobile/ios/"));

    @Test
    void encodesEverySegmentButKeepsTheSlashes() {
        assertEquals("https://intranet.example.com/mobile/ios/releases/2.0%20beta%20%26%20more%20%231/R%26D%20App%20%28%CE%B2%29.ipa",
                urls.absolute("releases/2.0 beta & more #1/R&D App (β).ipa"));
    }

    @Test
    void encodesPercentAndPlusSoTheyArriveLiterally() {
        assertEquals("100%25%2Bfast", Urls.encodeSegment("100%+fast"));
    }

    @Test
    void installLinkEncodesTheManifestUrlAsOneQueryValue() {
        String manifest = urls.absolute("a b/manifest.plist");
        assertEquals("itms-services://?action=download-manifest&url="
                        + "https%3A%2F%2Fintranet.example.com%2Fmobile%2Fios%2Fa%2520b%2Fmanifest.plist",
                Urls.installLink(manifest));
    }

    @Test
    void installLinkDecodesOnceToExactlyTheManifestUrl() {
        String manifest = urls.absolute("é & ü/#1 100%/manifest.plist");
        String link = Urls.installLink(manifest);
        String value = link.substring(link.indexOf("&url=") + 5);
        assertFalse(value.contains("+"), "never + for a space");
        assertEquals(manifest, URLDecoder.decode(value, StandardCharsets.UTF_8));
        assertEquals("/mobile/ios/é & ü/#1 100%/manifest.plist", URI.create(manifest).getPath());
    }

    @Test
    void relativeLinksClimbToTheRoot() {
        assertEquals("../../index.html", Urls.relative("releases/1.0/index.html", "index.html"));
        assertEquals("assets/style.css", Urls.relative("index.html", "assets/style.css"));
        assertEquals("../../releases/2.0%20beta/index.html", Urls.relative("releases/1.0/index.html", "releases/2.0 beta/index.html"));
    }

    @Test
    void aColonInANameCannotTurnARelativeLinkIntoAScheme() {
        assertEquals("javascript%3Aalert%281%29/index.html", Urls.relative("index.html", "javascript:alert(1)/index.html"));
    }

    @Test
    void refusesDotSegments() {
        assertThrows(IllegalArgumentException.class, () -> Urls.encodePath("a/../b"));
    }

    @Test
    void aBaseUrlWithoutTrailingSlashGetsOne() {
        assertEquals("https://x.example/ios/a%20b", new Urls(BaseUrl.of("https://x.example/ios")).absolute("a b"));
    }

    @Test
    void binariesGoToTheDownloadHostAndEverythingElseStays() {
        Urls split = new Urls(BaseUrl.of("https://intranet.example.com/ios/"), BaseUrl.of("https://cdn.example.net/b/"));
        assertEquals("https://cdn.example.net/b/r/1%200/A%20B.ipa", split.download("r/1 0/A B.ipa"));
        assertEquals("https://cdn.example.net/b/r/1%200/A%20B.ipa", split.downloadLink("r/1 0/index.html", "r/1 0/A B.ipa"));
        assertEquals("https://intranet.example.com/ios/r/1%200/manifest.plist", split.absolute("r/1 0/manifest.plist"));
        assertEquals("../../r/1%200/A%20B.ipa", urls.downloadLink("r/1 0/index.html", "r/1 0/A B.ipa"));
        assertEquals("https://intranet.example.com/mobile/ios/r/A.ipa", urls.download("r/A.ipa"));
    }
}
