package dev.otapress.content;

import dev.otapress.Diagnostic;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the release bundles under content/. Symbolic links are refused, never followed: content
 * comes from many hands, and a link could pull any file on the build machine into the portal.
 */
public final class ContentScanner {
    public static final String NOTES = "index.md";
    public static final String INTRO = "_index.md";

    /** What the scan found; the sources are sorted by site path. */
    public record Scan(List<ReleaseSource> sources, Path intro, List<Diagnostic> diagnostics) {
        public Scan {
            sources = List.copyOf(sources);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public Scan scan(Path contentDir) {
        List<Diagnostic> problems = new ArrayList<>();
        if (!Files.isDirectory(contentDir, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(Diagnostic.error(contentDir, "content folder not found; create it and put each release in a"
                    + " folder of its own, e.g. content/releases/1.0.0/MyApp.ipa"));
            return new Scan(List.of(), null, problems);
        }
        Map<Path, List<Path>> filesByFolder = new TreeMap<>();
        try {
            Files.walkFileTree(contentDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(contentDir) && dir.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
                    if (!dir.equals(contentDir) && unservableName(dir, problems)) return FileVisitResult.SKIP_SUBTREE;
                    filesByFolder.put(dir, new ArrayList<>());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isSymbolicLink()) {
                        problems.add(Diagnostic.error(file, "is a symbolic link; otapress never follows links out of content/:"
                                + " replace it with the file itself"));
                    } else if (attrs.isRegularFile() && !name.startsWith(".") && !unservableName(file, problems)) {
                        filesByFolder.get(file.getParent()).add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(Diagnostic.error(file, "cannot be read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Diagnostic.error(contentDir, "cannot be read: " + e.getMessage()));
        }

        List<ReleaseSource> sources = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> e : filesByFolder.entrySet()) {
            Path folder = e.getKey();
            List<Path> files = e.getValue();
            files.sort(Comparator.comparing(Path::toString));
            List<Path> ipas = files.stream().filter(ContentScanner::isIpa).toList();
            if (ipas.isEmpty()) continue;
            if (folder.equals(contentDir)) {
                problems.add(Diagnostic.error(ipas.get(0), "an .ipa directly in content/ has no page of its own;"
                        + " move it into a folder per release, e.g. content/releases/1.0.0/"));
                continue;
            }
            if (ipas.size() > 1) {
                problems.add(Diagnostic.error(folder, "holds " + ipas.size() + " .ipa files ("
                        + String.join(", ", ipas.stream().map(p -> p.getFileName().toString()).toList())
                        + "); a release folder holds exactly one: move the others into folders of their own"));
                continue;
            }
            Path notes = files.stream().filter(f -> f.getFileName().toString().equals(NOTES)).findFirst().orElse(null);
            List<Path> assets = files.stream().filter(f -> !isIpa(f) && !f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")).toList();
            sources.add(new ReleaseSource(folder, sitePath(contentDir, folder), ipas.get(0), notes, assets));
        }
        sources.sort(Comparator.comparing(ReleaseSource::sitePath));
        Path intro = contentDir.resolve(INTRO);
        return new Scan(sources, Files.isRegularFile(intro, LinkOption.NOFOLLOW_LINKS) ? intro : null, problems);
    }

    /**
     * A backslash (left by unzipping a Windows archive) or a control character in a name cannot
     * become a URL path that every server and browser reads the same way; such names are refused.
     */
    private static boolean unservableName(Path path, List<Diagnostic> problems) {
        String name = path.getFileName().toString();
        int bad = -1;
        for (int i = 0; i < name.length() && bad < 0; i++) {
            char c = name.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) bad = c;
        }
        if (bad < 0) return false;
        String what = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "folder" : "file";
        problems.add(Diagnostic.error(path, "the " + what + " name holds " + (bad == '\\' ? "a backslash"
                : String.format("the control character U+%04X", bad)) + ", which cannot be part of a web address;"
                + " rename it (a backslash usually means a Windows archive was unzipped: use '/' folders instead)"));
        return true;
    }

    private static boolean isIpa(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipa");
    }

    private static String sitePath(Path contentDir, Path folder) {
        List<String> parts = new ArrayList<>();
        for (Path p : contentDir.relativize(folder)) parts.add(p.toString());
        return String.join("/", parts);
    }
}
