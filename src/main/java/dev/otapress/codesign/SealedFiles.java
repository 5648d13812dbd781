package dev.otapress.codesign;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The files of one bundle as the seal verifier sees them: names relative to the bundle folder
 * (files only, no folders) and a fresh stream per opening, so that nothing has to be held in
 * memory. The zip behind it is untrusted; the verifier bounds everything it reads.
 */
public interface SealedFiles {

    /** Every file of the bundle, relative to it ({@code Frameworks/A.framework/A}). */
    List<String> names();

    /** A new stream over the file's bytes; the caller closes it. */
    InputStream open(String name) throws IOException;

    /** Whether the archive marks the entry as a symbolic link (its bytes are then the target). */
    boolean isSymlink(String name);

    /** The size the archive declares for the file (untrusted: only for choosing how to hash it), or -1. */
    default long sizeHint(String name) {
        return -1;
    }

    /** The files under {@code folder} (ending in '/'), relative to it. */
    default SealedFiles under(String folder) {
        SealedFiles outer = this;
        List<String> inner = outer.names().stream().filter(n -> n.startsWith(folder) && n.length() > folder.length())
                .map(n -> n.substring(folder.length())).toList();
        return new SealedFiles() {
            @Override
            public List<String> names() {
                return inner;
            }

            @Override
            public InputStream open(String name) throws IOException {
                return outer.open(folder + name);
            }

            @Override
            public boolean isSymlink(String name) {
                return outer.isSymlink(folder + name);
            }

            @Override
            public long sizeHint(String name) {
                return outer.sizeHint(folder + name);
            }
        };
    }
}
