package dev.otapress.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The MD5 digests of a file, whole and per part: what S3 verifies (Content-MD5 on each upload and
 * each part) and what it reports back as the ETag (the MD5 of a single-part object, or the MD5 of
 * the parts' MD5s followed by "-N" for a multipart one), so an unchanged file is recognised from a
 * listing alone; and its SHA-256, which the {@link DeployState} records for stores whose ETags are
 * no MD5 (SSE-KMS on AWS, some S3-compatible stores).
 *
 * @param partSize the part size the file is uploaded with; a file no larger is one part
 * @param parts    each part's MD5 when the file is larger than {@code partSize}, else empty
 */
public record Checksum(long size, byte[] md5, byte[] sha256, long partSize, List<byte[]> parts) {

    public Checksum {
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(sha256, "sha256");
        parts = List.copyOf(parts);
        if (partSize <= 0) throw new IllegalArgumentException("part size must be positive");
    }

    public boolean multipart() {
        return !parts.isEmpty();
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** The Content-MD5 header of a single-part upload. */
    public String contentMd5() {
        return Base64.getEncoder().encodeToString(md5);
    }

    /** The Content-MD5 header of part {@code index} (0-based). */
    public String partMd5(int index) {
        return Base64.getEncoder().encodeToString(parts.get(index));
    }

    /** The ETag that S3 gives the object this file uploads as, without quotes. */
    public String expectedEtag() {
        if (!multipart()) return HexFormat.of().formatHex(md5);
        MessageDigest all = md5Digest();
        for (byte[] p : parts) all.update(p);
        return HexFormat.of().formatHex(all.digest()) + "-" + parts.size();
    }

    /** Whether an object with this ETag holds these bytes; an ETag that is no MD5 (encrypted buckets) never matches. */
    public boolean matches(String etag, long objectSize) {
        if (etag == null || objectSize != size) return false;
        String e = etag.replace("\"", "").toLowerCase(java.util.Locale.ROOT);
        return e.equals(expectedEtag()) || e.equals(HexFormat.of().formatHex(md5));
    }

    /** Reads the file once, digesting it whole and, when larger than {@code partSize}, per part. */
    public static Checksum of(Path file, long partSize) throws IOException {
        long size = Files.size(file);
        MessageDigest whole = md5Digest();
        MessageDigest sha = sha256Digest();
        MessageDigest part = md5Digest();
        List<byte[]> parts = new ArrayList<>();
        boolean multipart = size > partSize;
        byte[] buffer = new byte[1 << 16];
        long inPart = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, partSize - inPart))) > 0) {
                whole.update(buffer, 0, n);
                sha.update(buffer, 0, n);
                if (multipart) part.update(buffer, 0, n);
                inPart += n;
                if (inPart == partSize) {
                    if (multipart) parts.add(part.digest());
                    inPart = 0;
                }
            }
        }
        if (multipart && inPart > 0) parts.add(part.digest());
        return new Checksum(size, whole.digest(), sha.digest(), partSize, parts);
    }

    /** The part size for a file: {@code preferred}, or larger where S3's limit of 10,000 parts needs it. */
    public static long partSize(long fileSize, long preferred) {
        long min = (fileSize + 9_999) / 10_000;
        long mib = 1024 * 1024;
        return Math.max(preferred, (min + mib - 1) / mib * mib);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
