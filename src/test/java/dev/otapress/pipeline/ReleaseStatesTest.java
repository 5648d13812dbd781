package dev.otapress.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.cli.Main;
import dev.otapress.render.JsonListing;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestProfiles;
import dev.otapress.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An install check stops the build only for the release people install; older ones are kept, not installable. */
class ReleaseStatesTest {
    @TempDir
    Path dir;

    private static TestIpa expired(String version, String build) {
        return TestIpa.app("Field", "com.acme.field").version(version, build).embeddedProfile(TestProfiles.enterprise("Old")
                .dates(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")).cms());
    }

    private static TestIpa current(String version, String build) {
        return TestIpa.app("Field", "com.acme.field").version(version, build).enterpriseSigned();
    }

    private static int build(Path siteDir, StringWriter err) {
        return Main.run(new String[] {"build", "--site", siteDir.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @Test
    void anExpiredOldReleaseStaysPublishedWithOneWarningAndNothingToInstall() throws Exception {
        TestSite site = TestSite.at(dir.resolve("old")).defaultSiteYaml();
        site.release("1.0", "Field.ipa", expired("1.0", "1"));
        site.notes("1.0", "First build with *offline maps*.\n");
        site.release("2.0", "Field.ipa", current("2.0", "2"));
        StringWriter err = new StringWriter();
        assertEquals(0, build(site.root(), err), err.toString());
        assertEquals(1, count(err.toString(), "1.0/Field.ipa: warning: can no longer be installed (its profile expired on 1 Jan 2021)"),
                err.toString());
        String aboutInstalls = err.toString().lines().filter(l -> !l.contains("no icon PNG") && !l.contains("no code signature")).collect(java.util.stream.Collectors.joining("\n"));
        assertEquals(1, count(aboutInstalls, "warning:"), err.toString());

        Path out = site.out();
        assertFalse(Files.exists(out.resolve("1.0/manifest.plist")));
        assertFalse(Files.exists(out.resolve("1.0/Field.ipa")));
        assertTrue(Files.exists(out.resolve("2.0/manifest.plist")));
        Document page = Jsoup.parse(Files.readString(out.resolve("1.0/index.html")));
        assertTrue(page.select("a[href^=itms-services:]").isEmpty(), "no install link on the expired release's page");
        assertTrue(page.text().contains("Can no longer be installed: its profile expired on 1 Jan 2021."), page.text());
        assertTrue(page.text().contains("offline maps"), "its notes stay");
        Document home = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertFalse(home.select("a[href*=1.0%252Fmanifest.plist]").hasText(), "the history offers no install of 1.0");

        JsonNode json = new ObjectMapper().readTree(out.resolve("releases.json").toFile());
        assertEquals(JsonListing.SCHEMA_VERSION, json.get("schemaVersion").asInt());
        JsonNode old = json.get("apps").get(0).get("releases").get(1);
        assertEquals("1.0", old.get("version").asText());
        assertEquals("profile-expired", old.get("state").asText());
        assertFalse(old.has("installUrl") || old.has("manifestUrl") || old.has("ipaUrl"), old.toString());
        JsonNode newest = json.get("apps").get(0).get("releases").get(0);
        assertEquals("installable", newest.get("state").asText());
        assertTrue(newest.get("installUrl").asText().startsWith("itms-services://"));

        JsonListing.Listing read = JsonListing.read(Files.readAllBytes(out.resolve("releases.json")));
        assertFalse(read.apps().get(0).releases().get(1).installable());
        assertNull(read.apps().get(0).releases().get(1).installUrl());
    }

    @Test
    void anExpiredNewestReleaseOfTheDefaultChannelFailsNamingItsFile() throws Exception {
        TestSite site = TestSite.at(dir.resolve("newest")).defaultSiteYaml();
        site.release("1.0", "Field.ipa", current("1.0", "1"));
        site.release("2.0", "Field.ipa", expired("2.0", "2"));
        StringWriter err = new StringWriter();
        assertEquals(1, build(site.root(), err));
        assertTrue(err.toString().contains("2.0/Field.ipa: error: has a provisioning profile that expired on 1 Jan 2021"), err.toString());
        assertTrue(err.toString().contains("the newest stable build of Field"), err.toString());
        assertFalse(Files.exists(site.out()));
    }

    @Test
    void theDefaultChannelDecidesWhichNewestReleaseMustInstall() throws Exception {
        // The pilot channel's newest build expired: a warning, and the stable build still installs.
        TestSite site = TestSite.at(dir.resolve("channels")).defaultSiteYaml();
        site.release("1.0", "Field.ipa", current("1.0", "1"));
        site.release("2.0-pilot", "Field.ipa", expired("2.0", "2"));
        site.notes("2.0-pilot", "---\nchannel: pilot\n---\nFor the pilot group.\n");
        StringWriter err = new StringWriter();
        assertEquals(0, build(site.root(), err), err.toString());
        assertTrue(err.toString().contains("2.0-pilot/Field.ipa: warning: can no longer be installed"), err.toString());

        // With pilot as the default channel, the same build is the one people install: an error.
        site.siteYaml("title: T\nbase_url: https://a.example/\ndefault_channel: pilot\n");
        err = new StringWriter();
        assertEquals(1, build(site.root(), err));
        assertTrue(err.toString().contains("2.0-pilot/Field.ipa: error:"), err.toString());
        assertTrue(err.toString().contains("the newest pilot build of Field"), err.toString());
    }

    @Test
    void frontMatterTurnsACheckOffForOneRelease() throws Exception {
        TestSite site = TestSite.at(dir.resolve("override")).defaultSiteYaml();
        site.release("2.0", "Field.ipa", expired("2.0", "2"));
        site.notes("2.0", "---\nchecks:\n  expired_profile: false\n---\nKept installable on purpose.\n");
        StringWriter err = new StringWriter();
        assertEquals(0, build(site.root(), err), err.toString());
        assertTrue(err.toString().contains("2.0/Field.ipa: warning: has a provisioning profile that expired"), err.toString());
        assertTrue(Files.exists(site.out().resolve("2.0/manifest.plist")));

        site.notes("2.0", "---\nchecks:\n  expired_profil: false\n---\n");
        err = new StringWriter();
        assertEquals(1, build(site.root(), err));
        assertTrue(err.toString().contains("2.0/index.md:3: error:"), err.toString());
    }

    @Test
    void aDefaultChannelThatIsNotDeclaredIsRefusedWithItsLine() throws Exception {
        TestSite site = TestSite.at(dir.resolve("undeclared")).siteYaml("title: T\nbase_url: https://a.example/\n"
                + "channels:\n  - name: stable\n  - name: beta\ndefault_channel: pilot\n");
        site.release("1.0", "Field.ipa", current("1.0", "1"));
        StringWriter err = new StringWriter();
        assertEquals(1, build(site.root(), err));
        assertTrue(err.toString().contains("site.yaml:6: error: 'default_channel: pilot' is not one of the channels"), err.toString());
    }
}
