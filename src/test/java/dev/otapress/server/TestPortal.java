package dev.otapress.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.BuildException;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A portal built by otapress itself, for the real servers to serve: two releases, one in a folder
 * whose name needs percent-encoding in URLs, built the way a user builds one.
 */
public record TestPortal(Path publicDir, URI baseUrl, List<Release> releases) {

    public static final String BUNDLE_ID = "com.example.field";

    public record Release(String folder, String version, URI pageUrl, URI manifestUrl, URI ipaUrl,
                          URI smallIconUrl, URI largeIconUrl, String installUrl, byte[] ipa) {
    }

    public TestPortal {
        releases = List.copyOf(releases);
    }

    /** Builds the portal from a site in {@code siteDir} into {@code publicDir}, served at {@code baseUrl}. */
    public static TestPortal build(Path siteDir, Path publicDir, URI baseUrl) throws IOException {
        TestSite site = TestSite.at(siteDir).siteYaml("title: Field releases\nbase_url: " + baseUrl + "\n");
        site.release("releases/1.4.0", "Field.ipa", field("1.4.0", "140", 1));
        site.release("releases/2.0 beta & #1 ü %", "Field.ipa", field("2.0", "200", 2));
        try {
            new SiteBuilder().build(new BuildRequest(siteDir, publicDir, siteDir.resolve("server-config"), null, false));
        } catch (BuildException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        JsonNode listing = new ObjectMapper().readTree(publicDir.resolve("releases.json").toFile());
        List<Release> releases = new ArrayList<>();
        for (JsonNode r : listing.get("apps").get(0).get("releases")) {
            URI page = URI.create(r.get("pageUrl").asText());
            String folder = "releases/" + (r.get("version").asText().equals("2.0") ? "2.0 beta & #1 ü %" : "1.4.0");
            releases.add(new Release(folder, r.get("version").asText(), page, URI.create(r.get("manifestUrl").asText()),
                    URI.create(r.get("ipaUrl").asText()), page.resolve("icon-57.png"), page.resolve("icon-512.png"),
                    r.get("installUrl").asText(), Files.readAllBytes(publicDir.resolve(folder).resolve("Field.ipa"))));
        }
        return new TestPortal(publicDir, baseUrl, releases);
    }

    /** Tens of kilobytes of incompressible data, so range requests have something to cut. */
    private static TestIpa field(String version, String build, long seed) {
        byte[] assets = new byte[40_000];
        new Random(seed).nextBytes(assets);
        return TestIpa.app("Field", BUNDLE_ID).version(version, build)
                .enterpriseSigned().appEntry("Assets.car", assets);
    }
}
