package dev.otapress.cache;

import dev.otapress.Diagnostic;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * The QR code drawn for each release page, kept between builds: it is drawn from the page's URL and
 * its label alone, yet choosing its mask costs more than the rest of the page, and a release added
 * makes every page of its channel again (each names the channel's newest build). An entry is found
 * by the URL and label themselves (compared in full) under otapress's code ({@link CodeStamp}), so
 * a new jar, a new base URL or a new label draws anew. A successful build keeps the codes of the
 * release pages it planned, drawn or not; a damaged or foreign file is ignored with a warning.
 */
public final class QrCodeStore {
    /** Bump when what is stored changes. */
    static final int FORMAT = 1;
    static final String FILE = "qr-" + FORMAT + ".bin";
    private static final String MAGIC = "otapress qr codes " + FORMAT + "\n";

    /** What a code is drawn from. */
    private record Key(String url, String label) {
    }

    private final Path file;
    private final Consumer<Diagnostic> warnings;
    private final Map<Key, String> codes = new ConcurrentHashMap<>();
    private final Set<Key> planned = ConcurrentHashMap.newKeySet();
    private volatile boolean changed;

    private QrCodeStore(Path file, Consumer<Diagnostic> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    static QrCodeStore load(Path folder, Consumer<Diagnostic> warnings) {
        QrCodeStore store = new QrCodeStore(folder.resolve(FILE), warnings);
        if (CodeStamp.current() != null) store.read();
        return store;
    }

    /** The code drawn by {@code draw} from this URL and label, by this build or an earlier one. */
    public String svg(String url, String label, BinaryOperator<String> draw) {
        Key key = new Key(url, label);
        planned.add(key);
        String known = codes.get(key);
        if (known != null) return known;
        String svg = draw.apply(url, label);
        codes.put(key, svg);
        changed = true;
        return svg;
    }

    /** Says that a release page with this code is part of the portal, so a successful build keeps its code. */
    public void planned(String url, String label) {
        planned.add(new Key(url, label));
    }

    void save(boolean prune) {
        if (CodeStamp.current() == null) return;
        if (prune) changed |= codes.keySet().retainAll(planned);
        if (!changed) return;
        try {
            SealedFile.write(file, MAGIC, this::write);
        } catch (IOException | RuntimeException e) {
            warnings.accept(Diagnostic.warning(file, "cannot be written (" + IpaCache.firstLine(e.getMessage())
                    + "); the next build draws the QR codes again"));
        }
    }

    private void read() {
        try {
            SealedFile.read(file, MAGIC, in -> {
                // Codes another jar drew are dropped: it may draw them differently.
                boolean same = RecordCodec.string(in).equals(CodeStamp.current());
                for (int i = 0, n = RecordCodec.count(in); i < n; i++) {
                    Key key = new Key(RecordCodec.string(in), RecordCodec.string(in));
                    String svg = RecordCodec.string(in);
                    if (same) codes.put(key, svg);
                }
                if (!same) changed = true;
                return null;
            });
        } catch (IOException | RuntimeException e) {
            codes.clear();
            changed = true;
            warnings.accept(Diagnostic.warning(file, "is a damaged or foreign cache file (" + IpaCache.firstLine(e.getMessage())
                    + "); otapress ignored it and draws the QR codes again (the cache folder " + IpaCache.FOLDER
                    + " is safe to delete)"));
        }
    }

    private void write(DataOutputStream out) throws IOException {
        RecordCodec.string(out, CodeStamp.current());
        // In a fixed order, so the same codes make the same file.
        List<Map.Entry<Key, String>> sorted = new ArrayList<>(codes.entrySet());
        sorted.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(Key::url).thenComparing(Key::label)));
        out.writeInt(sorted.size());
        for (Map.Entry<Key, String> e : sorted) {
            RecordCodec.string(out, e.getKey().url());
            RecordCodec.string(out, e.getKey().label());
            RecordCodec.string(out, e.getValue());
        }
    }
}
