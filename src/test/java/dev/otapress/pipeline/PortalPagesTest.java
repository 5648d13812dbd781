package dev.otapress.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.testing.PortalSite;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestProfiles;
import dev.otapress.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages of a long history: paging that leaves older pages alone, pages that hold only what they show, latest.json. */
class PortalPagesTest {
    private static final String FIELD = "apps/" + PortalSite.FIELD + "/";

    @TempDir
    Path dir;

    @Test
    void aNewBuildChangesOnlyTheNewestHistoryPageAndTheHomePageDoesNotGrow() throws Exception {
        TestSite site = PortalSite.write(dir.resolve("site"));
        new SiteBuilder().build(BuildRequest.of(site.root()));
        Path out = site.out();
        byte[] page1 = Files.readAllBytes(out.resolve(FIELD + "history/1/index.html"));
        byte[] page2 = Files.readAllBytes(out.resolve(FIELD + "history/2/index.html"));
        byte[] page3 = Files.readAllBytes(out.resolve(FIELD + "history/3/index.html"));
        byte[] olderStable = Files.readAllBytes(out.resolve("field/1051/index.html"));
        byte[] otherApp = Files.readAllBytes(out.resolve("expenses/2.0.0/index.html"));
        long home = Files.size(out.resolve("index.html"));
        assertEquals(50, Jsoup.parse(new String(page1)).select("[data-history] .row").size());
        assertEquals(10, Jsoup.parse(new String(page3)).select("[data-history] .row").size());

        for (int b = 1110; b < 1130; b++) {
            site.release("field/" + b, "Field.ipa", TestIpa.app("Field", PortalSite.FIELD).version("4.0.0", String.valueOf(b))
                    .enterpriseSigned().time(Instant.parse("2026-06-01T09:00:00Z")));
        }
        new SiteBuilder().build(BuildRequest.of(site.root()));
        assertArrayEquals(page1, Files.readAllBytes(out.resolve(FIELD + "history/1/index.html")), "page 1 is untouched");
        assertArrayEquals(page2, Files.readAllBytes(out.resolve(FIELD + "history/2/index.html")), "page 2 is untouched");
        assertFalse(java.util.Arrays.equals(page3, Files.readAllBytes(out.resolve(FIELD + "history/3/index.html"))));
        // Release pages name no count and no newer build: an older one and another app's stay byte-identical too.
        assertArrayEquals(olderStable, Files.readAllBytes(out.resolve("field/1051/index.html")), "an older release page is untouched");
        assertArrayEquals(otherApp, Files.readAllBytes(out.resolve("expenses/2.0.0/index.html")), "another app's page is untouched");
        assertEquals(30, Jsoup.parse(out.resolve(FIELD + "history/3/index.html").toFile()).select("[data-history] .row").size());
        // Twenty more releases: the home page shows apps, not histories.
        assertTrue(Math.abs(Files.size(out.resolve("index.html")) - home) <= home / 50,
                home + " bytes before, " + Files.size(out.resolve("index.html")) + " after");
        Document front = Jsoup.parse(out.resolve(FIELD + "index.html").toFile());
        assertEquals("4.0.0 (1129) release notes", front.select("[data-history] .row-title").first().text());
        assertTrue(front.select(".older-pages a").eachText().get(0).startsWith("Page 2: "));
    }

    @Test
    void latestJsonNamesTheNewestBuildOfEachChannelAndSearchJsonTheWholeHistory() throws Exception {
        TestSite site = PortalSite.write(dir.resolve("site"));
        new SiteBuilder().build(BuildRequest.of(site.root()));
        JsonNode latest = new ObjectMapper().readTree(site.out().resolve(FIELD + "latest.json").toFile());
        assertEquals(1, latest.get("schemaVersion").asInt());
        assertEquals("stable", latest.get("defaultChannel").asText());
        assertEquals(2, latest.get("channels").size());
        JsonNode stable = latest.get("channels").get(0);
        assertEquals("stable", stable.get("channel").asText());
        assertEquals(String.valueOf(PortalSite.NEWEST_STABLE_BUILD), stable.get("build").asText());
        assertEquals("17.0", stable.get("minimumOSVersion").asText());
        assertTrue(stable.get("installUrl").asText().startsWith("itms-services://?action=download-manifest&url="));
        assertEquals(String.valueOf(PortalSite.NEWEST_BETA_BUILD), latest.get("channels").get(1).get("build").asText());

        JsonNode search = new ObjectMapper().readTree(site.out().resolve(FIELD + "search.json").toFile());
        assertEquals(PortalSite.FIELD_RELEASES, search.get("releases").size());
        boolean found = false;
        for (JsonNode e : search.get("releases")) {
            if (e.get("b").asText().equals("1054")) {
                found = true;
                assertEquals("3.4.2", e.get("v").asText());
                assertEquals("field/1054/", e.get("p").asText());
                assertTrue(e.get("n").asText().contains("signature pad"));
            }
            if (e.get("b").asText().equals(String.valueOf(PortalSite.EXPIRED_BUILD))) {
                assertEquals("Can no longer be installed: its profile expired on 1 Jan 2021.", e.get("s").asText());
            }
        }
        assertTrue(found);
    }

    @Test
    void aReleasePageHoldsItsNeighboursAndAFewEarlierNotesNotTheHistory() throws Exception {
        TestSite site = PortalSite.write(dir.resolve("site"));
        new SiteBuilder().build(BuildRequest.of(site.root()));
        Document page = Jsoup.parse(site.out().resolve("field/1100/index.html").toFile());
        assertEquals(5, page.select(".earlier-release").size(), "five earlier beta notes");
        assertTrue(page.select(".earlier-release h3").first().text().startsWith("3.3.0 (1095)"),
                page.select(".earlier-release h3").eachText().toString());
        assertTrue(page.select(".earlier").text().contains("All releases of Field"));
        assertTrue(page.select(".row").isEmpty(), "no history on a release page");
        // Headings in notes sit under the page's own.
        Document stable = Jsoup.parse(site.out().resolve("field/1108/index.html").toFile());
        assertTrue(stable.select(".notes h1, .notes h2:not(#notes-heading)").isEmpty());
        assertEquals("tabindex", stable.select(".notes pre").first().attributes().asList().get(0).getKey());
    }

    @Test
    void anAppWithoutABuildInTheDefaultChannelSaysSoAndOffersTheOthers() throws Exception {
        TestSite site = TestSite.at(dir.resolve("pilot")).defaultSiteYaml();
        site.release("pilot/1.0", "P.ipa", TestIpa.app("Pilot", "com.acme.pilot").version("1.0", "1").enterpriseSigned());
        site.notes("pilot/1.0", "---\nchannel: beta\n---\nFor testers.\n");
        site.release("other/1.0", "O.ipa", TestIpa.app("Other", "com.acme.other").version("1.0", "1").enterpriseSigned());
        new SiteBuilder().build(BuildRequest.of(site.root()));
        Document home = Jsoup.parse(site.out().resolve("index.html").toFile());
        var card = home.select(".card").stream().filter(c -> c.text().contains("Pilot")).findFirst().orElseThrow();
        assertTrue(card.text().contains("No Stable build of Pilot yet; the newest of each other channel:"), card.text());
        assertTrue(card.selectFirst("details.switch").hasAttr("open"), "the other channels are offered, not folded away");
        assertEquals("pilot/1.0/", card.select("li[data-channel=beta] a").attr("href"), "to the beta build's page");
        assertTrue(card.select("a.install").isEmpty(), "no install button stands for a channel people are not told to install");
        Document app = Jsoup.parse(site.out().resolve("apps/com.acme.pilot/index.html").toFile());
        assertEquals(1, app.select(".channels li[data-channel=beta] a.install").size(), "the app's page installs it");
    }

    /**
     * A home card is the same markup whether another channel's newest build can be installed or
     * not: its install button, state and guards live on that build's page. So the home page does
     * not grow with how old or how broken a history is.
     */
    @Test
    void aHomeCardDoesNotChangeWithTheStateOfOtherChannelsBuilds() throws Exception {
        String installable = homeCard("installable", false);
        String expired = homeCard("expired", true);
        assertEquals(installable, expired);
        Document card = Jsoup.parse(installable);
        assertEquals("Beta 1.1 (11) 2 Mar 2026", card.select("li[data-channel=beta]").text());
        assertEquals("field/1.1/", card.select("li[data-channel=beta] a").attr("href"));
        assertEquals("Pilot no build yet", card.select("li[data-channel=pilot]").text(), "every channel of the site has its line");
        assertFalse(card.select("details.switch").hasAttr("open"), "the switch is folded under the recommended build");
    }

    private String homeCard(String name, boolean betaExpired) throws Exception {
        TestSite site = TestSite.at(dir.resolve(name)).siteYaml("""
                title: Acme
                base_url: https://apps.example.com/
                channels:
                  - name: stable
                  - name: beta
                  - name: pilot
                """);
        site.release("field/1.0", "Field.ipa", TestIpa.app("Field", "com.acme.field").version("1.0", "10")
                .enterpriseSigned().time(Instant.parse("2026-03-01T09:00:00Z")));
        TestIpa beta = TestIpa.app("Field", "com.acme.field").version("1.1", "11").time(Instant.parse("2026-03-02T09:00:00Z"));
        if (betaExpired) {
            beta.embeddedProfile(TestProfiles.enterprise("Old").dates(Instant.parse("2020-01-01T00:00:00Z"),
                    Instant.parse("2021-01-01T00:00:00Z")).cms());
        } else {
            beta.enterpriseSigned();
        }
        site.release("field/1.1", "Field.ipa", beta);
        site.notes("field/1.1", "---\nchannel: beta\n---\nFor testers.\n");
        site.release("other/1.0", "Other.ipa", TestIpa.app("Other", "com.acme.other").version("1.0", "1").enterpriseSigned());
        new SiteBuilder().build(BuildRequest.of(site.root()));
        Document home = Jsoup.parse(site.out().resolve("index.html").toFile());
        String field = home.select(".card").stream().filter(c -> c.text().contains("Field")).findFirst().orElseThrow().outerHtml();
        if (betaExpired) assertTrue(Jsoup.parse(site.out().resolve("field/1.1/index.html").toFile()).select("a.install").isEmpty());
        return field;
    }
}
