package dev.otapress.deploy;

import dev.otapress.media.HttpRules;
import dev.otapress.render.Urls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The files of a built portal, each with its checksums, upload phase and headers. */
public final class Inventory {
    /** The output folder's marker: it says the folder is otapress's, the bucket has its own. */
    static final String OUTPUT_MARKER = ".otapress-output";

    private final long partSize;

    /** @param partSize the preferred multipart part size; larger files upload in parts */
    public Inventory(long partSize) {
        this.partSize = partSize;
    }

    /** Every file under {@code outDir}, sorted by phase, then by path. */
    public List<LocalObject> read(Path outDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(outDir)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !isNeverUploaded(p.getFileName().toString()))
                    .toList();
        }
        Set<String> releaseFolders = new java.util.HashSet<>();
        for (Path f : files) {
            if (f.getFileName().toString().equals(HttpRules.MANIFEST_FILE)) releaseFolders.add(sitePath(outDir, f.getParent()));
        }
        try {
            return files.parallelStream().map(f -> object(outDir, f, releaseFolders))
                    .sorted(Comparator.comparing(LocalObject::phase).thenComparing(LocalObject::sitePath))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Files a host reads as its own configuration (.htaccess, web.config, _headers…) mean nothing in a
     * bucket, and the names of otapress's own objects there are never taken by portal content.
     */
    static boolean isNeverUploaded(String fileName) {
        return fileName.equals(OUTPUT_MARKER) || fileName.equals(DeployState.KEY) || HttpRules.isHostControlFile(fileName);
    }

    private LocalObject object(Path outDir, Path file, Set<String> releaseFolders) {
        String path = sitePath(outDir, file);
        String name = file.getFileName().toString();
        String folder = sitePath(outDir, file.getParent());
        Phase phase;
        if (name.equals(HttpRules.MANIFEST_FILE)) phase = Phase.MANIFESTS;
        else if (name.equals(Urls.INDEX) && releaseFolders.contains(folder)) phase = Phase.RELEASE_PAGES;
        else if (name.equals(Urls.INDEX) || name.equals(Urls.FEED) || path.equals(Urls.LISTING)) phase = Phase.INDEXES;
        else phase = Phase.FILES;
        try {
            long size = Files.size(file);
            Checksum checksum = Checksum.of(file, Checksum.partSize(size, partSize));
            return new LocalObject(path, file, checksum, phase, releaseFolders.contains(folder) && Urls.isBinary(path),
                    ObjectHeaders.forPath(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sitePath(Path outDir, Path file) {
        return outDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
