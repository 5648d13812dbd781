package dev.otapress.prune;

import dev.otapress.Diagnostic;
import dev.otapress.Utf8;
import dev.otapress.content.ContentScanner;
import dev.otapress.content.FrontMatter;
import dev.otapress.content.FrontMatterParser;
import dev.otapress.content.NotesFile;
import dev.otapress.content.PrunedBuild;
import dev.otapress.content.ReleaseSource;
import dev.otapress.pipeline.PrunedFacts;
import dev.otapress.site.Release;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Removes the .ipa files of a plan, one release at a time and in an order that is safe to
 * interrupt: first the facts the history needs are written into index.md (replaced whole, by a
 * rename), then the .ipa is deleted. A run that stops in between leaves a release that still
 * installs and whose index.md says it should go; the next prune finishes it.
 */
public final class PruneApplier {
    /** The name of the file that keeps a pruned release's icon, when its index.md names none. */
    static final String ICON = "app-icon";

    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final Clock clock;

    public PruneApplier(Clock clock) {
        this.clock = clock;
    }

    public Pruned apply(PrunePlan plan) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Removal> done = new ArrayList<>();
        for (Removal removal : plan.removals()) {
            try {
                if (!removal.unfinished()) record(removal.release(), removal.source(), at);
                Files.deleteIfExists(removal.ipa());
                done.add(removal);
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                Path where = removal.source().folder().resolve(ContentScanner.NOTES);
                return new Pruned(done, at, Diagnostic.error(where, "cannot record the removal of " + removal.ipa().getFileName()
                        + " (" + e.getMessage() + "); its .ipa was kept, and the releases after it were not pruned"));
            }
        }
        return new Pruned(done, at, null);
    }

    /** Writes the release's icon (when index.md names none) and its {@code pruned:} block. */
    private void record(Release release, ReleaseSource source, Instant at) throws IOException {
        Path folder = source.folder();
        Path notes = folder.resolve(ContentScanner.NOTES);
        String text = Files.exists(notes, LinkOption.NOFOLLOW_LINKS) ? Utf8.read(notes) : null;
        List<Diagnostic> problems = new ArrayList<>();
        FrontMatter before = text == null ? FrontMatter.EMPTY : parsed(notes, text, problems).frontMatter();
        byte[] icon = before.icon() == null ? release.iconPng() : null;
        String iconName = icon == null ? null : iconName(folder, icon);
        PrunedBuild recorded = PrunedFacts.record(release.facts(), release.date(), at, iconName);
        String updated = FrontMatterEdit.append(text, PrunedBlock.lines(recorded));
        // Read back as the build will read it: a front matter the block does not fit into is refused here, before any change.
        PrunedBuild readBack = parsed(notes, updated, problems).frontMatter().pruned();
        if (!recorded.equals(readBack)) throw new IllegalStateException("its front matter does not read back as written");
        if (iconName != null) writeAtomically(folder.resolve(iconName), icon);
        writeAtomically(notes, updated.getBytes(StandardCharsets.UTF_8));
    }

    private NotesFile parsed(Path notes, String text, List<Diagnostic> problems) {
        NotesFile file = frontMatter.parse(notes, text, problems);
        if (file == null) {
            throw new IllegalStateException(problems.isEmpty() ? "its front matter cannot be read"
                    : problems.get(problems.size() - 1).format());
        }
        return file;
    }

    /** app-icon.png, or the first app-icon-N.png that is free or already holds these bytes (a rerun). */
    private static String iconName(Path folder, byte[] png) throws IOException {
        for (int n = 1; ; n++) {
            String name = ICON + (n == 1 ? "" : "-" + n) + ".png";
            Path file = folder.resolve(name);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return name;
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == png.length
                    && Arrays.equals(Files.readAllBytes(file), png)) {
                return name;
            }
        }
    }

    /** A dot-named temporary file beside the target (which scans skip), synced, then renamed over it. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".otapress-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) ch.write(buffer);
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
