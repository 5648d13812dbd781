package dev.otapress.cache;

import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

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

    /**
     * Streams the file to a private name beside it and renames it into place: a large portal's
     * cache files are megabytes, which are never held in memory whole (and again as copies) to be written.
     */
    static void write(Path file, String magic, Content content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            CRC32 crc = new CRC32();
            try (OutputStream stream = Files.newOutputStream(temp)) {
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(stream, 1 << 16), crc));
                out.write(magic.getBytes(StandardCharsets.US_ASCII));
                content.write(out);
                out.flush();
                byte[] check = new byte[CHECK];
                put(check, 0, (int) crc.getValue());
                out.write(check);
                out.flush();
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Keeps the {@code count} most recently written files of a folder of per-output records and
     * deletes the others: each output folder a site was ever built into (every {@code serve} session
     * builds into a new temporary one) leaves a record, and one no longer built into would stay
     * forever. A record deleted here only costs its output folder's next build its shortcut.
     */
    static void keepNewest(Path folder, int count) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            List<Path> byAge = files.filter(f -> f.getFileName().toString().endsWith(".bin"))
                    .sorted(Comparator.comparing(SealedFile::modified).reversed().thenComparing(Path::toString)).toList();
            for (Path old : byAge.subList(Math.min(count, byAge.size()), byAge.size())) Files.deleteIfExists(old);
        } catch (IOException | java.io.UncheckedIOException e) {
            // Left for a later build: an extra record is never read by mistake, being named by its folder.
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * What the file holds, or null when there is no such file or it is the same kind of file in
     * another version (its magic line names the same kind with another number): an older or newer
     * otapress wrote it, and this one rewrites it, as it would a missing one.
     *
     * @throws IOException when it cannot be read, or fails its check (then the message says which)
     */
    static <T> T read(Path file, String magic, Reader<T> reader) throws IOException {
        byte[] bytes;
        try {
            bytes = readAll(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        byte[] head = magic.getBytes(StandardCharsets.US_ASCII);
        int body = bytes.length - CHECK;
        if (body < head.length || !Arrays.equals(bytes, 0, head.length, head, 0, head.length)) {
            if (otherVersion(bytes, magic)) return null;
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

    /** Whether {@code bytes} start with {@code magic}'s words and another version number: "otapress notes cache 2\n". */
    private static boolean otherVersion(byte[] bytes, String magic) {
        String kind = magic.substring(0, magic.lastIndexOf(' ') + 1);
        int at = kind.length();
        if (bytes.length <= at || !new String(bytes, 0, at, StandardCharsets.ISO_8859_1).equals(kind)) return false;
        int digits = 0;
        while (at < bytes.length && bytes[at] >= '0' && bytes[at] <= '9' && digits < 9) {
            at++;
            digits++;
        }
        return digits > 0 && at < bytes.length && bytes[at] == '\n';
    }

    /**
     * The file's bytes, read 64 KB at a time: {@link Files#readAllBytes} reads a file in one call,
     * for which the JDK takes (and keeps, for the rest of the run) a native buffer as large as the file.
     */
    private static byte[] readAll(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) throw new IOException("it is far larger than any cache file otapress writes");
            byte[] bytes = new byte[(int) size];
            int n = 0;
            while (n < bytes.length) {
                int read = channel.read(ByteBuffer.wrap(bytes, n, Math.min(1 << 16, bytes.length - n)));
                if (read < 0) break;
                n += read;
            }
            return n == bytes.length ? bytes : Arrays.copyOf(bytes, n);
        }
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
