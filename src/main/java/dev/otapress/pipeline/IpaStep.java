package dev.otapress.pipeline;

import dev.otapress.cache.FileStamp;
import dev.otapress.cache.IpaCache;
import dev.otapress.cache.PreviousOutput;
import dev.otapress.content.ReleaseSource;
import dev.otapress.ipa.HashingCopy;
import dev.otapress.ipa.Icon;
import dev.otapress.ipa.IpaException;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
import dev.otapress.output.OutputWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

/**
 * Brings one .ipa into the new output and learns what it holds, reading its bytes at most once:
 * <ol>
 *   <li>a file the cache knows by its stamp is not read at all: its facts come from the cache and
 *       its copy is a hard link to the previous output's copy (or a plain copy);</li>
 *   <li>any other file is copied and hashed in one read; a cache entry for that hash (a fresh
 *       checkout, a moved file) spares the unzipping;</li>
 *   <li>only new bytes are parsed, from the copy, so what is checked is what is published.</li>
 * </ol>
 */
final class IpaStep implements ReleaseReader.Ipas {
    private final IpaReader reader;
    private final IpaCache cache;
    private final PreviousOutput previous;
    private final OutputWriter.Session session;
    private final ConcurrentMap<Icon, byte[]> iconPngs = new ConcurrentHashMap<>();

    IpaStep(IpaReader reader, IpaCache cache, PreviousOutput previous, OutputWriter.Session session) {
        this.reader = reader;
        this.cache = cache;
        this.previous = previous;
        this.session = session;
    }

    /**
     * The order to read the releases in: largest .ipa first, so that with one thread per core the
     * largest one is not read last while the other cores idle (a stat each; ties keep their order).
     */
    static int[] largestFirst(List<ReleaseSource> sources) {
        long[] sizes = new long[sources.size()];
        for (int i = 0; i < sizes.length; i++) {
            Path ipa = sources.get(i).ipa();
            try {
                sizes[i] = ipa == null ? 0 : Files.size(ipa);
            } catch (IOException e) {
                sizes[i] = 0; // Reading it reports the problem.
            }
        }
        return IntStream.range(0, sizes.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> sizes[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    /** The icon's PNG, one array shared by every release with the same icon (a history usually has one). */
    @Override
    public byte[] iconPng(Icon icon) {
        return iconPngs.computeIfAbsent(icon, Icon::png);
    }

    @Override
    public IpaInfo read(Path source) throws IpaException {
        try {
            FileStamp before = FileStamp.of(source);
            Path staged = session.stage(source);
            IpaInfo known = cache.byStamp(source, before);
            if (known != null) {
                place(source, known.sha256(), staged);
                return known;
            }
            String sha256 = HashingCopy.copy(source, staged);
            IpaInfo info = cache.bySha256(source, sha256, Files.size(staged));
            if (info == null) info = reader.read(staged, source, sha256);
            // A file that changed while it was copied is not stamped: its stamp would vouch for other bytes.
            FileStamp after = FileStamp.of(source);
            cache.put(source, before != null && before.equals(after) ? before : null, info);
            return info;
        } catch (NoSuchFileException e) {
            throw new IpaException("no such file", e);
        } catch (IOException e) {
            throw new IpaException("cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /** A hard link to the previous output's own copy of these bytes, or else a copy. */
    private void place(Path source, String sha256, Path staged) throws IOException {
        Path earlier = previous.find(sha256);
        if (earlier != null) {
            try {
                Files.createLink(staged, earlier);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // Another file system, or no links there: copy.
            }
        }
        Files.copy(source, staged, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
