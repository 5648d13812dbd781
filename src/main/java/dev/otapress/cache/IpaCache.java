package dev.otapress.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.otapress.Diagnostic;
import dev.otapress.ipa.Icon;
import dev.otapress.ipa.IpaInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
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
 * <p>Every file is written under a private name and renamed into place, so parallel builds and
 * killed builds leave only whole files.
 */
public final class IpaCache {
    /**
     * Bump when {@code IpaReader} yields something different from the same bytes (a new warning,
     * a parsing fix); a new or changed field of {@link IpaInfo} changes the shape by itself.
     */
    public static final int FORMAT = 1;
    public static final String FOLDER = ".otapress-cache";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String GENERATION = "ipa-" + FORMAT + "-" + Shape.of(IpaInfo.class);

    private final Path root;
    private final ObjectMapper json;
    private final IconStore icons;
    private final Queue<Diagnostic> warnings = new ConcurrentLinkedQueue<>();
    private final java.util.Set<Path> damaged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private IpaCache(Path root) {
        this.root = root;
        this.icons = root == null ? null : new IconStore(root.resolve("icons"));
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        if (icons != null) json.registerModule(icons.module());
    }

    /** The cache of a site; old generations of it (other formats or shapes) are removed. */
    public static IpaCache of(Path siteDir) {
        Path folder = siteDir.resolve(FOLDER);
        IpaCache cache = new IpaCache(folder.resolve(GENERATION));
        cache.prepare(folder);
        return cache;
    }

    /** No cache: every lookup misses and nothing is written ({@code --no-cache}). */
    public static IpaCache off() {
        return new IpaCache(null);
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
        Path file = stampFile(source);
        StampEntry entry = readJson(file, StampEntry.class);
        if (entry == null) return null;
        if (!entry.path().equals(key(source)) || !SHA256.matcher(entry.sha256()).matches()) {
            damaged(file, "it names another file");
            return null;
        }
        if (!entry.stamp().equals(stamp)) return null;
        return bySha256(source, entry.sha256(), stamp.size());
    }

    /** The facts of an .ipa with these bytes, or null. */
    public IpaInfo bySha256(Path source, String sha256, long size) {
        if (root == null || !SHA256.matcher(sha256).matches()) return null;
        Path file = factsFile(sha256);
        FactsEntry entry = readJson(file, FactsEntry.class);
        if (entry == null) return null;
        if (!entry.info().sha256().equals(sha256) || entry.info().size() != size) {
            damaged(file, "its content is for another file");
            return null;
        }
        return entry.info().withFile(source);
    }

    /** Keeps what {@code source} yielded; a failure to write only costs the next build a read. */
    public void put(Path source, FileStamp stamp, IpaInfo info) {
        if (root == null) return;
        Path facts = factsFile(info.sha256());
        if (damaged.contains(facts) || !Files.exists(facts)) writeJson(facts, new FactsEntry(info));
        if (stamp != null) writeJson(stampFile(source), new StampEntry(key(source), stamp, info.sha256()));
    }

    /** Scaled icons kept between builds; null when the cache is off. */
    public ScaledIconStore scaledIcons() {
        return root == null ? null : new ScaledIconStore(root.resolve("scaled"), this);
    }

    /** Records of what a previous build wrote into an output folder, for {@link PreviousOutput}. */
    Path outputsFile(Path outDir) {
        return root.resolve("outputs").resolve(sha256(key(outDir)) + ".bin");
    }

    ObjectMapper json() {
        return json;
    }

    /** The facts as stored: the IPA's own, keyed by its bytes. */
    record FactsEntry(IpaInfo info) {
        FactsEntry {
            Objects.requireNonNull(info, "info");
        }
    }

    /** Which bytes a file held when it had this stamp. */
    record StampEntry(String path, FileStamp stamp, String sha256) {
        StampEntry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    <T> T readJson(Path file, Class<T> type) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            damaged(file, e.getMessage());
            return null;
        }
        try {
            return json.readValue(bytes, type);
        } catch (IOException | RuntimeException e) {
            damaged(file, firstLine(e.getMessage()));
            return null;
        }
    }

    void writeJson(Path file, Object value) {
        try {
            writeAtomically(file, json.writeValueAsBytes(value));
        } catch (IOException | RuntimeException e) {
            cannotWrite(file, e);
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

    private Path factsFile(String sha256) {
        return root.resolve("facts").resolve(sha256 + ".json");
    }

    private Path stampFile(Path source) {
        return root.resolve("stamps").resolve(sha256(key(source)) + ".json");
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

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Creates the folder with a CACHEDIR.TAG (backup tools skip it) and removes other generations. */
    private void prepare(Path folder) {
        try {
            Files.createDirectories(root);
            Path tag = folder.resolve("CACHEDIR.TAG");
            if (!Files.exists(tag)) {
                writeAtomically(tag, ("Signature: 8a477f597d28d172789f06886806bc55\n"
                        + "# otapress's cache of what each .ipa yielded; safe to delete at any time.\n").getBytes(StandardCharsets.UTF_8));
            }
            try (DirectoryStream<Path> generations = Files.newDirectoryStream(folder, "ipa-*")) {
                for (Path g : generations) if (!g.equals(root)) deleteTree(g);
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

    /** Icons of cached entries are stored once each, by content, and shared by every entry that names them. */
    Icon internIcon(Icon icon) {
        return icons == null ? icon : icons.intern(icon);
    }
}
