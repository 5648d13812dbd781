package dev.otapress.ipa;

import dev.otapress.Digests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Copies a file and computes the SHA-256 of the copy, so the bytes hashed, parsed and published
 * are the same bytes even if the source changes meanwhile (a torn copy is hashed as what it is,
 * and the caller does not vouch for the source's stamp then).
 *
 * <p>The kernel copies (sendfile or copy_file_range, through {@link FileChannel#transferTo}) and
 * the hash then reads the fresh copy from the page cache: that costs about two thirds of the
 * processor time of pushing every byte through the Java process twice (a read and a write).
 * Reads go through one direct buffer per thread, which spares the copy into the Java heap that a
 * heap buffer costs. The hash is what a cold build of large IPAs spends its time on: see
 * {@link Digests} for how it runs at the speed of the CPU's SHA instructions.
 */
public final class HashingCopy {
    private static final int BUFFER = 1 << 20;
    /** Reused by each thread: allocating direct memory per file would leave it to the collector to free. */
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));

    private HashingCopy() {
    }

    /** The lower-case hex SHA-256 of the copy of {@code source} now at {@code dest} (which must not exist). */
    public static String copy(Path source, Path dest) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // Up to the size seen now: a file that grows meanwhile is copied as it was, never endlessly.
            long size = in.size();
            for (long at = 0; at < size; ) {
                long n = in.transferTo(at, size - at, out);
                if (n <= 0) break;
                at += n;
            }
        }
        Files.setLastModifiedTime(dest, Files.getLastModifiedTime(source));
        return hash(dest);
    }

    /** The lower-case hex SHA-256 of a file, in one sequential read. */
    public static String hash(Path file) throws IOException {
        ByteBuffer buffer = BUFFERS.get().clear();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest sha = Digests.sha256(in.size());
            while (in.read(buffer) >= 0) {
                buffer.flip();
                sha.update(buffer);
                buffer.clear();
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
