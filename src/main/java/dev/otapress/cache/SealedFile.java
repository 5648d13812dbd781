package dev.otapress.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A cache file in a compact binary form, read in one go with no parser to load: a magic line
 * naming what it holds and its version, the content, and the SHA-256 of both. A file that is
 * truncated, damaged or written by another version fails its check and is never parsed.
 */
final class SealedFile {
    private static final int HASH = 32;

    /** Writes what {@code content} writes, sealed, under a private name renamed into place. */
    interface Content {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads what a sealed file holds; an {@link IOException} means the file is damaged. */
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private SealedFile() {
    }

    static void write(Path file, String magic, Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(magic.getBytes(StandardCharsets.US_ASCII));
        content.write(out);
        out.flush();
        bytes.write(sha256(bytes.toByteArray(), bytes.size()));
        IpaCache.writeAtomically(file, bytes.toByteArray());
    }

    /**
     * What the file holds, or null when there is no such file.
     *
     * @throws IOException when it cannot be read, or fails its check (then the message says which)
     */
    static <T> T read(Path file, String magic, Reader<T> reader) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        byte[] head = magic.getBytes(StandardCharsets.US_ASCII);
        int body = bytes.length - HASH;
        if (body < head.length || !Arrays.equals(bytes, 0, head.length, head, 0, head.length)) {
            throw new IOException("not a file of this otapress version");
        }
        if (!Arrays.equals(sha256(bytes, body), 0, HASH, bytes, body, bytes.length)) {
            throw new IOException("its checksum does not match: it is truncated or damaged");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, head.length, body - head.length));
        T value = reader.read(in);
        if (in.available() != 0) throw new IOException("it has bytes after its end");
        return value;
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
