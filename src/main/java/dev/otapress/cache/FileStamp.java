package dev.otapress.cache;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;

/**
 * What the file system vouches for about a file without reading it: size, modification time, the
 * inode's change time (which no user can set back, unlike the modification time), and the file's
 * identity (device and inode). A file replaced in any way, even with the same size and a restored
 * modification time, gets a new identity or a new change time. Platforms that give no identity
 * give no stamp: there the cache looks files up by their SHA-256 only.
 *
 * @param changedNanos the change time, or -1 where the platform has none
 */
public record FileStamp(long size, long modifiedNanos, long changedNanos, String identity) {
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    public FileStamp {
        Objects.requireNonNull(identity, "identity");
    }

    /** The file's stamp, or null when the platform cannot identify files. */
    public static FileStamp of(Path file) throws IOException {
        if (UNIX) {
            // One stat for all of it: a warm build stamps every file it reuses, twice.
            Map<String, Object> a;
            try {
                a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,fileKey,isRegularFile", LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return ofBasic(file);
            }
            Object key = a.get("fileKey");
            if (key == null || !Boolean.TRUE.equals(a.get("isRegularFile"))) return null;
            return new FileStamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                    nanos((FileTime) a.get("ctime")), key.toString());
        }
        return ofBasic(file);
    }

    private static FileStamp ofBasic(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.fileKey() == null || !a.isRegularFile()) return null;
        long changed = -1;
        try {
            changed = nanos((FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Not a Unix file system: size, modification time and identity still tell replacements apart.
        }
        return new FileStamp(a.size(), nanos(a.lastModifiedTime()), changed, a.fileKey().toString());
    }

    private static long nanos(FileTime t) {
        return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
