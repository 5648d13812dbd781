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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>The stamp is the encoding itself (about 90 bytes a file), compared whole: no digest to compute
 * on every check, and no collision to argue about.
 */
public final class TreeStamp {
    private final byte[] encoding;

    private TreeStamp(byte[] encoding) {
        this.encoding = encoding;
    }

    /** A stamp as {@link #bytes()} gave it. */
    public static TreeStamp of(byte[] encoding) {
        return new TreeStamp(encoding.clone());
    }

    public byte[] bytes() {
        return encoding.clone();
    }

    /** A SHA-256 of the stamp, for keys that hold it as text. */
    public String digest() {
        return HexFormat.of().formatHex(Digests.jdk("SHA-256").digest(encoding));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeStamp t && Arrays.equals(encoding, t.encoding);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoding);
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
    public static TreeStamp of(List<Path> paths, int threads) throws IOException {
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            Encoder out = new Encoder();
            for (Path path : paths) {
                out.text(path.toAbsolutePath().normalize().toString());
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    a = null;
                }
                if (a == null) {
                    out.text("missing");
                } else if (a.isRegularFile()) {
                    out.file(a);
                } else if (a.isDirectory()) {
                    Walk walk = new Walk(path);
                    out.bytes(pool == null ? walk.compute() : pool.invoke(walk));
                } else {
                    return null;
                }
            }
            return new TreeStamp(out.toBytes());
        } catch (Unstampable e) {
            return null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** Names, sizes and times as bytes, each value framed so no two trees encode alike. */
    private static final class Encoder {
        byte[] buffer = new byte[256];
        int size;

        private void room(int n) {
            if (size + n > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
        }

        void number(long v) {
            room(8);
            for (int i = 56; i >= 0; i -= 8) buffer[size++] = (byte) (v >>> i);
        }

        void bytes(byte[] b) {
            number(b.length);
            room(b.length);
            System.arraycopy(b, 0, buffer, size, b.length);
            size += b.length;
        }

        void text(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void file(BasicFileAttributes a) {
            Object identity = a.fileKey();
            if (identity == null) throw new Unstampable();
            number(a.size());
            number(a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            text(identity.toString());
        }

        byte[] toBytes() {
            return Arrays.copyOf(buffer, size);
        }
    }

    /** One child of a folder, as listed. */
    private record Child(String name, BasicFileAttributes attributes, Walk folder) {
    }

    /**
     * One folder: its children in name order, files by their facts and subfolders by their own
     * encoding, which other threads make meanwhile, so both cores list a wide tree.
     */
    private static final class Walk extends RecursiveTask<byte[]> {
        private final Path folder;

        Walk(Path folder) {
            this.folder = folder;
        }

        @Override
        protected byte[] compute() {
            List<Child> children = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
                for (Path child : listing) {
                    BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    Walk sub = null;
                    if (a.isDirectory()) {
                        sub = new Walk(child);
                        if (inForkJoinPool()) sub.fork();
                    } else if (!a.isRegularFile()) {
                        throw new Unstampable();
                    }
                    children.add(new Child(child.getFileName().toString(), a, sub));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            children.sort(Comparator.comparing(Child::name));
            Encoder out = new Encoder();
            out.number(children.size());
            for (Child c : children) {
                out.text(c.name());
                if (c.folder() == null) {
                    out.file(c.attributes());
                } else {
                    out.bytes(inForkJoinPool() ? c.folder().join() : c.folder().compute());
                }
            }
            return out.toBytes();
        }
    }
}
