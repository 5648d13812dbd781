package dev.otapress.serve;

import dev.otapress.testing.TestIpa;
import dev.otapress.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** otapress serve, started for real on a free port of 127.0.0.1. */
class PreviewServerTest {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the condition holds; the watcher rebuilds within about a second of a change. */
    private String await(URI uri, Predicate<String> condition) throws Exception {
        String body = "";
        for (int i = 0; i < 200; i++) {
            body = get(uri).body();
            if (condition.test(body)) return body;
            Thread.sleep(100);
        }
        fail("never became true; last body: " + body);
        return body;
    }

    private static void touch(Path file, String text, int seconds) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(seconds)));
    }

    @Test
    void servesRebuildsOnChangeAndKeepsTheLastGoodBuildWhenOneFails() throws Exception {
        TestSite site = TestSite.at(dir.resolve("site")).siteYaml("title: First Title\nbase_url: https://apps.example.com/ios/\n");
        site.release("field/1.0", "F.ipa", TestIpa.app("Field", "com.acme.field").version("1.0", "1").enterpriseSigned());
        StringBuilder log = new StringBuilder();
        try (PreviewServer server = new PreviewServer(site.root(), 0, false, l -> { synchronized (log) { log.append(l).append('\n'); } })) {
            assertFalse(server.outputFolder().startsWith(site.root()), "never inside the site: " + server.outputFolder());
            HttpResponse<String> home = get(server.address());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("First Title"), home.body());
            assertTrue(home.body().contains("<script src=\"/__otapress/reload.js\" defer></script>"), home.body());
            assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            HttpResponse<String> manifest = get(server.address().resolve("field/1.0/manifest.plist"));
            assertTrue(manifest.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), manifest.headers().toString());
            assertTrue(manifest.body().contains("https://apps.example.com/ios/field/1.0/F.ipa"), "the real base URL stays");
            assertEquals(404, get(server.address().resolve("../site.yaml")).statusCode());

            touch(site.root().resolve("site.yaml"), "title: Second Title\nbase_url: https://apps.example.com/ios/\n", 5);
            await(server.address(), b -> b.contains("Second Title"));

            touch(site.root().resolve("site.yaml"), "title: Broken\n", 10);
            String status = await(server.address().resolve("__otapress/status"), b -> b.contains("'base_url' is missing"));
            assertTrue(status.contains("\"builds\":2"), status);
            assertTrue(get(server.address()).body().contains("Second Title"), "the last good build is still served");
            synchronized (log) {
                assertTrue(log.toString().contains("still serving the last good build"), log.toString());
            }
        }
    }
}
