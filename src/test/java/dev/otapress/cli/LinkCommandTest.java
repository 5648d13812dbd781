package dev.otapress.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkCommandTest {
    private static final String LINK = "itms-services://?action=download-manifest&url="
            + "https%3A%2F%2Fapps.example.com%2Fios%2Fr%25C3%25A9%2F1.0%2520b%2Fmanifest.plist";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsTheLinkThreeWays() {
        assertEquals(Main.OK, run("link", "https://apps.example.com/ios/ré/1.0 b/manifest.plist"), err.toString());
        assertTrue(out.toString().contains("Plain (email, chat, JSON):  " + LINK + "\n"), out.toString());
        assertTrue(out.toString().contains("<a href=\"" + LINK.replace("&", "&amp;") + "\">Install</a>"), out.toString());
        assertTrue(out.toString().contains("[Install](" + LINK + ")"), out.toString());
    }

    @Test
    void refusesAnHttpManifest() {
        assertEquals(Main.FAILED, run("link", "http://apps.example.com/ios/manifest.plist"));
        assertTrue(err.toString().contains("otapress: error: iOS fetches manifests only over HTTPS"), err.toString());
    }

    @Test
    void explainExitsOneWithTheFaultsAndTheCorrection() {
        assertEquals(Main.FAILED, run("link", "--explain", "<a href=\"" + LINK.replace("&", "&amp;amp;") + "\">x</a>"));
        assertTrue(out.toString().contains("✗ escaped twice (\"amp-url\"): "), out.toString());
        assertTrue(out.toString().contains("Plain (email, chat, JSON):  " + LINK), out.toString());
    }

    @Test
    void explainExitsZeroForAGoodLink() {
        assertEquals(Main.OK, run("link", "-e", LINK));
        assertTrue(out.toString().startsWith("✓ The link is correct"), out.toString());
    }
}
