package dev.otapress.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Replaces the output folder as a whole: everything is written into a fresh sibling folder, and
 * only a complete site is swapped in. A failed, interrupted or concurrent build therefore never
 * leaves a half-written portal where the last good one was.
 */
public final class OutputWriter {

    /** The output folder cannot be written; the message says what to do. */
    public static final class OutputException extends Exception {
        public OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What was written. */
    public record Written(Path folder, int files, long bytes) {
    }

    public Written write(Path outDir, List<OutputFile> files) throws OutputException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot create " + parent + ": " + e.getMessage(), e);
        }
        Path lockFile = parent.resolve(".otapress-lock-" + name);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OutputException("another otapress build is writing " + target
                        + " right now; wait for it to finish and build again", null);
            }
            try {
                recoverAndClean(parent, name, target);
                return swapIn(parent, name, target, files);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * A build killed between its two renames leaves the old site under its temporary name: put it
     * back. Leftover folders of killed builds are removed.
     */
    private static void recoverAndClean(Path parent, String name, Path target) throws IOException {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, ".otapress-*-" + name + "-*")) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                if (n.startsWith(".otapress-old-") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    deleteTree(p);
                }
            }
        }
    }

    private static Written swapIn(Path parent, String name, Path target, List<OutputFile> files) throws IOException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path fresh = parent.resolve(".otapress-new-" + name + "-" + id);
        Path old = parent.resolve(".otapress-old-" + name + "-" + id);
        Files.createDirectory(fresh);
        long bytes = 0;
        try {
            Set<String> seen = new HashSet<>();
            for (OutputFile f : files) {
                if (!seen.add(f.path())) throw new IOException("two outputs claim the same file " + f.path());
                Path dest = fresh.resolve(f.path()).normalize();
                if (!dest.startsWith(fresh)) throw new IOException("output path outside the site: " + f.path());
                Files.createDirectories(dest.getParent());
                if (f instanceof OutputFile.Bytes b) {
                    Files.write(dest, b.content(), StandardOpenOption.CREATE_NEW);
                    bytes += b.content().length;
                } else if (f instanceof OutputFile.Copy c) {
                    bytes += copy(c.source(), dest);
                }
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(fresh);
            throw e;
        }
        deleteTree(old);
        return new Written(target, files.size(), bytes);
    }

    /**
     * Copies, never hard-links: a link would share the file with content/, and a new build copied
     * over the old one in place (cp does that) would change the published .ipa before any build
     * had checked it, breaking the promise that a failed build leaves the last good portal alone.
     */
    private static long copy(Path source, Path dest) throws IOException {
        Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES);
        return Files.size(dest);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
