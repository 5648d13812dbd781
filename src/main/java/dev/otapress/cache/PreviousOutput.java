package dev.otapress.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The .ipa files the last build wrote into the output folder, with each one's stamp as it was
 * then, so this build can hard-link an unchanged one instead of copying it again. The link is
 * made only to otapress's own copy (never to a file in content/), and only while the copy's stamp
 * (size, times, identity) still matches: a file edited or replaced in the output is copied afresh.
 */
public final class PreviousOutput {
    /** One .ipa written: where, which bytes, and its stamp once the build had finished. */
    public record Written(String path, String sha256, FileStamp stamp) {
        public Written {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    record Record(String folder, List<Written> files) {
        Record {
            files = List.copyOf(files);
        }
    }

    private final IpaCache cache;
    private final Path outDir;
    private final Map<String, Written> bySha256 = new HashMap<>();

    private PreviousOutput(IpaCache cache, Path outDir) {
        this.cache = cache;
        this.outDir = outDir.toAbsolutePath().normalize();
    }

    /** What the last build recorded about {@code outDir}; nothing when the cache is off. */
    public static PreviousOutput of(IpaCache cache, Path outDir) {
        PreviousOutput previous = new PreviousOutput(cache, outDir);
        if (!cache.enabled()) return previous;
        Record record = cache.readJson(cache.outputsFile(previous.outDir), Record.class);
        if (record != null && record.folder().equals(previous.outDir.toString())) {
            for (Written w : record.files()) previous.bySha256.putIfAbsent(w.sha256(), w);
        }
        return previous;
    }

    /** The previous output's copy of these bytes, still as it was written, or null. */
    public Path find(String sha256) {
        Written w = bySha256.get(sha256);
        if (w == null) return null;
        Path file = outDir.resolve(w.path()).normalize();
        if (!file.startsWith(outDir)) return null;
        try {
            return w.stamp().equals(FileStamp.of(file)) ? file : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Records what this build wrote, once its output is in place. */
    public void record(Map<String, String> sha256ByPath) {
        if (!cache.enabled()) return;
        List<Written> files = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(sha256ByPath).entrySet()) {
            try {
                FileStamp stamp = FileStamp.of(outDir.resolve(e.getKey()));
                if (stamp != null) files.add(new Written(e.getKey(), e.getValue(), stamp));
            } catch (IOException ex) {
                // Not recorded: the next build copies this one again.
            }
        }
        cache.writeJson(cache.outputsFile(outDir), new Record(outDir.toString(), files));
    }
}
