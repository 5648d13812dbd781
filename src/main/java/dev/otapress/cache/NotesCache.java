package dev.otapress.cache;

import dev.otapress.Diagnostic;
import dev.otapress.content.Markdown;
import dev.otapress.content.NotesRenderer;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What each release's notes rendered to (the HTML, the excerpt and the plain text a release
 * shows), so a rebuild parses no Markdown it has rendered before. Safe to delete at any time.
 *
 * <p>An entry is found by the notes' whole text (compared in full, not by a digest) and the
 * excerpt's length, under everything else the rendering depends on, which the file records:
 * site.yaml's {@code markdown.unsafe_html} and otapress's code ({@link CodeStamp}). A change to
 * either starts an empty cache, so a fix in how notes are rendered or sanitized reaches every page.
 * The key is the text itself, not the file's stamp, so an edit is seen however it was made, and a
 * cache restored in a fresh CI checkout still hits. The front matter is not cached: it is parsed,
 * and its checks run, on every build. A damaged or foreign file is ignored with a warning and
 * rewritten; a successful build keeps only the entries it used.
 */
public final class NotesCache {
    /** Bump when what is stored changes. */
    static final int FORMAT = 1;
    static final String GENERATION = "notes-" + FORMAT;
    private static final String MAGIC = "otapress notes cache " + FORMAT + "\n";

    private final Path file;
    private final Consumer<Diagnostic> warnings;
    /** Notes as written, and the excerpt's length. */
    private record Key(String text, int excerptChars) {
    }

    private final Map<Key, Markdown.Rendered> entries = new ConcurrentHashMap<>();
    private final Set<Key> used = ConcurrentHashMap.newKeySet();
    /** The settings the entries were rendered under: otapress's code and site.yaml's unsafe_html. */
    private volatile String settings;
    private volatile boolean changed;

    private NotesCache(Path file, Consumer<Diagnostic> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** The cache kept in {@code folder}; a file written by other code is ignored without a word, a damaged one with a warning. */
    static NotesCache load(Path folder, Consumer<Diagnostic> warnings) {
        NotesCache cache = new NotesCache(folder.resolve("notes.bin"), warnings);
        cache.read();
        return cache;
    }

    /** No cache ({@code --no-cache}): notes are rendered every time. */
    static NotesCache off() {
        return new NotesCache(null, d -> { });
    }

    /**
     * Renders notes with {@code markdown}, or takes what an earlier build rendered from the same text
     * and settings. One build renders with one {@link Markdown}: entries made under other settings are dropped.
     */
    public NotesRenderer over(Markdown markdown) {
        if (file == null || CodeStamp.current() == null) return markdown;
        String current = settings(markdown);
        if (!current.equals(settings)) {
            if (settings != null) changed = true;
            entries.clear();
            settings = current;
        }
        return (text, excerptChars) -> {
            Key key = new Key(text, excerptChars);
            used.add(key);
            Markdown.Rendered known = entries.get(key);
            if (known != null) return known;
            Markdown.Rendered rendered = markdown.render(text, excerptChars);
            entries.put(key, rendered);
            changed = true;
            return rendered;
        };
    }

    /** Writes what this build rendered; after a successful build ({@code prune}) only the entries it used are kept. */
    void save(boolean prune) {
        if (file == null || settings == null) return;
        if (prune) changed |= entries.keySet().retainAll(used);
        if (!changed) return;
        try {
            SealedFile.write(file, MAGIC, this::write);
        } catch (IOException | RuntimeException e) {
            warnings.accept(Diagnostic.warning(file, "cannot be written (" + IpaCache.firstLine(e.getMessage())
                    + "); the next build renders the notes again"));
        }
    }

    private static String settings(Markdown markdown) {
        return CodeStamp.current() + "\nunsafe_html=" + markdown.unsafeHtml();
    }

    private void read() {
        try {
            SealedFile.read(file, MAGIC, in -> {
                settings = RecordCodec.string(in);
                for (int i = 0, n = RecordCodec.count(in); i < n; i++) {
                    Key key = new Key(RecordCodec.string(in), in.readInt());
                    entries.put(key, new Markdown.Rendered(RecordCodec.string(in), RecordCodec.string(in), RecordCodec.string(in)));
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            entries.clear();
            settings = null;
            changed = true;
            warnings.accept(Diagnostic.warning(file, "is a damaged or foreign cache file (" + IpaCache.firstLine(e.getMessage())
                    + "); otapress ignored it and renders the notes again (the cache folder " + IpaCache.FOLDER
                    + " is safe to delete)"));
        }
    }

    private void write(DataOutputStream out) throws IOException {
        RecordCodec.string(out, settings);
        // In a fixed order, so the same entries make the same file.
        List<Map.Entry<Key, Markdown.Rendered>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<Key, Markdown.Rendered> e) -> e.getKey().text())
                .thenComparingInt(e -> e.getKey().excerptChars()));
        out.writeInt(sorted.size());
        for (Map.Entry<Key, Markdown.Rendered> e : sorted) {
            RecordCodec.string(out, e.getKey().text());
            out.writeInt(e.getKey().excerptChars());
            RecordCodec.string(out, e.getValue().html());
            RecordCodec.string(out, e.getValue().excerpt());
            RecordCodec.string(out, e.getValue().plain());
        }
    }
}
