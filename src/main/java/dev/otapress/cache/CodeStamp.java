package dev.otapress.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * otapress's own code as it runs, for keys of what earlier builds made: its jar's path and stamp
 * (size, times, identity), so a new jar, even one of the same version, misses; for classes in a
 * folder (a development build, the tests), the {@link TreeStamp} of that folder, so a recompiled
 * class or an edited built-in template misses too. Worked out once per run: code does not change
 * under a running program.
 */
public final class CodeStamp {
    private CodeStamp() {
    }

    private static final class Holder {
        static final String CURRENT = stamp();
    }

    /** The stamp, or null when the code's location is unknown (then nothing may be keyed on it). */
    public static String current() {
        return Holder.CURRENT;
    }

    private static String stamp() {
        try {
            CodeSource source = CodeStamp.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path code = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(code)) {
                FileStamp stamp = FileStamp.of(code);
                return stamp == null ? null : code + " " + stamp;
            }
            TreeStamp classes = TreeStamp.of(java.util.List.of(code), Runtime.getRuntime().availableProcessors());
            return classes == null ? null : code + " " + classes.digest();
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
