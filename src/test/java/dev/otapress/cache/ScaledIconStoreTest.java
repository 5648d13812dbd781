package dev.otapress.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scaled icons of an older format (another encoder's bytes) are never served, and a build removes them. */
class ScaledIconStoreTest {
    private static final String SOURCE = "ab".repeat(32);

    @TempDir
    Path site;

    @Test
    void iconsOfAnotherFormatAreNeitherServedNorKept() throws IOException {
        IpaCache cache = IpaCache.of(site);
        byte[] current = {1, 2, 3};
        cache.scaledIcons().put(SOURCE, 120, current);
        Path kept = scaledFile(120, ScaledIconStore.FORMAT);
        Path folder = kept.getParent();
        // What an older otapress left for the same source and size, and for another size: intact, but of the old format.
        byte[] old = {9, 9};
        for (int pixels : new int[] {120, 57}) {
            String base = SOURCE + "-" + pixels + "-v" + (ScaledIconStore.FORMAT - 1);
            Files.write(folder.resolve(base + ".png"), old);
            Files.writeString(folder.resolve(base + ".sha256"), IpaCache.sha256(old), StandardCharsets.US_ASCII);
        }

        IpaCache next = IpaCache.of(site);
        assertNull(next.scaledIcons().get(SOURCE, 57), "an icon of the old format is scaled again, not served");
        assertArrayEquals(current, next.scaledIcons().get(SOURCE, 120));
        next.save(true);

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(2, files.count(), "only the current icon and its hash are left");
        }
        assertTrue(Files.exists(kept));
        assertFalse(Files.exists(folder.resolve(SOURCE + "-120-v" + (ScaledIconStore.FORMAT - 1) + ".png")));
    }

    private Path scaledFile(int pixels, int format) throws IOException {
        String name = SOURCE + "-" + pixels + "-v" + format + ".png";
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }
}
