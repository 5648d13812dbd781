package dev.otapress.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaseUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://apps.example.com/ios/|https://apps.example.com/ios/|/ios/",
            "https://apps.example.com/ios|https://apps.example.com/ios/|/ios/",
            "https://apps.example.com|https://apps.example.com/|/",
            "HTTPS://Apps.Example.COM:443/ios/|https://apps.example.com/ios/|/ios/",
            "https://apps.example.com:8443/ios/|https://apps.example.com:8443/ios/|/ios/",
            "https://apps.example.com/mobile%20apps/|https://apps.example.com/mobile%20apps/|/mobile apps/",
            "https://apps.example.com/%7Eteam/%41pps/|https://apps.example.com/~team/Apps/|/~team/Apps/",
            "https://apps.example.com/b%C3%BCro/|https://apps.example.com/b%C3%BCro/|/büro/",
            "https://apps.example.com/büro/|https://apps.example.com/b%C3%BCro/|/büro/",
            "https://apps.example.com/R&D+(1)/|https://apps.example.com/R%26D%2B%281%29/|/R&D+(1)/",
            "https://[::1]:8443/x/|https://[::1]:8443/x/|/x/",
            "https://xn--bcher-kva.example/|https://xn--bcher-kva.example/|/",
    })
    void normalisesTheKindsOfInputItAccepts(String input, String canonical, String path) {
        BaseUrl.Parse parse = BaseUrl.parse(input);
        assertTrue(parse.ok(), parse.problem());
        assertEquals(canonical, parse.url().toString());
        assertEquals(path, parse.url().path());
        assertEquals(canonical, BaseUrl.of(parse.url().toString()).toString(), "canonical form parses to itself");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://apps.example.com/|must start with https://",
            "ftp://apps.example.com/|absolute https URL",
            "/ios/|absolute https URL",
            "https://apps.example.com/ios/?x=1|query",
            "https://apps.example.com/ios/#top|fragment",
            "https://user@apps.example.com/|user name",
            "https://apps.example.com//ios/|empty path segment",
            "https://apps.example.com:99999/ios/|above 65535",
            "https://apps.example.com/a//b/|empty path segment",
            "https://apps.example.com/a/../b/|'..' path segment",
            "https://apps.example.com/a/./b/|'.' path segment",
            "https://apps.example.com/a/%2e%2E/b/|'..' path segment",
            "https://apps.example.com/a%2Fb/|%2F",
            "https://apps.example.com/a%00b/|control character",
            "https://apps.example.com/a%0Ab/|control character",
            "https://apps.example.com/a%1Bb/|control character",
            "https://apps.example.com/a%3Bb/|';'",
            "https://apps.example.com/a%22b/|'\"'",
            "https://apps.example.com/a%60b/|'`'",
            "https://apps.example.com/a$b/|'$'",
            "https://apps.example.com/a%24b/|'$'",
            "https://apps.example.com/a%27b/|shell cannot",
            "https://apps.example.com/a%25b/|'%'",
            "https://apps.example.com/a%5Cb/|'\\'",
            "https://apps.example.com/a%7Bb%7D/|'{'",
            "https://apps.example.com/a*b/|'*'",
            "https://apps.example.com/a%FFb/|not UTF-8",
            "https://apps.example.com/a%zzb/|not a valid URL",
            "https://b\u00fccher.example/|host",
            "https://a_b.example/|host",
    })
    void refusesWhatAServerConfigCannotCarry(String input, String reason) {
        BaseUrl.Parse parse = BaseUrl.parse(input);
        assertFalse(parse.ok(), input + " parsed as " + parse.url());
        assertNull(parse.url());
        assertTrue(parse.problem().contains(reason), parse.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://apps.example.com/ios/\u0000", "https://apps.example.com/i\nos/", "https://apps.example.com/ios/\u0085"})
    void refusesRawControlCharacters(String input) {
        assertTrue(BaseUrl.parse(input).problem().contains("control character"));
    }

    @Test
    void resolvesAndContains() {
        BaseUrl base = BaseUrl.of("https://apps.example.com/mobile%20apps/");
        assertEquals("https://apps.example.com/mobile%20apps/releases.json", base.resolve("releases.json"));
        assertEquals("https://apps.example.com", base.origin());
        assertTrue(base.contains(URI.create("https://APPS.example.com:443/mobile%20apps/x/manifest.plist")));
        assertFalse(base.contains(URI.create("http://apps.example.com/mobile%20apps/x")));
        assertFalse(base.contains(URI.create("https://apps.example.com/other/x")));
        assertFalse(base.contains(URI.create("https://apps.example.com:444/mobile%20apps/x")));
        assertFalse(base.contains(URI.create("https://evil.example/mobile%20apps/x")));
    }
}
