package dev.otapress.pipeline;

import dev.otapress.Diagnostic;
import dev.otapress.content.FrontMatter;
import dev.otapress.content.FrontMatterParser;
import dev.otapress.content.Markdown;
import dev.otapress.content.NotesFile;
import dev.otapress.content.NotesRenderer;
import dev.otapress.content.PrunedBuild;
import dev.otapress.content.ReleaseSource;
import dev.otapress.config.CheckSwitches;
import dev.otapress.ipa.CgbiPng;
import dev.otapress.ipa.Icon;
import dev.otapress.ipa.InstallChecks;
import dev.otapress.ipa.IpaException;
import dev.otapress.ipa.IpaInfo;
import dev.otapress.ipa.IpaReader;
import dev.otapress.site.Release;
import dev.otapress.site.ReleaseFacts;
import dev.otapress.site.ReleaseState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one release folder into a {@link Release} with every check the build makes. The build
 * and {@code otapress add} both call it, so add refuses exactly what the build refuses, with the
 * same messages.
 */
public final class ReleaseReader {
    private static final int EXCERPT_CHARS = 160;
    private static final String LFS_POINTER = "is a Git LFS pointer, not the build: run 'git lfs pull' (in CI, check out"
            + " with LFS, e.g. actions/checkout with 'lfs: true', or GIT_LFS_SKIP_SMUDGE unset)";

    private final FrontMatterParser frontMatter = new FrontMatterParser();
    private final IpaReader ipaReader = new IpaReader();
    private final CgbiPng png = new CgbiPng();
    private final Clock clock;

    /** @param clock what "now" is for profile expiry checks */
    public ReleaseReader(Clock clock) {
        this.clock = clock;
    }

    /** One release folder read: the release, or the reasons it could not be. */
    public record Read(Release release, List<Diagnostic> diagnostics) {
    }

    /**
     * Reads one release folder and runs every check the build runs on it. A check that stops
     * installs becomes one of the release's {@link Release#stops()}, not yet an error.
     */
    public Read read(ReleaseSource source, NotesRenderer notes, CheckSwitches siteChecks, String defaultChannel) {
        return read(source, new Ipas() {
            @Override
            public IpaInfo read(Path ipa) throws IpaException {
                return ipaReader.read(ipa);
            }

            @Override
            public byte[] iconPng(Icon icon) {
                return icon.png();
            }
        }, notes, siteChecks, defaultChannel);
    }

    /** Where the facts of each .ipa come from: a plain read, the build's cached read-once step, or {@link CachedIpas}. */
    public interface Ipas {
        IpaInfo read(Path ipa) throws IpaException;

        /** The icon's PNG bytes, which the caller may share between releases. */
        byte[] iconPng(Icon icon);
    }

    /**
     * Like {@link #read(ReleaseSource, NotesRenderer, CheckSwitches, String)}, with the facts of each
     * .ipa from {@code ipas}; {@code markdown} renders the notes ({@link Markdown}, or a cache of what it rendered).
     */
    public Read read(ReleaseSource source, Ipas ipas, NotesRenderer markdown, CheckSwitches siteChecks, String defaultChannel) {
        List<Diagnostic> problems = new ArrayList<>();
        NotesFile notes = source.notes() == null ? new NotesFile(FrontMatter.EMPTY, "")
                : frontMatter.read(source.notes(), problems);
        if (source.ipa() == null) return readPruned(source, notes, markdown, defaultChannel, problems);
        IpaInfo ipa = null;
        try {
            ipa = ipas.read(source.ipa());
            for (String w : ipa.warnings()) problems.add(Diagnostic.warning(source.ipa(), w));
        } catch (IpaException e) {
            // A pointer is never a zip, so only a file that failed is opened again to tell why: a
            // warm build opens no .ipa the cache knows.
            problems.add(Diagnostic.error(source.ipa(), GitLfs.isPointer(source.ipa()) ? LFS_POINTER : e.getMessage()));
        }
        if (notes == null || ipa == null) return new Read(null, problems);

        FrontMatter fm = notes.frontMatter();
        if (fm.pruned() != null) unfinishedPrune(source, fm.pruned(), ipa, problems);
        var app = ipa.app();
        if (fm.version() != null && !fm.version().equals(app.version())) {
            problems.add(Diagnostic.error(source.notes(), 0, "says version " + fm.version() + " but "
                    + source.ipa().getFileName() + " is version " + app.version() + "; fix the front matter or replace the .ipa"));
        }
        if (fm.build() != null && !fm.build().equals(app.build())) {
            problems.add(Diagnostic.error(source.notes(), 0, "says build " + fm.build() + " but "
                    + source.ipa().getFileName() + " is build " + app.build() + "; fix the front matter or replace the .ipa"));
        }
        // A check that stops installs is not an error yet: whether it fails the build or only marks
        // the release depends on the release's place in its app (site.InstallRule).
        List<Release.Stop> stops = new ArrayList<>();
        for (InstallChecks.Finding f : new InstallChecks(siteChecks.with(fm.checks())).check(ipa, clock.instant())) {
            if (f.error() && f.blocker() != null) {
                stops.add(new Release.Stop(ReleaseState.Reason.of(f.blocker()), f.message(), f.because()));
            } else {
                problems.add(new Diagnostic(source.ipa(), 0, f.error() ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                        f.message()));
            }
        }
        byte[] icon = icon(source, fm, ipa, ipas, problems);
        if (problems.stream().anyMatch(Diagnostic::isError)) return new Read(null, problems);

        String title = fm.title() != null ? fm.title() : app.name() + " " + app.version();
        Markdown.Rendered text = markdown.render(notes.body(), EXCERPT_CHARS);
        Release release = new Release(source.sitePath(), source.folder(), IpaFacts.of(ipa, source.ipa().getFileName().toString()), title, fm.date() != null ? fm.date() : ipa.infoPlistTime(),
                fm.channel() != null ? fm.channel() : defaultChannel, fm.draft(),
                text.html(), text.excerpt(), text.plain(), icon, fm.params(), stops, ReleaseState.INSTALLABLE);
        return new Read(release, problems);
    }

    /**
     * A release whose .ipa otapress prune removed: its page and history row come from what its
     * front matter recorded, and it is never installable.
     */
    private Read readPruned(ReleaseSource source, NotesFile notes, NotesRenderer markdown, String defaultChannel,
                            List<Diagnostic> problems) {
        if (notes == null) return new Read(null, problems);
        FrontMatter fm = notes.frontMatter();
        PrunedBuild pruned = fm.pruned();
        if (pruned == null) {
            // The scan saw the key; the parser reported why the block cannot be used.
            if (problems.stream().noneMatch(Diagnostic::isError)) {
                problems.add(Diagnostic.error(source.notes(), "has no usable 'pruned:' block and no .ipa beside it; put the"
                        + " build back, or restore the block from version control"));
            }
            return new Read(null, problems);
        }
        ReleaseFacts facts;
        try {
            facts = PrunedFacts.facts(pruned);
        } catch (IllegalArgumentException e) {
            problems.add(Diagnostic.error(source.notes(), e.getMessage()));
            return new Read(null, problems);
        }
        if (fm.version() != null && !fm.version().equals(pruned.version())) {
            problems.add(Diagnostic.error(source.notes(), 0, "says version " + fm.version() + " but its 'pruned:' block records"
                    + " version " + pruned.version() + "; fix the front matter"));
        }
        if (fm.build() != null && !fm.build().equals(pruned.build())) {
            problems.add(Diagnostic.error(source.notes(), 0, "says build " + fm.build() + " but its 'pruned:' block records"
                    + " build " + pruned.build() + "; fix the front matter"));
        }
        byte[] icon = fm.icon() != null ? iconFile(source, fm.icon(), problems)
                : pruned.icon() != null ? iconFile(source, pruned.icon(), problems) : null;
        if (problems.stream().anyMatch(Diagnostic::isError)) return new Read(null, problems);

        String title = fm.title() != null ? fm.title() : pruned.name() + " " + pruned.version();
        Markdown.Rendered text = markdown.render(notes.body(), EXCERPT_CHARS);
        Release release = new Release(source.sitePath(), source.folder(), facts, title, fm.date() != null ? fm.date() : pruned.date(),
                fm.channel() != null ? fm.channel() : defaultChannel, fm.draft(),
                text.html(), text.excerpt(), text.plain(), icon, fm.params(), List.of(), ReleaseState.pruned(pruned.removed()));
        return new Read(release, problems);
    }

    /** index.md says the .ipa was removed, yet it is here: a prune was interrupted, or the build was put back. */
    private static void unfinishedPrune(ReleaseSource source, PrunedBuild pruned, IpaInfo ipa, List<Diagnostic> problems) {
        if (pruned.sha256().equals(ipa.sha256())) {
            problems.add(Diagnostic.warning(source.notes(), "records that otapress prune removed " + pruned.file()
                    + ", but it is still here, so it stays published: run otapress prune to finish removing it, or delete"
                    + " the 'pruned:' block to keep it"));
        } else {
            problems.add(Diagnostic.warning(source.notes(), "has a 'pruned:' block for other bytes than " + source.ipa().getFileName()
                    + " (sha256 " + pruned.sha256() + "); the .ipa here is published: delete the block"));
        }
    }

    /** The front matter's icon file, else the IPA's own icon; null (with a warning) when neither. */
    private byte[] icon(ReleaseSource source, FrontMatter fm, IpaInfo ipa, Ipas ipas, List<Diagnostic> problems) {
        if (fm.icon() != null) return iconFile(source, fm.icon(), problems);
        if (ipa.icon() != null) return ipas.iconPng(ipa.icon());
        problems.add(Diagnostic.warning(source.ipa(), "has no icon PNG that otapress can read (modern apps may keep icons only"
                + " in Assets.car); a placeholder is shown: add 'icon: AppIcon.png' to index.md with a 512×512 PNG to use your own"));
        return null;
    }

    /** A PNG in the release folder, as a standard PNG; null (with an error) when it is not one. */
    private byte[] iconFile(ReleaseSource source, String name, List<Diagnostic> problems) {
        Path file = source.folder().resolve(name);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > Icon.MAX_PNG_BYTES) {
                problems.add(Diagnostic.error(source.notes(), 0, "icon '" + name + "' is not a file of at most "
                        + Icon.MAX_PNG_BYTES / 1024 / 1024 + " MB in " + source.folder() + "; put the PNG beside index.md"));
                return null;
            }
            return png.toStandardPng(Files.readAllBytes(file));
        } catch (IOException | IpaException e) {
            problems.add(Diagnostic.error(file, "is not a usable PNG icon (" + e.getMessage() + "); use a square PNG, 512×512 or larger"));
            return null;
        }
    }
}
