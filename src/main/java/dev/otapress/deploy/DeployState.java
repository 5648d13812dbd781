package dev.otapress.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the last deploy stored under a prefix: for each object, the SHA-256 and size of the bytes
 * it uploaded and the ETag the store gave them. Where a store's ETag is the MD5 of the bytes, the
 * listing alone shows what is unchanged; where it is not (SSE-KMS on AWS, some S3-compatible
 * stores), this object does, and the listing still is one pass: an entry is trusted only while the
 * listed ETag and size are still the recorded ones, so an object replaced by anyone else is sent
 * again. It is written last, after the deletions, never uploaded from the portal and never deleted.
 *
 * @param objects by site path
 */
public record DeployState(Map<String, Entry> objects) {
    /** The state object's name under the prefix. */
    public static final String KEY = ".otapress-deploy-state.json";
    /** A state larger than this is not read (the objects then upload again); 10,000 files take about 2 MB. */
    static final long MAX_BYTES = 64L << 20;
    static final int FORMAT = 1;
    static final DeployState EMPTY = new DeployState(Map.of());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** One stored object as uploaded: its bytes' SHA-256 (hex) and size, and the store's ETag for it. */
    public record Entry(String sha256, long size, String etag) {
        public Entry {
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(etag, "etag");
            etag = DeployState.etag(etag);
        }
    }

    /** How the object is written: a format number, then the entries sorted by path. */
    record Stored(int format, Map<String, Entry> objects) {
    }

    public DeployState {
        objects = Map.copyOf(objects);
    }

    /** Whether the listed object still holds the bytes this state recorded for it, and those are the local file's. */
    boolean unchanged(String sitePath, Checksum local, RemoteObject listed) {
        Entry e = objects.get(sitePath);
        return e != null && listed != null && listed.etag() != null
                && e.size() == local.size() && listed.size() == e.size()
                && e.sha256().equals(local.sha256Hex()) && e.etag().equals(etag(listed.etag()));
    }

    /** ETags compare without their quotes and case, which stores write differently. */
    static String etag(String etag) {
        return etag.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(new Stored(FORMAT, new TreeMap<>(objects)));
        } catch (IOException e) {
            throw new IllegalStateException("records always serialize", e);
        }
    }

    /**
     * The state in a stored object, or {@link #EMPTY} for anything else: the bytes come from the
     * store, and a state that cannot be read only means that the objects upload again.
     */
    static DeployState parse(byte[] json) {
        try {
            Stored stored = JSON.readValue(json, Stored.class);
            if (stored == null || stored.format() != FORMAT || stored.objects() == null) return EMPTY;
            Map<String, Entry> objects = new TreeMap<>();
            stored.objects().forEach((path, e) -> {
                if (path != null && e != null && e.sha256() != null && e.etag() != null) objects.put(path, e);
            });
            return new DeployState(objects);
        } catch (IOException | RuntimeException e) {
            return EMPTY;
        }
    }
}
