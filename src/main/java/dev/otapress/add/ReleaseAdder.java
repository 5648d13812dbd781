package dev.otapress.add;

import dev.otapress.BuildException;
import dev.otapress.cache.FileStamp;
import dev.otapress.cache.IpaCache;
import dev.otapress.Diagnostic;
import dev.otapress.config.ReleaseFolderPattern;
import dev.otapress.config.SiteConfig;
import dev.otapress.config.SiteConfigLoader;
import dev.otapress.content.ContentScanner;
import dev.otapress.content.FrontMatterParser;
import dev.otapress.content.Markdown;
import dev.otapress.content.NotesFile;
import dev.otapress.content.PrunedBuild;
import dev.otapress.content.ReleaseSource;
import dev.otapress.ipa.HashingCopy;
import dev.otapress.ipa.IpaException;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
import dev.otapress.pipeline.ReleaseReader;
import dev.otapress.pipeline.ReleaseSources;
import dev.otapress.pipeline.SiteBuilder;
import dev.otapress.render.Urls;
import dev.otapress.site.Release;
import dev.otapress.site.ReleaseFacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files a build into content/. Everything is checked before anything is written: the build's own
 * checks (through {@link ReleaseReader}), the channel, the folder name, and that no release with
 * the same bundle id, version and build holds other bytes. The release folder then appears whole,
 * by a rename of a dot-named staging folder that builds and {@code serve} ignore.
 */
public final class ReleaseAdder {
    private final SiteConfigLoader configLoader = new SiteConfigLoader();
    private final ContentScanner scanner = new ContentScanner();
    private final IpaReader ipaReader = new IpaReader();
    private final ReleaseReader releaseReader;

    public ReleaseAdder(Clock clock) {
        this.releaseReader = new ReleaseReader(clock);
    }

    public Added add(AddRequest request) throws BuildException {
        SiteConfig config = configLoader.load(request.siteDir(), null);
        Path ipa = request.ipa();
        if (!Files.isRegularFile(ipa)) {
            throw new BuildException(Diagnostic.error(ipa, Files.exists(ipa) ? "is not a file" : "no such file"));
        }
        Path content = request.siteDir().resolve("content");
        NewRelease candidate = check(request, config, ipa);
        Release release = candidate.release();
        ReleaseFacts.App app = release.facts().app();
        List<Diagnostic> problems = new ArrayList<>();
        folderName(ipa, "version (CFBundleShortVersionString)", app.version(), problems);
        folderName(ipa, "build (CFBundleVersion)", app.build(), problems);
        if (!problems.isEmpty()) throw new BuildException(problems);

        IpaCache cache = IpaCache.of(request.siteDir());
        List<Existing> existing = existing(content, cache);
        Optional<Existing> same = existing.stream().filter(e -> e.bundleId().equals(app.bundleIdentifier())
                && e.version().equals(app.version()) && e.build().equals(app.build())).findFirst();
        Urls urls = new Urls(config.baseUrl());
        if (same.isPresent()) {
            Existing e = same.get();
            if (e.pruned() != null) {
                throw new BuildException(Diagnostic.error(e.source().folder(), "already holds " + app.bundleIdentifier() + " "
                        + app.version() + " (" + app.build() + "), whose .ipa otapress prune removed: to publish it again,"
                        + " put the .ipa back into the folder and delete the 'pruned:' block of its index.md; for a new"
                        + " build, bump CFBundleVersion"));
            }
            if (!e.sha256().equals(release.facts().ipa().sha256())) {
                throw new BuildException(Diagnostic.error(e.source().folder(), "already holds " + app.bundleIdentifier() + " "
                        + app.version() + " (" + app.build() + ") with other bytes; release URLs never change and devices"
                        + " and caches keep the .ipa for a year, so a new build needs a new number: bump CFBundleVersion"
                        + " and build again"));
            }
            return new Added(e.source().folder(), e.source().sitePath(), urls.absolute(e.source().sitePath() + "/"),
                    app.bundleIdentifier(), app.version(), app.build(), release.channel(), true, warnings(candidate, cache));
        }

        String sitePath = ReleaseFolderPattern.fill(config.releaseFolder(), Map.of(
                "app", appFolder(existing, app),
                "version", app.version(),
                "build", app.build(),
                "bundle_id", app.bundleIdentifier(),
                "channel", release.channel()));
        Path target = content.resolve(sitePath);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new BuildException(Diagnostic.error(target, "already exists and holds no release of this build;"
                    + " move it away, or change release_folder in site.yaml"));
        }
        file(ipa, release.facts().ipa().sha256(), target, candidate.indexMd(app));
        return new Added(target, sitePath, urls.absolute(sitePath + "/"), app.bundleIdentifier(), app.version(),
                app.build(), release.channel(), false, warnings(candidate, cache));
    }

    /** The build as it would be read from its folder, with the index.md add would write. */
    private record NewRelease(Release release, IndexMd index, List<Diagnostic> warnings) {
        String indexMd(ReleaseFacts.App app) {
            return index.text(app.version(), app.build());
        }
    }

    /** Runs the build's checks on the IPA where it lies, with the front matter add would write. */
    private NewRelease check(AddRequest request, SiteConfig config, Path ipa) throws BuildException {
        IndexMd index = new IndexMd(request.title(), request.date() != null ? request.date() : IndexMd.date(request.now()),
                request.channel(), request.notes());
        Path notes = null;
        try {
            notes = Files.createTempFile("otapress-add-", ".md");
            Files.writeString(notes, index.text(null, null), StandardCharsets.UTF_8);
            ReleaseSource source = new ReleaseSource(ipa.toAbsolutePath().getParent(), "new-release", ipa, notes, List.of());
            ReleaseReader.Read read = releaseReader.read(source, new Markdown(config.markdown().unsafeHtml()),
                    config.checks(), config.defaultChannel());
            List<Diagnostic> all = new ArrayList<>(read.diagnostics());
            if (read.release() != null) {
                // add files builds for people to install: whatever stops installs is refused here.
                for (Release.Stop stop : read.release().stops()) all.add(Diagnostic.error(ipa, stop.message()));
                SiteBuilder.channels(config, List.of(read.release()), ReleaseSources.of(List.of(source)), all);
            }
            Path written = notes;
            List<Diagnostic> named = all.stream().map(d -> Objects.equals(d.file(), written)
                    ? new Diagnostic(null, 0, d.severity(), "the index.md that add would write: " + d.message()
                            + " (check --date, --channel and --title)") : d).toList();
            if (read.release() == null || named.stream().anyMatch(Diagnostic::isError)) throw new BuildException(named);
            return new NewRelease(read.release(), index, named);
        } catch (IOException e) {
            throw new BuildException(Diagnostic.error(null, "cannot write a temporary file: " + e.getMessage()));
        } finally {
            if (notes != null) {
                try {
                    Files.deleteIfExists(notes);
                } catch (IOException ignored) {
                    // The system's temporary folder is cleaned by the system.
                }
            }
        }
    }

    /** The build's warnings, then any about the cache's own files (the build went on without them). */
    private static List<Diagnostic> warnings(NewRelease candidate, IpaCache cache) {
        List<Diagnostic> all = new ArrayList<>(candidate.warnings());
        all.addAll(cache.takeWarnings());
        return all;
    }

    private static void folderName(Path ipa, String what, String value, List<Diagnostic> problems) {
        String why = FolderNames.unsafe(value);
        if (why != null) {
            problems.add(Diagnostic.error(ipa, "its " + what + " '" + value + "' " + why + ", so it cannot name a release"
                    + " folder; set a plain version or build number in Xcode and build again"));
        }
    }

    /** @param pruned what index.md records of a build whose .ipa was pruned, else null */
    private record Existing(ReleaseSource source, String bundleId, String version, String build, String sha256, PrunedBuild pruned) {
        Existing(ReleaseSource source, IpaInfo info) {
            this(source, info.app().bundleIdentifier(), info.app().version(), info.app().build(), info.sha256(), null);
        }

        Existing(ReleaseSource source, PrunedBuild pruned) {
            this(source, pruned.bundleId(), pruned.version(), pruned.build(), pruned.sha256(), pruned);
        }
    }

    /**
     * Every release already in content/ that can be read; the build reports the others. The
     * build's cache knows most of them by their stamp, so their bytes are not read again; the
     * rest are read once and cached for the next build and add.
     */
    private List<Existing> existing(Path content, IpaCache cache) {
        if (!Files.isDirectory(content)) return List.of();
        List<Existing> existing = scanner.scan(content).sources().parallelStream().flatMap(s -> {
            if (s.ipa() == null) {
                NotesFile notes = new FrontMatterParser().read(s.notes(), new ArrayList<>());
                PrunedBuild pruned = notes == null ? null : notes.frontMatter().pruned();
                return pruned == null ? Stream.empty() : Stream.of(new Existing(s, pruned));
            }
            IpaInfo info = known(s.ipa(), cache);
            return info == null ? Stream.<Existing>empty() : Stream.of(new Existing(s, info));
        }).toList();
        // Kept for the next build and add; add uses only some entries, so none is dropped.
        cache.save(false);
        return existing;
    }

    private IpaInfo known(Path ipa, IpaCache cache) {
        try {
            FileStamp before = FileStamp.of(ipa);
            IpaInfo info = cache.byStamp(ipa, before);
            if (info != null) return info;
            info = ipaReader.read(ipa);
            // A file that changed while it was read is not stamped: its stamp would vouch for other bytes.
            cache.put(ipa, before != null && before.equals(FileStamp.of(ipa)) ? before : null, info);
            return info;
        } catch (IOException | IpaException e) {
            return null;
        }
    }

    /** The folder that already holds the app's releases, else a slug of its name. */
    private static String appFolder(List<Existing> existing, ReleaseFacts.App app) {
        return existing.stream()
                .filter(e -> e.bundleId().equals(app.bundleIdentifier()) && e.source().sitePath().contains("/"))
                .map(e -> e.source().sitePath().substring(0, e.source().sitePath().lastIndexOf('/')))
                .max(Comparator.naturalOrder())
                .orElseGet(() -> Objects.requireNonNullElse(FolderNames.slug(app.name()), app.bundleIdentifier()));
    }

    /** The .ipa's bytes are not the ones its checks read. */
    private static final class ChangedMeanwhile extends IOException {
        ChangedMeanwhile() {
            super("changed while add was reading and copying it");
        }
    }

    /**
     * Copies the IPA and writes index.md into a dot-named staging folder, then renames it into
     * place. The copy's hash must be the one checked: an export still being written, or replaced
     * meanwhile, is refused rather than filed unchecked.
     */
    private static void file(Path ipa, String checkedSha256, Path target, String indexMd) throws BuildException {
        List<Path> created = new ArrayList<>();
        Path staging = null;
        try {
            for (Path p = target.getParent(); p != null && !Files.exists(p); p = p.getParent()) created.add(0, p);
            for (Path p : created) Files.createDirectory(p);
            staging = target.resolveSibling(".otapress-add-" + UUID.randomUUID());
            Files.createDirectory(staging);
            Path copy = staging.resolve(ipa.getFileName().toString());
            if (!HashingCopy.copy(ipa, copy).equals(checkedSha256)) throw new ChangedMeanwhile();
            Files.writeString(staging.resolve(ContentScanner.NOTES), indexMd, StandardCharsets.UTF_8);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(staging);
            for (int i = created.size() - 1; i >= 0; i--) deleteQuietly(created.get(i));
            if (e instanceof ChangedMeanwhile) {
                throw new BuildException(Diagnostic.error(ipa, e.getMessage() + "; run add again once the file is complete"
                        + " (content/ was left as it was)"));
            }
            throw new BuildException(Diagnostic.error(target, "cannot be written (" + e.getMessage() + "); content/ was"
                    + " left as it was"));
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort: a dot-named leftover is ignored by builds and removed by the next add.
        }
    }
}
