package dev.otapress.cache;

import dev.otapress.Diagnostic;
import dev.otapress.ipa.Icon;
import dev.otapress.ipa.IpaInfo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * What each .ipa yielded (its facts, SHA-256 and icon), kept in {@code <site>/.otapress-cache/} so
 * that a rebuild opens no zip it has read before. Safe to delete at any time.
 *
 * <p>Two ways in, both trusting nothing less than the bytes: by the file's {@link FileStamp}
 * (path, size, modification and change time, inode identity, checked all together, so a file
 * replaced in any way misses) and by the file's full SHA-256 (a fresh checkout in CI, where every
 * stamp is new, pays one sequential read per IPA and no unzipping). Entries are found under the
 * {@link #FORMAT} and the {@link Shape} of {@link IpaInfo}, so a newer otapress never reads an
 * older entry. Clock-dependent verdicts (expiry, trust) are never cached: they are decided from
 * these facts on every build. A damaged or foreign file is ignored with a warning and rewritten.
 *
 * <p>All entries live in one index file, read in one go when the build starts (each entry is
 * decoded only when a release asks for it) and written once at its end; icons sit beside it, one
 * file per distinct icon. A successful build keeps only the entries it used, so the cache follows
 * the portal instead of growing with every build ever made; a failed one keeps them all. Every
 * file is written under a private name and renamed into place, so parallel builds and killed
 * builds leave only whole files (the last to finish wins; a lost entry costs one read).
 */
public final class IpaCache {
    /**
     * Bump when {@code IpaReader} yields something different from the same bytes (a new warning,
     * a parsing fix), or when the files' form changes (3: sealed with a CRC-32); a new or changed
     * field of {@link IpaInfo} changes the shape by itself.
     */
    public static final int FORMAT = 3;
    public static final String FOLDER = ".otapress-cache";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String GENERATION = "ipa-" + FORMAT + "-" + Shape.of(IpaInfo.class);
    private static final String MAGIC = "otapress ipa cache " + GENERATION + "\n";

    /** Which bytes a file held when it had this stamp. */
    private record StampEntry(FileStamp stamp, String sha256) {
    }

    /** One entry's facts as stored, decoded the first time a release asks for them. */
    private static final class Facts {
        final byte[] stored;
        IpaInfo info;
        boolean failed;

        Facts(byte[] stored, IpaInfo info) {
            this.stored = stored;
            this.info = info;
        }
    }

    private final Path root;
    private final NotesCache notes;
    private final QrCodeStore qrCodes;
    private final IconStore icons;
    private final RecordCodec codec;
    private final Queue<Diagnostic> warnings = new ConcurrentLinkedQueue<>();
    private final Set<Path> damaged = ConcurrentHashMap.newKeySet();
    private final Map<String, StampEntry> stamps = new ConcurrentHashMap<>();
    private final Map<String, Facts> facts = new ConcurrentHashMap<>();
    private final Set<String> usedStamps = ConcurrentHashMap.newKeySet();
    private final Set<String> usedFacts = ConcurrentHashMap.newKeySet();
    private final Set<String> usedScaled = ConcurrentHashMap.newKeySet();
    private volatile boolean changed;

    private IpaCache(Path root, Path notesFolder) {
        this.root = root;
        this.notes = notesFolder == null ? NotesCache.off() : NotesCache.load(notesFolder, warnings::add);
        this.qrCodes = root == null ? null : QrCodeStore.load(root, warnings::add);
        this.icons = root == null ? null : new IconStore(root.resolve("icons"));
        this.codec = root == null ? null : new RecordCodec(IpaInfo.class, Icon.class, icons);
    }

    /** The cache of a site; old generations of it (other formats or shapes) are removed. */
    public static IpaCache of(Path siteDir) {
        Path folder = siteDir.resolve(FOLDER);
        IpaCache cache = new IpaCache(folder.resolve(GENERATION), folder.resolve(NotesCache.GENERATION));
        cache.prepare(folder);
        cache.load();
        return cache;
    }

    /** No cache: every lookup misses and nothing is written ({@code --no-cache}). */
    public static IpaCache off() {
        return new IpaCache(null, null);
    }

    public boolean enabled() {
        return root != null;
    }

    /** Problems met with the cache's own files since the last call, as warnings; the build went on without them. */
    public List<Diagnostic> takeWarnings() {
        List<Diagnostic> taken = new ArrayList<>();
        for (Diagnostic d = warnings.poll(); d != null; d = warnings.poll()) taken.add(d);
        return taken;
    }

    /** The facts of the .ipa at {@code source} if the file system vouches it is the file cached; else null. */
    public IpaInfo byStamp(Path source, FileStamp stamp) {
        if (root == null || stamp == null) return null;
        String key = key(source);
        StampEntry entry = stamps.get(key);
        if (entry == null || !entry.stamp().equals(stamp)) return null;
        IpaInfo info = bySha256(source, entry.sha256(), stamp.size());
        if (info != null) usedStamps.add(key);
        return info;
    }

    /** The facts of an .ipa with these bytes, or null. */
    public IpaInfo bySha256(Path source, String sha256, long size) {
        if (root == null || !isSha256(sha256)) return null;
        Facts f = facts.get(sha256);
        IpaInfo info = f == null ? null : decode(sha256, f);
        if (info == null) return null;
        if (!info.sha256().equals(sha256) || info.size() != size) {
            damaged(index(), "an entry's content is for another file");
            return null;
        }
        usedFacts.add(sha256);
        return info.withFile(source);
    }

    /** Keeps what {@code source} yielded, written when the build ends; a failure to write only costs the next build a read. */
    public void put(Path source, FileStamp stamp, IpaInfo info) {
        if (root == null) return;
        facts.compute(info.sha256(), (sha, f) -> f != null && f.info != null ? f : new Facts(null, info));
        usedFacts.add(info.sha256());
        if (stamp != null) {
            stamps.put(key(source), new StampEntry(stamp, info.sha256()));
            usedStamps.add(key(source));
        }
        changed = true;
    }

    /** What release notes rendered to in earlier builds (a cache that keeps nothing when this one is off). */
    public NotesCache notes() {
        return notes;
    }

    /** QR codes drawn by earlier builds; null when the cache is off. */
    public QrCodeStore qrCodes() {
        return qrCodes;
    }

    /** Scaled icons kept between builds; null when the cache is off. */
    public ScaledIconStore scaledIcons() {
        return root == null ? null : new ScaledIconStore(root.resolve("scaled"), this);
    }

    /**
     * Writes what this build learnt. After a successful build ({@code prune}), entries, icons and
     * scaled icons that it did not use are removed; after a failed one everything is kept.
     */
    public void save(boolean prune) {
        if (root == null) return;
        notes.save(prune);
        qrCodes.save(prune);
        if (prune) {
            changed |= stamps.keySet().retainAll(usedStamps) | facts.keySet().retainAll(usedFacts);
        }
        if (changed) {
            try {
                SealedFile.write(index(), MAGIC, this::writeIndex);
            } catch (IOException | RuntimeException e) {
                cannotWrite(index(), e);
                return;
            }
        }
        if (!prune) return;
        try {
            icons.removeUnused();
            scaledIcons().removeUnused(usedScaled);
        } catch (IOException e) {
            // Left for a later build to remove: they are never read by mistake, being keyed by content.
        }
    }

    /** Records of what a previous build wrote into an output folder, for {@link PreviousOutput}. */
    Path outputsFile(Path outDir) {
        return root.resolve("outputs").resolve(sha256(key(outDir)) + ".bin");
    }

    void scaledUsed(String key) {
        usedScaled.add(key);
    }

    private Path index() {
        return root.resolve("index.bin");
    }

    private IpaInfo decode(String sha256, Facts f) {
        synchronized (f) {
            if (f.info != null || f.failed) return f.info;
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(f.stored));
                f.info = (IpaInfo) codec.read(in, IpaInfo.class);
                if (in.available() != 0) throw new IOException("an entry with bytes after its end");
            } catch (IOException | RuntimeException e) {
                f.failed = true;
                facts.remove(sha256);
                changed = true;
                damaged(index(), "the entry for " + sha256 + ": " + firstLine(e.getMessage()));
            }
            return f.info;
        }
    }

    private void load() {
        Path file = index();
        try {
            SealedFile.read(file, MAGIC, in -> {
                for (int i = 0, n = RecordCodec.count(in); i < n; i++) {
                    String path = RecordCodec.string(in);
                    FileStamp stamp = new FileStamp(in.readLong(), in.readLong(), in.readLong(), RecordCodec.string(in));
                    stamps.put(path, new StampEntry(stamp, RecordCodec.string(in)));
                }
                for (int i = 0, n = RecordCodec.count(in); i < n; i++) {
                    String sha = RecordCodec.string(in);
                    facts.put(sha, new Facts(RecordCodec.bytes(in), null));
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            stamps.clear();
            facts.clear();
            changed = true;
            damaged(file, firstLine(e.getMessage()));
        }
    }

    private void writeIndex(DataOutputStream out) throws IOException {
        Map<String, StampEntry> sortedStamps = new TreeMap<>(stamps);
        out.writeInt(sortedStamps.size());
        for (Map.Entry<String, StampEntry> e : sortedStamps.entrySet()) {
            RecordCodec.string(out, e.getKey());
            FileStamp s = e.getValue().stamp();
            out.writeLong(s.size());
            out.writeLong(s.modifiedNanos());
            out.writeLong(s.changedNanos());
            RecordCodec.string(out, s.identity());
            RecordCodec.string(out, e.getValue().sha256());
        }
        Map<String, Facts> sortedFacts = new TreeMap<>(facts);
        out.writeInt(sortedFacts.size());
        for (Map.Entry<String, Facts> e : sortedFacts.entrySet()) {
            byte[] stored = e.getValue().stored;
            if (stored == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream entry = new DataOutputStream(bytes);
                codec.write(entry, e.getValue().info, IpaInfo.class);
                entry.flush();
                stored = bytes.toByteArray();
            }
            RecordCodec.string(out, e.getKey());
            out.writeInt(stored.length);
            out.write(stored);
        }
    }

    void cannotWrite(Path file, Exception e) {
        warnings.add(Diagnostic.warning(file, "cannot be written (" + firstLine(e.getMessage())
                + "); the next build does again what it would have spared"));
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    void damaged(Path file, String why) {
        if (!damaged.add(file)) return;
        warnings.add(Diagnostic.warning(file, "is a damaged or foreign cache file (" + why + "); otapress ignored it"
                + " and reads the .ipa again (the cache folder " + FOLDER + " is safe to delete)"));
    }

    static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Creates the folder with a CACHEDIR.TAG (backup tools skip it) and removes other generations (other formats or shapes). */
    private void prepare(Path folder) {
        try {
            Files.createDirectories(root);
            Files.createDirectories(folder.resolve(NotesCache.GENERATION));
            Path tag = folder.resolve("CACHEDIR.TAG");
            if (!Files.exists(tag)) {
                writeAtomically(tag, ("Signature: 8a477f597d28d172789f06886806bc55\n"
                        + "# otapress's cache of what each .ipa yielded; safe to delete at any time.\n").getBytes(StandardCharsets.UTF_8));
            }
            try (DirectoryStream<Path> generations = Files.newDirectoryStream(folder, "{ipa,notes}-*")) {
                for (Path g : generations) {
                    String name = g.getFileName().toString();
                    if (!name.equals(GENERATION) && !name.equals(NotesCache.GENERATION)) deleteTree(g);
                }
            }
        } catch (IOException e) {
            warnings.add(Diagnostic.warning(folder, "cannot be prepared as otapress's cache (" + e.getMessage()
                    + "); this build reads every .ipa"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
