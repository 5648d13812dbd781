package dev.otapress.output;

import java.nio.file.Path;
import java.util.Objects;

/** One file of the built site, by its '/'-separated path relative to the output folder. */
public sealed interface OutputFile {
    String path();

    /** Content made by the build (pages, manifests, icons). */
    record Bytes(String path, byte[] content) implements OutputFile {
        public Bytes {
            checkPath(path);
            Objects.requireNonNull(content, "content");
        }
    }

    /** A file taken over byte for byte (the .ipa, theme assets). */
    record Copy(String path, Path source) implements OutputFile {
        public Copy {
            checkPath(path);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The previous output's own file of the same content (an unchanged page, icon or .ipa): hard-
     * linked into the new output where the file system can, else copied. Never a file of content/.
     *
     * @param size its size, as recorded when it was written
     */
    record Linked(String path, Path source, long size) implements OutputFile {
        public Linked {
            checkPath(path);
            Objects.requireNonNull(source, "source");
        }
    }

    private static void checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new IllegalArgumentException("not a relative file path: '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a relative file path: '" + path + "'");
            }
        }
    }
}
