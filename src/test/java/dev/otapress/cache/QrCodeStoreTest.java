package dev.otapress.cache;

import dev.otapress.pipeline.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.otapress.cache.SmallPortal.cacheWarnings;
import static dev.otapress.cache.SmallPortal.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A release page's QR code is taken from the cache only for the very same URL and label, and
 * the output is byte for byte a build's without any cache.
 */
class QrCodeStoreTest {
    private static final String PAGE = "releases/1.2/index.html";

    @TempDir
    Path dir;

    private static Path qrFile(SmallPortal portal) throws IOException {
        try (Stream<Path> walk = Files.walk(portal.site.root().resolve(IpaCache.FOLDER))) {
            return walk.filter(p -> p.getFileName().toString().equals(QrCodeStore.FILE)).findFirst().orElseThrow();
        }
    }

    @Test
    void aPageMadeAgainTakesItsQrCodeFromTheCache() throws Exception {
        SmallPortal portal = SmallPortal.in(dir);
        portal.warm();
        Object before = identity(qrFile(portal));
        portal.notes(2, "- fixed the login screen\n");
        portal.assertWarmIsFresh("a page made again with its code from the cache");
        assertTrue(portal.page(PAGE).contains("<svg class=\"qr\""));
        assertEquals(before, identity(qrFile(portal)), "no code was drawn, so the file was not rewritten");
    }

    @Test
    void aNewBaseUrlDrawsNewCodes() throws Exception {
        SmallPortal portal = SmallPortal.in(dir);
        portal.warm();
        String before = portal.page(PAGE);
        Path yaml = portal.site.root().resolve("site.yaml");
        portal.site.siteYaml(Files.readString(yaml).replace("apps.example.com", "builds.example.org"));
        portal.assertWarmIsFresh("a new base URL");
        String after = portal.page(PAGE);
        assertTrue(after.contains("QR code of this page: https://builds.example.org/"), after);
        assertNotEquals(before, after);
    }

    @Test
    void aDamagedQrCodeFileIsIgnoredWithAWarning() throws Exception {
        SmallPortal portal = SmallPortal.in(dir);
        portal.warm();
        Path file = qrFile(portal);
        SmallPortal.damage(file);
        portal.notes(2, "- fixed the login screen\n");
        BuildResult result = portal.assertWarmIsFresh("after a damaged QR code file");
        assertEquals(1, cacheWarnings(result), result.warnings().toString());
        assertTrue(result.warnings().stream().anyMatch(d -> file.equals(d.file())), "the warning names the file");
    }
}
