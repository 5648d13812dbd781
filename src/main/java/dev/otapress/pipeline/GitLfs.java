package dev.otapress.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Git LFS leaves a small text pointer in place of a file it has not downloaded. */
final class GitLfs {
    private static final byte[] POINTER = "version https://git-lfs.github.com/spec/".getBytes(StandardCharsets.US_ASCII);

    private GitLfs() {
    }

    static boolean isPointer(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(POINTER.length);
            return java.util.Arrays.equals(head, POINTER);
        } catch (IOException e) {
            return false;
        }
    }
}
