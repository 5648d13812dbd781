package dev.otapress.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces the output folder as a whole: everything is written into a fresh sibling folder, and
 * only a complete site is swapped in. A failed, interrupted or concurrent build therefore never
 * leaves a half-written portal where the last good one was.
 */
public final class OutputWriter {
    /** Marks a folder as written by otapress, so later builds may replace it. */
    static final String MARKER = ".otapress-output";
    /** Where copies made ahead of their turn wait inside a new folder (see {@link Session#stage}). */
    private static final String STAGING = ".otapress-staging";
    private static final String MARKER_TEXT = "Written by otapress. Every build replaces this whole folder.\n";

    /** The output folder cannot be written; the message says what to do. */
    public static final class OutputException extends Exception {
        public OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What was written. */
    public record Written(Path folder, int files, long bytes) {
    }

    /** Writes {@code files} as the whole new content of {@code outDir}. */
    public Written write(Path outDir, List<OutputFile> files) throws OutputException {
        try (Session session = open(outDir)) {
            for (OutputFile f : files) session.write(f);
            return session.commit();
        } catch (IOException e) {
            throw new OutputException("cannot write " + outDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts replacing {@code outDir}: files written to the session go into a fresh sibling folder
     * as they come (from any number of threads), and {@link Session#commit} swaps it in. Closing
     * a session that was not committed removes what it wrote and leaves {@code outDir} as it was.
     * The folder's lock is held until the session is closed.
     */
    public Session open(Path outDir) throws OutputException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot create " + parent + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile(target), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new OutputException("another otapress build is writing " + target
                        + " right now; wait for it to finish and build again", null);
            }
            recoverAndClean(parent, name, target);
            refuseForeignFolder(target);
            String id = UUID.randomUUID().toString().substring(0, 8);
            Path fresh = parent.resolve(".otapress-new-" + name + "-" + id);
            Files.createDirectory(fresh);
            Files.writeString(fresh.resolve(MARKER), MARKER_TEXT);
            Session session = new Session(channel, target, fresh, parent.resolve(".otapress-old-" + name + "-" + id));
            channel = null;
            return session;
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(channel);
        }
    }

    /** A new output folder being written; see {@link #open}. */
    public static final class Session implements AutoCloseable {
        private final FileChannel lockChannel;
        private final Path target;
        private final Path fresh;
        private final Path old;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();
        private final ConcurrentHashMap<Path, Path> staged = new ConcurrentHashMap<>();
        private final AtomicInteger stagedCount = new AtomicInteger();
        private final AtomicInteger files = new AtomicInteger();
        private final AtomicLong bytes = new AtomicLong();
        private boolean committed;

        private Session(FileChannel lockChannel, Path target, Path fresh, Path old) {
            this.lockChannel = lockChannel;
            this.target = target;
            this.fresh = fresh;
            this.old = old;
        }

        /** The folder files go into until the commit; a file placed there by other means is part of the output too. */
        public Path folder() {
            return fresh;
        }

        /** The folder that will be replaced: the previous output, if any. */
        public Path target() {
            return target;
        }

        /**
         * A private place in the new folder for a copy of {@code source} made ahead of its turn (an
         * .ipa copied while it is hashed); writing a {@link OutputFile.Copy} of {@code source} later
         * moves it into place. Copies never written are removed before the swap.
         */
        public Path stage(Path source) throws IOException {
            Path dir = fresh.resolve(STAGING);
            folder(dir);
            Path place = dir.resolve(stagedCount.incrementAndGet() + ".part");
            if (staged.putIfAbsent(source, place) != null) throw new IOException(source + " is staged twice");
            return place;
        }

        /** Writes one file now; safe to call from several threads at once. */
        public void write(OutputFile f) throws IOException {
            if (!seen.add(f.path())) throw new IOException("two outputs claim the same file " + f.path());
            Path dest = fresh.resolve(f.path()).normalize();
            if (!dest.startsWith(fresh)) throw new IOException("output path outside the site: " + f.path());
            folder(dest.getParent());
            long written;
            if (f instanceof OutputFile.Bytes b) {
                Files.write(dest, b.content(), StandardOpenOption.CREATE_NEW);
                written = b.content().length;
            } else if (f instanceof OutputFile.Copy c) {
                Path early = staged.remove(c.source());
                if (early != null && Files.exists(early)) {
                    Files.move(early, dest);
                    written = Files.size(dest);
                } else {
                    written = copy(c.source(), dest);
                }
            } else if (f instanceof OutputFile.Linked l) {
                try {
                    Files.createLink(dest, l.source());
                    written = l.size();
                } catch (IOException | UnsupportedOperationException e) {
                    // Another file system, or no links there: a copy has the same bytes.
                    written = copy(l.source(), dest);
                }
            } else {
                throw new IllegalStateException("unknown output " + f);
            }
            files.incrementAndGet();
            bytes.addAndGet(written);
        }

        /** Creates a folder of the new output once: asking the file system again each file costs an exception. */
        private void folder(Path dir) throws IOException {
            if (folders.contains(dir)) return;
            Files.createDirectories(dir);
            folders.add(dir);
        }

        /** Swaps the new folder in for the old one, which is then removed. */
        public Written commit() throws OutputException {
            try {
                deleteTree(fresh.resolve(STAGING));
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
                deleteTree(old);
                return new Written(target, files.get(), bytes.get());
            } catch (IOException e) {
                throw new OutputException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                if (!committed) deleteTree(fresh);
            } catch (IOException e) {
                // The next build removes what is left of this one (recoverAndClean).
            } finally {
                closeQuietly(lockChannel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases the lock; there is nothing else to do.
        }
    }

    /**
     * The output folder is replaced as a whole, so a mistyped --out (the site itself, a home
     * folder) would delete it: only an empty folder or one this writer made may be replaced.
     */
    public void checkReplaceable(Path outDir) throws OutputException {
        try {
            refuseForeignFolder(outDir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new OutputException("cannot read " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static void refuseForeignFolder(Path target) throws OutputException, IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException(target + " exists and is not a folder; choose another output folder", null);
        }
        if (Files.exists(target.resolve(MARKER))) return;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            if (entries.iterator().hasNext()) {
                throw new OutputException(target + " is not empty and was not written by otapress; every build replaces"
                        + " its output folder as a whole, so otapress leaves this one alone: choose a new or empty"
                        + " folder with --out, or move this one away", null);
            }
        }
    }

    /**
     * Puts back the last good site if a killed build left it under its temporary name, without
     * writing anything new. Called at the start of every build, so that even a build that then
     * fails on bad input leaves {@code outDir} in place. Does nothing while another build holds the
     * lock (that build recovers by itself), and leaves any problem to be reported by {@link #write}.
     */
    public void recover(Path outDir) {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        String name = target.getFileName().toString();
        try (FileChannel channel = FileChannel.open(lockFile(target), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) return;
            try {
                recoverAndClean(parent, name, target);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            // write() meets the same problem with the output folder and reports it with what to do.
        }
    }

    /**
     * The lock file for an output folder: in the system's temporary folder, named by the output's
     * absolute path, so that no build leaves a file in the site (which is often a git work tree).
     * The folder is the user's own (named by user, owner-only): a shared one, made by whoever
     * built first, refuses every other user of a CI agent, and would let them plant links.
     */
    static Path lockFile(Path target) throws IOException {
        Path locks = Path.of(System.getProperty("java.io.tmpdir"), "otapress-locks-" + userName());
        if (!Files.isDirectory(locks, LinkOption.NOFOLLOW_LINKS)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(locks, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(locks);
            }
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(target.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return locks.resolve(java.util.HexFormat.of().formatHex(digest, 0, 16) + ".lock");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The user's name as a file name; a container's user without a passwd entry is "?". */
    private static String userName() {
        String name = System.getProperty("user.name", "");
        return name.matches("[A-Za-z0-9._-]{1,64}") ? name : "uid-" + Integer.toHexString(name.hashCode());
    }

    /**
     * The lock, or null while another build holds it. A build in this same JVM (a server, a test,
     * a build tool plugin) shows up as an exception instead of a null: it is the same situation.
     */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Whether a killed or running build left a temporary folder beside {@code outDir} (which the next build removes). */
    public static boolean hasLeftovers(Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) return false;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, ".otapress-*-" + target.getFileName() + "-*")) {
            return siblings.iterator().hasNext();
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
        TreeRemoval.delete(root);
    }
}
