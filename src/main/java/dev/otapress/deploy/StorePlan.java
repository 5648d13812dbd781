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
 * @param markerPresent whether the prefix already carries otapress's marker
 * @param foreignObjects how many objects the prefix holds without carrying the marker: otapress did
 *                      not put them there, so it deletes none of them
 */
public record StorePlan(ObjectStore store, List<LocalObject> uploads, Set<String> replaced, int unchanged, List<String> deletions,
                        boolean markerPresent, int foreignObjects) {

    public StorePlan {
        Objects.requireNonNull(store, "store");
        uploads = List.copyOf(uploads);
        replaced = Set.copyOf(replaced);
        deletions = List.copyOf(deletions);
    }

    /** Whether the upload replaces an object already there (with other bytes), rather than adding one. */
    public boolean replaces(LocalObject upload) {
        return replaced.contains(upload.sitePath());
    }

    /** Compares the files meant for this store with what its listing shows. */
    static StorePlan of(ObjectStore store, List<LocalObject> files, List<RemoteObject> remote) {
        S3Location at = store.location();
        String marker = at.key(ObjectStore.MARKER);
        Map<String, RemoteObject> byKey = new HashMap<>();
        for (RemoteObject r : remote) byKey.put(r.key(), r);
        List<LocalObject> uploads = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        int unchanged = 0;
        Set<String> keep = new HashSet<>();
        for (LocalObject f : files) {
            String key = at.key(f.sitePath());
            keep.add(key);
            RemoteObject r = byKey.get(key);
            if (r != null && f.checksum().matches(r.etag(), r.size())) unchanged++;
            else {
                uploads.add(f);
                if (r != null) replaced.add(f.sitePath());
            }
        }
        boolean markerPresent = byKey.containsKey(marker);
        List<String> deletions = new ArrayList<>();
        for (RemoteObject r : remote) {
            if (!keep.contains(r.key()) && !r.key().equals(marker)) deletions.add(r.key());
        }
        deletions.sort(null);
        return new StorePlan(store, uploads, replaced, unchanged, deletions, markerPresent, markerPresent ? 0 : remote.size());
    }

    public long uploadBytes() {
        return uploads.stream().mapToLong(LocalObject::size).sum();
    }
}
