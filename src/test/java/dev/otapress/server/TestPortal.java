package dev.otapress.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otapress.BuildException;
import dev.otapress.pipeline.BuildRequest;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestPng;
import dev.otapress.testing.TestSite;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A portal built by otapress itself, for the real servers to serve: two releases, one in a folder
 * whose name needs percent-encoding in URLs, built the way a user builds one.
 */
public record TestPortal(Path publicDir, URI baseUrl, List<Release> releases) {

    public static final String BUNDLE_ID = "com.example.field";
    /** The release folder that holds the author files below. */
    public static final String SIDE_FOLDER = "releases/1.4.0";

    /**
     * Files an author put beside a release that a browser would run script from if served as they
     * are: each script stores a mark under the portal's origin, which a test can look for.
     */
    public static final Map<String, String> ACTIVE_SIDE_FILES = activeSideFiles();
    /** Images the release notes show. */
    public static final List<String> IMAGES = List.of("shot.png", "diagram.svg");

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
        site.notes(SIDE_FOLDER, "---\ntitle: Field 1.4\n---\nWhat changed:\n\n![A screenshot](shot.png)\n\n"
                + "![A diagram](diagram.svg)\n\n[Details](notes.html)\n");
        for (Map.Entry<String, String> f : ACTIVE_SIDE_FILES.entrySet()) site.file("content/" + SIDE_FOLDER + "/" + f.getKey(), f.getValue());
        Files.write(siteDir.resolve("content").resolve(SIDE_FOLDER).resolve("shot.png"), TestPng.solid(64, 0xff3366cc));
        site.file("content/" + SIDE_FOLDER + "/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\">"
                + "<rect width=\"40\" height=\"30\" fill=\"#396\"/><script>" + mark("diagram.svg") + "</script></svg>\n");
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

    /** The script that leaves the mark {@code ran:NAME} in the origin's localStorage. */
    public static String mark(String name) {
        return "try{localStorage.setItem('ran:" + name + "','yes')}catch(e){}";
    }

    private static Map<String, String> activeSideFiles() {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><script>%s</script><p>x</p></body></html>\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("notes.html", "<!doctype html><title>Notes</title><script src=\"notes.js\"></script><script>"
                + mark("notes.html") + "</script><p>Details</p>\n");
        files.put("notes.js", mark("notes.js") + "\n");
        files.put("page.htm", "<!doctype html><script>" + mark("page.htm") + "</script>\n");
        files.put("image.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>" + mark("image.svg") + "</script></svg>\n");
        files.put("data.xml", "<?xml version=\"1.0\"?>\n" + xhtml.formatted(mark("data.xml")));
        files.put("doc.xhtml", "<?xml version=\"1.0\"?>\n" + xhtml.formatted(mark("doc.xhtml")));
        files.put("extra.plist", "<?xml version=\"1.0\"?>\n" + xhtml.formatted(mark("extra.plist")));
        return Collections.unmodifiableMap(files);
    }

    /** Tens of kilobytes of incompressible data, so range requests have something to cut. */
    private static TestIpa field(String version, String build, long seed) {
        byte[] assets = new byte[40_000];
        new Random(seed).nextBytes(assets);
        return TestIpa.app("Field", BUNDLE_ID).version(version, build)
                .enterpriseSigned().appEntry("Assets.car", assets);
    }
}
