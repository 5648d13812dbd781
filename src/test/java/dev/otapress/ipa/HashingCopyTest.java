package dev.otapress.ipa;

import dev.otapress.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The copy is the source byte for byte, and its hash is the SHA-256 of those bytes, at any size. */
class HashingCopyTest {
    @TempDir
    Path dir;

    @Test
    void copiesAndHashesFilesAroundTheBufferAndNativeThresholds() throws IOException {
        long[] sizes = {0, 1, (1 << 18) - 1, 1 << 18, (1 << 18) + 1, (1 << 20) + 1, Digests.NATIVE_FROM_BYTES + 3};
        Random random = new Random(7);
        for (long size : sizes) {
            byte[] data = new byte[(int) size];
            random.nextBytes(data);
            Path source = Files.write(dir.resolve(size + ".ipa"), data);
            Files.setLastModifiedTime(source, FileTime.fromMillis(1_700_000_000_000L));
            Path copy = dir.resolve(size + ".copy");
            String sha = HashingCopy.copy(source, copy);
            assertArrayEquals(data, Files.readAllBytes(copy), "copy of " + size + " bytes");
            String expected = HexFormat.of().formatHex(Digests.jdk("SHA-256").digest(data));
            assertEquals(expected, sha, "hash of " + size + " bytes");
            assertEquals(expected, HashingCopy.hash(source));
            assertEquals(Files.getLastModifiedTime(source), Files.getLastModifiedTime(copy));
        }
    }

    @Test
    void neverOverwritesAnExistingFile() throws IOException {
        Path source = Files.writeString(dir.resolve("a.ipa"), "new");
        Path dest = Files.writeString(dir.resolve("b.ipa"), "old");
        assertThrows(FileAlreadyExistsException.class, () -> HashingCopy.copy(source, dest));
        assertEquals("old", Files.readString(dest));
    }

    @Test
    void aLargeFileWrittenInPiecesHashesLikeOneArray() throws IOException {
        Path source = dir.resolve("big.ipa");
        var digest = Digests.jdk("SHA-256");
        byte[] chunk = new byte[300_001];
        Random random = new Random(3);
        try (OutputStream out = Files.newOutputStream(source)) {
            for (int i = 0; i < 40; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
                digest.update(chunk);
            }
        }
        assertEquals(HexFormat.of().formatHex(digest.digest()), HashingCopy.copy(source, dir.resolve("big.copy")));
    }
}
