package dev.otapress.cache;

import dev.otapress.Digests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * One digest of what the file system says about some files and folders, read without opening any
 * file: every name under them, and each file's size, modification time and identity (device and
 * inode). Two stamps are equal only if no file was added, removed, renamed, replaced or written in
 * between: a write changes the modification time (to the nanosecond) and a replacement the
 * identity, and a tool that restores an old time over new bytes of the same size in the same inode
 * is the one case it cannot see (the same key the issue of caching accepts for an .ipa).
 *
 * <p>A tree holding a symbolic link or anything but files and folders has no stamp, since its
 * link's target may change where no stamp of the tree shows it.
 */
public final class TreeStamp {
    private TreeStamp() {
    }

    private record Entry(String path, String facts) {
    }

    /** Thrown inside the walk when the tree cannot be stamped; the walk answers null. */
    private static final class Unstampable extends RuntimeException {
        Unstampable() {
            super(null, null, false, false);
        }
    }

    /**
     * The stamp of these paths (each a file, a folder, or missing), or null when one of them holds
     * something a stamp cannot vouch for.
     *
     * @param threads how many folders are listed at once
     */
    public static String of(List<Path> paths, int threads) throws IOException {
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            MessageDigest md = Digests.jdk("SHA-256");
            for (Path path : paths) {
                List<Entry> entries = new ArrayList<>();
                if (!stamp(path, "", entries, pool)) return null;
                entries.sort(Comparator.comparing(Entry::path));
                update(md, path.toAbsolutePath().normalize().toString());
                for (Entry e : entries) {
                    update(md, e.path());
                    update(md, e.facts());
                }
                update(md, "");
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (Unstampable e) {
            return null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    private static boolean stamp(Path path, String name, List<Entry> entries, ForkJoinPool pool) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            entries.add(new Entry(name, "missing"));
            return true;
        }
        if (a.isRegularFile()) {
            entries.add(new Entry(name, facts(a)));
            return true;
        }
        if (!a.isDirectory()) return false;
        entries.add(new Entry(name, "folder"));
        Walk walk = new Walk(path, name);
        entries.addAll(pool == null ? walk.compute() : pool.invoke(walk));
        return true;
    }

    private static String facts(BasicFileAttributes a) {
        Object identity = a.fileKey();
        if (identity == null) throw new Unstampable();
        return a.size() + " " + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + " " + identity;
    }

    private static void update(MessageDigest md, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (bytes.length >>> 24));
        md.update((byte) (bytes.length >>> 16));
        md.update((byte) (bytes.length >>> 8));
        md.update((byte) bytes.length);
        md.update(bytes);
    }

    /** One folder: its files stamped here, its subfolders forked, so both cores list a wide tree. */
    private static final class Walk extends RecursiveTask<List<Entry>> {
        private final Path folder;
        private final String name;

        Walk(Path folder, String name) {
            this.folder = folder;
            this.name = name;
        }

        @Override
        protected List<Entry> compute() {
            List<Entry> entries = new ArrayList<>();
            List<Walk> folders = new ArrayList<>();
            try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
                for (Path child : children) {
                    String childName = name + "/" + child.getFileName();
                    BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile()) {
                        entries.add(new Entry(childName, facts(a)));
                    } else if (a.isDirectory()) {
                        entries.add(new Entry(childName, "folder"));
                        Walk walk = new Walk(child, childName);
                        if (inForkJoinPool()) walk.fork();
                        folders.add(walk);
                    } else {
                        throw new Unstampable();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Walk walk : folders) entries.addAll(inForkJoinPool() ? walk.join() : walk.compute());
            return entries;
        }
    }
}
