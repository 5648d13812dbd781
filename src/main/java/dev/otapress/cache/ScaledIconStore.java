package dev.otapress.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Scaled icons kept between builds, by the SHA-256 of the icon they were scaled from and their
 * size, so a rebuild scales no icon it has scaled before. Each PNG has a sidecar with its own
 * SHA-256, checked on every read: a damaged file is never published, it is scaled again.
 */
public final class ScaledIconStore {
    /** Bump when the scaler's output changes for the same source (another filter, another encoder). */
    public static final int FORMAT = 2;

    private final Path folder;
    private final IpaCache cache;

    ScaledIconStore(Path folder, IpaCache cache) {
        this.folder = folder;
        this.cache = cache;
    }

    /** The icon scaled from the source with this hash to {@code pixels}, or null. */
    public byte[] get(String sourceSha256, int pixels) {
        cache.scaledUsed(sourceSha256 + "-" + pixels);
        Path png = file(sourceSha256, pixels, ".png");
        try {
            byte[] bytes = Files.readAllBytes(png);
            String expected = Files.readString(file(sourceSha256, pixels, ".sha256"), StandardCharsets.US_ASCII).strip();
            if (IpaCache.sha256(bytes).equals(expected)) return bytes;
            cache.damaged(png, "its bytes do not match their recorded hash");
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            cache.damaged(png, e.getMessage());
        }
        return null;
    }

    public void put(String sourceSha256, int pixels, byte[] png) {
        cache.scaledUsed(sourceSha256 + "-" + pixels);
        try {
            IpaCache.writeAtomically(file(sourceSha256, pixels, ".png"), png);
            IpaCache.writeAtomically(file(sourceSha256, pixels, ".sha256"), IpaCache.sha256(png).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // Not kept: the next build scales this icon again.
        }
    }

    /**
     * Removes the scaled icons whose source and size ({@code sha256-pixels}) are not in {@code used},
     * and those of another format, which are never read again.
     */
    void removeUnused(Set<String> used) throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int version = name.lastIndexOf("-v");
                boolean current = version >= 0 && name.startsWith("-v" + FORMAT + ".", version);
                if (!current || !used.contains(name.substring(0, version))) Files.deleteIfExists(f);
            }
        }
    }

    private Path file(String sourceSha256, int pixels, String suffix) {
        return folder.resolve(sourceSha256 + "-" + pixels + "-v" + FORMAT + suffix);
    }
}
