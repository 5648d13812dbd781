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
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A cache file in a compact binary form, read in one go with no parser to load: a magic line
 * naming what it holds and its version, the content, and the CRC-32 of both. A file that is
 * truncated, damaged or written by another version fails its check and is never parsed.
 *
 * <p>The check is against damage (a disk, a killed copy, a restore gone wrong), not against
 * someone who can write the cache folder (they could write a matching digest of any kind). So a
 * CRC-32, which the JVM computes in native code at gigabytes a second, rather than a SHA-256,
 * which bin/otapress's quick compiler hashes at about 105 MB/s: the cache of a large portal's
 * notes is megabytes, read and written by every build that changes it.
 */
final class SealedFile {
    private static final int CHECK = 4;

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
        byte[] sealed = Arrays.copyOf(bytes.toByteArray(), bytes.size() + CHECK);
        put(sealed, bytes.size(), crc32(sealed, bytes.size()));
        IpaCache.writeAtomically(file, sealed);
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
        int body = bytes.length - CHECK;
        if (body < head.length || !Arrays.equals(bytes, 0, head.length, head, 0, head.length)) {
            throw new IOException("not a file of this otapress version");
        }
        if (crc32(bytes, body) != get(bytes, body)) {
            throw new IOException("its checksum does not match: it is truncated or damaged");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, head.length, body - head.length));
        T value = reader.read(in);
        if (in.available() != 0) throw new IOException("it has bytes after its end");
        return value;
    }

    private static int crc32(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static void put(byte[] bytes, int at, int value) {
        for (int i = 0; i < CHECK; i++) bytes[at + i] = (byte) (value >>> (24 - 8 * i));
    }

    private static int get(byte[] bytes, int at) {
        int value = 0;
        for (int i = 0; i < CHECK; i++) value = value << 8 | bytes[at + i] & 0xFF;
        return value;
    }
}
