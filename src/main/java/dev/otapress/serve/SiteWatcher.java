package dev.otapress.serve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A fingerprint of what a build reads: site.yaml and the files under content/, themes/,
 * templates/ and static/ (path, size and modification time), skipping dot-named folders and files
 * (add's staging folder, editors' swap files, .git).
 */
final class SiteWatcher {
    static final List<String> WATCHED = List.of("site.yaml", "content", "themes", "templates", "static");

    private SiteWatcher() {
    }

    static long fingerprint(Path siteDir) {
        long[] hash = {17};
        for (String name : WATCHED) {
            Path root = siteDir.resolve(name);
            if (!Files.exists(root)) continue;
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (file.getFileName().toString().startsWith(".") && !file.equals(root)) return FileVisitResult.CONTINUE;
                        hash[0] = hash[0] * 31 + file.toString().hashCode();
                        hash[0] = hash[0] * 31 + attrs.size();
                        hash[0] = hash[0] * 31 + attrs.lastModifiedTime().toMillis();
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                hash[0] = hash[0] * 31 + 1;
            }
        }
        return hash[0];
    }
}
