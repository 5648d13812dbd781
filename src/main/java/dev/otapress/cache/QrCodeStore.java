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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The QR code of each release page, kept between builds as its modules (a bit each, about 170
 * bytes a code): it is drawn from the page's URL alone, yet choosing its mask costs more than the
 * rest of the page, and a release added makes every page of its channel again (each names the
 * channel's newest build). An entry is found by the URL itself (compared in full) under
 * otapress's code ({@link CodeStamp}), so a new jar or a new base URL draws anew. A successful
 * build keeps the codes of the release pages it planned, drawn or not; a damaged or foreign file
 * is ignored with a warning.
 */
public final class QrCodeStore {
    static final String FILE = "qr.bin";
    /** Bump when what is stored changes. */
    private static final String MAGIC = "otapress qr codes 2\n";

    private final Path file;
    private final Consumer<Diagnostic> warnings;
    private final Map<String, byte[]> codes = new ConcurrentHashMap<>();
    private final Set<String> planned = ConcurrentHashMap.newKeySet();
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

    /** The modules {@code encode} makes of this URL, by this build or an earlier one. */
    public byte[] modules(String url, Function<String, byte[]> encode) {
        planned.add(url);
        byte[] known = codes.get(url);
        if (known != null) return known;
        byte[] modules = encode.apply(url);
        codes.put(url, modules);
        changed = true;
        return modules;
    }

    /** Says that a release page with this URL is part of the portal, so a successful build keeps its code. */
    public void planned(String url) {
        planned.add(url);
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
                    String url = RecordCodec.string(in);
                    byte[] modules = RecordCodec.bytes(in);
                    if (!isCode(modules)) throw new IOException("an entry that is not a QR code");
                    if (same) codes.put(url, modules);
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

    /** A QR code's modules: its width (21 to 177, in steps of 4) in the first byte, then a bit a module. */
    private static boolean isCode(byte[] modules) {
        int width = modules.length == 0 ? 0 : modules[0] & 0xFF;
        return width >= 21 && width <= 177 && (width - 21) % 4 == 0 && modules.length == 1 + (width * width + 7) / 8;
    }

    private void write(DataOutputStream out) throws IOException {
        RecordCodec.string(out, CodeStamp.current());
        // In a fixed order, so the same codes make the same file.
        List<Map.Entry<String, byte[]>> sorted = new ArrayList<>(codes.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        out.writeInt(sorted.size());
        for (Map.Entry<String, byte[]> e : sorted) {
            RecordCodec.string(out, e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
    }
}
