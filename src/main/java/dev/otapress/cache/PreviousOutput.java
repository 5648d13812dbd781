package dev.otapress.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The files the last build wrote into the output folder, each with what it was made from (an
 * .ipa's SHA-256, or a digest of everything a page or icon is made from) and its stamp as it was
 * once that build had finished, so this build can hard-link an unchanged file instead of copying
 * or making it again. A link is made only to otapress's own copy in the output (never to a file in
 * content/), and only while the copy's stamp (size, times, identity) still matches: a file edited
 * or replaced in the output is made afresh.
 */
public final class PreviousOutput {
    private static final String MAGIC = "otapress previous output 1\n";

    /** What a file was made from: an .ipa's bytes, or the inputs of a file otapress made. */
    public enum Kind {
        IPA, MADE
    }

    /** One file written: where, from what, and its stamp once the build had finished. */
    public record Written(String path, Kind kind, String digest, FileStamp stamp) {
        public Written {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    private final IpaCache cache;
    private final Path outDir;
    private final Map<String, Written> bySha256 = new HashMap<>();
    private final Map<String, Written> byPath = new HashMap<>();
    private final ConcurrentMap<String, String> made = new ConcurrentHashMap<>();

    private PreviousOutput(IpaCache cache, Path outDir) {
        this.cache = cache;
        this.outDir = outDir.toAbsolutePath().normalize();
    }

    /** What the last build recorded about {@code outDir}; nothing when the cache is off. */
    public static PreviousOutput of(IpaCache cache, Path outDir) {
        PreviousOutput previous = new PreviousOutput(cache, outDir);
        if (!cache.enabled()) return previous;
        Path file = cache.outputsFile(previous.outDir);
        try {
            List<Written> files = SealedFile.read(file, MAGIC, in -> previous.readRecord(in));
            if (files == null) return previous;
            for (Written w : files) {
                previous.byPath.put(w.path(), w);
                if (w.kind() == Kind.IPA) previous.bySha256.putIfAbsent(w.digest(), w);
            }
        } catch (IOException | RuntimeException e) {
            cache.damaged(file, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return previous;
    }

    /** Nothing known about any previous output: every file is made afresh. */
    public static PreviousOutput none(Path outDir) {
        return new PreviousOutput(IpaCache.off(), outDir);
    }

    /** The previous output's copy of these .ipa bytes, still as it was written, or null. */
    public Path find(String sha256) {
        return unchanged(bySha256.get(sha256));
    }

    /**
     * The previous output's file at {@code path} if it was made from inputs with this digest and is
     * still as it was written, else null. The digest is remembered for the next build either way.
     */
    public Path reusable(String path, String digest) {
        Objects.requireNonNull(digest, "digest");
        if (!cache.enabled()) return null;
        made.put(path, digest);
        Written w = byPath.get(path);
        return w != null && w.kind() == Kind.MADE && w.digest().equals(digest) ? unchanged(w) : null;
    }

    /** The size the previous output's file had when it was recorded. */
    public long recordedSize(String path) {
        Written w = byPath.get(path);
        return w == null ? -1 : w.stamp().size();
    }

    private Path unchanged(Written w) {
        if (w == null) return null;
        Path file = outDir.resolve(w.path()).normalize();
        if (!file.startsWith(outDir)) return null;
        try {
            return w.stamp().equals(FileStamp.of(file)) ? file : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Records what this build wrote, once its output is in place: the .ipa files given here by
     * site path and SHA-256, and every file whose digest was asked for with {@link #reusable}.
     */
    public void record(Map<String, String> sha256ByPath) {
        if (!cache.enabled()) return;
        Map<String, Written> files = new TreeMap<>();
        stamp(made, Kind.MADE, files);
        stamp(sha256ByPath, Kind.IPA, files);
        Path file = cache.outputsFile(outDir);
        try {
            SealedFile.write(file, MAGIC, out -> writeRecord(out, new ArrayList<>(files.values())));
            SealedFile.keepNewest(file.getParent(), BuildRecord.KEPT);
        } catch (IOException e) {
            cache.cannotWrite(file, e);
        }
    }

    private void stamp(Map<String, String> digests, Kind kind, Map<String, Written> into) {
        for (Map.Entry<String, String> e : digests.entrySet()) {
            try {
                FileStamp stamp = FileStamp.of(outDir.resolve(e.getKey()));
                if (stamp != null) into.put(e.getKey(), new Written(e.getKey(), kind, e.getValue(), stamp));
            } catch (IOException ex) {
                // Not recorded (a file that failed to be written): the next build makes it again.
            }
        }
    }

    private void writeRecord(DataOutputStream out, List<Written> files) throws IOException {
        out.writeUTF(outDir.toString());
        out.writeInt(files.size());
        for (Written w : files) {
            out.writeUTF(w.path());
            out.writeByte(w.kind().ordinal());
            out.writeUTF(w.digest());
            out.writeLong(w.stamp().size());
            out.writeLong(w.stamp().modifiedNanos());
            out.writeLong(w.stamp().changedNanos());
            out.writeUTF(w.stamp().identity());
        }
    }

    private List<Written> readRecord(DataInputStream in) throws IOException {
        // The record names its folder: one copied along with the cache vouches for nothing here.
        if (!in.readUTF().equals(outDir.toString())) return List.of();
        int count = in.readInt();
        if (count < 0) throw new IOException("a negative count");
        List<Written> files = new ArrayList<>(Math.min(count, 1 << 16));
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            String path = in.readUTF();
            int kind = in.readUnsignedByte();
            if (kind >= kinds.length) throw new IOException("an unknown kind of file");
            files.add(new Written(path, kinds[kind], in.readUTF(),
                    new FileStamp(in.readLong(), in.readLong(), in.readLong(), in.readUTF())));
        }
        return files;
    }
}
