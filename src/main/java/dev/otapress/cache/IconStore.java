package dev.otapress.cache;

import dev.otapress.ipa.Icon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps icon PNGs beside the cache's index, one file per distinct icon (named by its SHA-256 and
 * checked against it when first read in a build), so a history of builds sharing one icon stores
 * and loads it once, and every release read from the cache shares one copy in memory.
 */
final class IconStore implements RecordCodec.Special<Icon> {
    private static final List<String> COMPONENTS = List.of("source", "width", "height", "cgbi", "png");

    static {
        // This store writes Icon's fields one by one: a new field must be stored here too.
        List<String> actual = Arrays.stream(Icon.class.getRecordComponents()).map(RecordComponent::getName).toList();
        if (!actual.equals(COMPONENTS)) throw new IllegalStateException("IconStore stores " + COMPONENTS + " but Icon has " + actual);
    }

    private final Path folder;
    private final ConcurrentMap<String, byte[]> pngs = new ConcurrentHashMap<>();
    private final ConcurrentMap<Icon, Icon> shared = new ConcurrentHashMap<>();
    private final Map<byte[], String> hashes = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    IconStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public void write(DataOutputStream out, Icon icon) throws IOException {
        byte[] png = icon.png();
        String sha = hashes.computeIfAbsent(png, IpaCache::sha256);
        Path file = file(sha);
        if (used.add(sha) && !Files.exists(file)) IpaCache.writeAtomically(file, png);
        RecordCodec.string(out, icon.source());
        out.writeInt(icon.width());
        out.writeInt(icon.height());
        out.writeBoolean(icon.cgbi());
        RecordCodec.string(out, sha);
    }

    @Override
    public Icon read(DataInputStream in) throws IOException {
        String source = RecordCodec.string(in);
        int width = in.readInt();
        int height = in.readInt();
        boolean cgbi = in.readBoolean();
        String sha = RecordCodec.string(in);
        if (!IpaCache.isSha256(sha)) throw new IOException("an icon without a valid hash");
        byte[] png = pngs.get(sha);
        if (png == null) {
            try {
                png = Files.readAllBytes(file(sha));
            } catch (NoSuchFileException e) {
                throw new IOException("its icon file " + sha + ".png is missing");
            }
            if (!IpaCache.sha256(png).equals(sha)) {
                // Ours to remove: the entry is read from its .ipa again, which writes the icon afresh.
                Files.deleteIfExists(file(sha));
                throw new IOException("its icon file " + sha + ".png is damaged");
            }
            byte[] earlier = pngs.putIfAbsent(sha, png);
            if (earlier != null) png = earlier;
            hashes.put(png, sha);
        }
        used.add(sha);
        Icon icon = new Icon(source, width, height, cgbi, png);
        Icon earlier = shared.putIfAbsent(icon, icon);
        return earlier == null ? icon : earlier;
    }

    /** Removes the icon files no entry kept by this build names. */
    void removeUnused() throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.png")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!used.contains(name.substring(0, name.length() - ".png".length()))) Files.deleteIfExists(f);
            }
        }
    }

    private Path file(String sha) {
        return folder.resolve(sha + ".png");
    }
}
