package dev.otapress.cli;

import dev.otapress.server.ServerConfigs;
import dev.otapress.server.ServerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigCommandTest {

    @TempDir
    Path site;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsTheSnippetForTheGivenBaseUrl() {
        assertEquals(Main.OK, run("server-config", "nginx", "--base-url", "https://intranet.example.com/mobile/ios/"));
        assertEquals(new ServerConfigs(dev.otapress.config.BaseUrl.of("https://intranet.example.com/mobile/ios/")).render(ServerKind.NGINX),
                out.toString());
    }

    @Test
    void readsBaseUrlFromSiteYaml() throws Exception {
        Files.writeString(site.resolve("site.yaml"), "title: Field\nbase_url: https://apps.example.com/ios/\ntheme: default\n");
        assertEquals(Main.OK, run("server-config", "caddy", "--site", site.toString()));
        assertTrue(out.toString().contains("handle \"/ios/*\" {"), out.toString());
    }

    @Test
    void aMissingBaseUrlSaysWhatToAdd() throws Exception {
        Files.writeString(site.resolve("site.yaml"), "title: Field\n");
        assertEquals(Main.FAILED, run("server-config", "apache", "--site", site.toString()));
        assertTrue(err.toString().contains("'base_url' is missing"), err.toString());
    }

    @Test
    void anUnknownServerIsAUsageError() {
        assertEquals(Main.USAGE, run("server-config", "lighttpd", "--base-url", "https://example.com/"));
        assertTrue(err.toString().contains("nginx|apache|caddy|iis|netlify|s3"), err.toString());
    }

    @Test
    void anHttpBaseUrlIsRefused() {
        assertEquals(Main.FAILED, run("server-config", "s3", "--base-url", "http://example.com/"));
        assertTrue(err.toString().contains("https"), err.toString());
    }
}
