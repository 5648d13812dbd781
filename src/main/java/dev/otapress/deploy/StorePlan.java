package dev.otapress.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a deploy does to one bucket and prefix: the files to upload (in phase order), how many are
 * already there byte for byte, and the keys the portal no longer has.
 *
 * @param replaced      the site paths of the uploads that replace an object already there
 * @param state         the {@link DeployState} the prefix holds (empty when it holds none)
 * @param kept          the state's entries for the files found unchanged, as they are now listed
 * @param markerPresent whether the prefix already carries otapress's marker
 * @param foreignObjects how many objects the prefix holds without carrying the marker: otapress did
 *                      not put them there, so it deletes none of them
 */
public record StorePlan(ObjectStore store, List<LocalObject> uploads, Set<String> replaced, int unchanged, List<String> deletions,
                        DeployState state, Map<String, DeployState.Entry> kept, boolean markerPresent, int foreignObjects) {

    public StorePlan {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(state, "state");
        uploads = List.copyOf(uploads);
        replaced = Set.copyOf(replaced);
        deletions = List.copyOf(deletions);
        kept = Map.copyOf(kept);
    }

    /** Whether the upload replaces an object already there (with other bytes), rather than adding one. */
    public boolean replaces(LocalObject upload) {
        return replaced.contains(upload.sitePath());
    }

    /**
     * Compares the files meant for this store with what its listing shows: an object is unchanged
     * when its ETag is the file's MD5 (or multipart ETag), or when the state recorded the file's
     * bytes for exactly the ETag and size listed.
     */
    static StorePlan of(ObjectStore store, List<LocalObject> files, List<RemoteObject> remote, DeployState state) {
        S3Location at = store.location();
        Set<String> ours = Set.of(at.key(ObjectStore.MARKER), at.key(DeployState.KEY));
        Map<String, RemoteObject> byKey = new HashMap<>();
        for (RemoteObject r : remote) byKey.put(r.key(), r);
        List<LocalObject> uploads = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        Map<String, DeployState.Entry> kept = new HashMap<>();
        Set<String> keep = new HashSet<>();
        for (LocalObject f : files) {
            String key = at.key(f.sitePath());
            keep.add(key);
            RemoteObject r = byKey.get(key);
            if (r != null && (f.checksum().matches(r.etag(), r.size()) || state.unchanged(f.sitePath(), f.checksum(), r))) {
                if (r.etag() != null) kept.put(f.sitePath(), new DeployState.Entry(f.checksum().sha256Hex(), f.size(), r.etag()));
            } else {
                uploads.add(f);
                if (r != null) replaced.add(f.sitePath());
            }
        }
        boolean markerPresent = byKey.containsKey(at.key(ObjectStore.MARKER));
        List<String> deletions = new ArrayList<>();
        for (RemoteObject r : remote) {
            if (!keep.contains(r.key()) && !ours.contains(r.key())) deletions.add(r.key());
        }
        deletions.sort(null);
        int unchanged = files.size() - uploads.size();
        return new StorePlan(store, uploads, replaced, unchanged, deletions, state, kept, markerPresent,
                markerPresent ? 0 : remote.size());
    }

    /**
     * The state after this plan's uploads: the kept entries and each uploaded file with the ETag
     * the store gave it (a file whose upload returned none is left out, so it is compared by ETag alone).
     */
    DeployState after(Map<String, String> uploadedEtags) {
        Map<String, DeployState.Entry> objects = new HashMap<>(kept);
        for (LocalObject f : uploads) {
            String etag = uploadedEtags.get(f.sitePath());
            if (etag != null) objects.put(f.sitePath(), new DeployState.Entry(f.checksum().sha256Hex(), f.size(), etag));
        }
        return new DeployState(objects);
    }

    public long uploadBytes() {
        return uploads.stream().mapToLong(LocalObject::size).sum();
    }
}
