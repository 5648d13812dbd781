package dev.otapress.ipa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a file and computes its SHA-256 from the same read, so a new .ipa is read from disk once
 * however large it is; the archive is then parsed from the copy, so the bytes hashed, parsed and
 * published are the same bytes even if the source changes meanwhile.
 */
public final class HashingCopy {
    private static final int BUFFER = 1 << 20;

    private HashingCopy() {
    }

    /** The lower-case hex SHA-256 of {@code source}, now copied to {@code dest} (which must not exist). */
    public static String copy(Path source, Path dest) throws IOException {
        MessageDigest sha = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (in.read(buffer) >= 0) {
                buffer.flip();
                sha.update(buffer.array(), 0, buffer.limit());
                while (buffer.hasRemaining()) out.write(buffer);
                buffer.clear();
            }
        }
        Files.setLastModifiedTime(dest, Files.getLastModifiedTime(source));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The lower-case hex SHA-256 of a file, in one sequential read. */
    public static String hash(Path file) throws IOException {
        MessageDigest sha = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buffer) >= 0) {
                buffer.flip();
                sha.update(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
