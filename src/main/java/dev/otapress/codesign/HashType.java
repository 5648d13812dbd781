package dev.otapress.codesign;

import dev.otapress.Digests;

import java.security.MessageDigest;

/** The hash algorithms a CodeDirectory may use, by their number in the CodeDirectory. */
enum HashType {
    SHA1(1, 20, "SHA-1", "sha1"),
    SHA256(2, 32, "SHA-256", "sha256"),
    SHA256_TRUNCATED(3, 20, "SHA-256", "sha256-truncated"),
    SHA384(4, 48, "SHA-384", "sha384");

    final int code;
    final int size;
    final String algorithm;
    final String id;

    HashType(int code, int size, String algorithm, String id) {
        this.code = code;
        this.size = size;
        this.algorithm = algorithm;
        this.id = id;
    }

    static HashType of(int code) {
        for (HashType t : values()) if (t.code == code) return t;
        return null;
    }

    MessageDigest digest() {
        return Digests.jdk(algorithm);
    }

    /** A digest for about {@code bytes} of input: large ones are hashed in native code where it is available. */
    MessageDigest digest(long bytes) {
        return Digests.of(algorithm, bytes);
    }

    /** The digest as a CodeDirectory slot holds it (truncated to the slot size). */
    byte[] finish(MessageDigest digest) {
        byte[] full = digest.digest();
        if (full.length == size) return full;
        byte[] cut = new byte[size];
        System.arraycopy(full, 0, cut, 0, size);
        return cut;
    }

    byte[] hash(byte[] data) {
        MessageDigest d = digest();
        d.update(data);
        return finish(d);
    }
}
