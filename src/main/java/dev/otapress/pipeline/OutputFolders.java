package dev.otapress.pipeline;

import dev.otapress.Diagnostic;
import dev.otapress.config.SiteConfigLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses output folders that overlap what a build reads or another output. Every build replaces
 * each output folder as a whole, so an output that is, holds or sits inside the content, the theme,
 * the cache or the other output would destroy it. Paths are compared as the file system resolves
 * them (symbolic links followed, also for the part that exists of a folder not yet made), since an
 * {@code --out} reached through a link can name content/ under another spelling.
 */
final class OutputFolders {

    /** The build's cache of what each IPA yields, inside the site folder. */
    static final String CACHE = dev.otapress.cache.IpaCache.FOLDER;

    private OutputFolders() {
    }

    /** The problems, one per overlapping output; empty when the folders are apart. */
    static List<Diagnostic> check(Path siteDir, Path outDir, Path serverConfigDir) {
        List<Diagnostic> problems = new ArrayList<>();
        Path site = real(siteDir);
        Path out = real(outDir);
        Path config = real(serverConfigDir);
        List<Path> read = new ArrayList<>();
        for (String name : List.of("content", "themes", "templates", "static", CACHE, SiteConfigLoader.FILE_NAME)) {
            read.add(real(site.resolve(name)));
        }
        for (Path[] output : new Path[][] {{outDir.toAbsolutePath(), out}, {serverConfigDir.toAbsolutePath(), config}}) {
            Path given = output[0];
            Path real = output[1];
            if (site.startsWith(real)) {
                problems.add(Diagnostic.error(given, "cannot be an output folder: it " + (site.equals(real) ? "is" : "holds")
                        + " the site folder " + siteDir + ", and every build replaces its output as a whole; use a folder"
                        + " such as public/"));
                continue;
            }
            for (Path r : read) {
                if (real.startsWith(r) || r.startsWith(real)) {
                    problems.add(Diagnostic.error(given, "cannot be an output folder: it " + relation(real, r) + " the site's "
                            + r.getFileName() + (real.equals(given.normalize()) ? "" : " (it resolves to " + real + ")")
                            + ", and every build replaces its output as a whole; use a folder such as public/"));
                    break;
                }
            }
        }
        if (problems.isEmpty() && (out.startsWith(config) || config.startsWith(out))) {
            problems.add(Diagnostic.error(serverConfigDir.toAbsolutePath(), "cannot be the server-config folder: it "
                    + relation(config, out) + " the output folder " + outDir + ", and each build replaces both as a whole;"
                    + " use two separate folders such as public/ and server-config/"));
        }
        return problems;
    }

    private static String relation(Path a, Path b) {
        return a.equals(b) ? "is" : a.startsWith(b) ? "is inside" : "holds";
    }

    /**
     * The path as the file system resolves it: each existing step through its real path (so links
     * and a '..' after a link go where the system goes), the rest appended as written.
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath();
        Path current = absolute.getRoot();
        boolean exists = true;
        for (Path name : absolute) {
            String n = name.toString();
            if (n.equals(".")) continue;
            if (n.equals("..")) {
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            current = current.resolve(n);
            if (exists && Files.exists(current)) {
                try {
                    current = current.toRealPath();
                } catch (IOException e) {
                    exists = false;
                }
            } else {
                exists = false;
            }
        }
        return current;
    }
}
